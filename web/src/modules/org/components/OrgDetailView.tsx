import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Breadcrumb, Button, Card, Descriptions, Popconfirm, Result, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined, SwapOutlined, StopOutlined, CheckCircleOutlined, ExportOutlined } from '@ant-design/icons';
import { orgApi } from '../../../api/orgs';
import { ApiError } from '../../../api/client';
import type { Org, OrgDetail } from '../../../api/types';
import { useRequest } from '../../../app/use-request';
import { useApiError } from '../../../app/use-api-error';
import { useAuth } from '../../../app/auth-context';
import { useMeta } from '../../../app/meta-context';
import { useI18n } from '../../../i18n';
import { testId } from '../../../app/test-id';
import { ActiveTag, TermTag } from './org-tags';
import { OrgFormModal, type OrgFormTarget } from './OrgFormModal';
import { MoveOrgModal } from './MoveOrgModal';

export interface OrgChange {
  kind: 'created' | 'updated' | 'moved' | 'activeChanged';
  org: Org;
  /** Parent before the change (for a move: where it came from). */
  oldParentId: string | null;
}

/**
 * One organisation: breadcrumb, every field, counts, and the actions the server's `can` flags and
 * the user's permissions allow. Used by the detail page and the tree's right pane.
 */
export function OrgDetailView({ id, compact, onChanged }: { id: string; compact?: boolean; onChanged?: (c: OrgChange) => void }) {
  const { t } = useI18n();
  const { access, me } = useAuth();
  const { levelLabel, kindLabel } = useMeta();
  const { message } = App.useApp();
  const { showError } = useApiError();
  const { data: org, loading, error, reload } = useRequest(() => orgApi.get(id), [id]);
  const [form, setForm] = useState<OrgFormTarget | null>(null);
  const [moving, setMoving] = useState<OrgDetail | null>(null);
  const [toggling, setToggling] = useState(false);

  if (error && !org) {
    const notFound = error instanceof ApiError && error.status === 404;
    return (
      <div data-testid="org-detail-error">
        <Result status={notFound ? '404' : 'error'} title={notFound ? t('org.notFound') : t('error.loadFailed')} />
      </div>
    );
  }
  if (!org || (loading && org.id !== id)) return <Skeleton active paragraph={{ rows: 10 }} />;

  const toggleActive = async () => {
    setToggling(true);
    try {
      const saved = org.active ? await orgApi.deactivate(org.id, org.version) : await orgApi.reactivate(org.id, org.version);
      void message.success(org.active ? t('org.deactivated', { name: org.name }) : t('org.reactivated', { name: org.name }));
      reload();
      onChanged?.({ kind: 'activeChanged', org: saved, oldParentId: org.parentId });
    } catch (e) {
      showError(e, { reload });
    } finally {
      setToggling(false);
    }
  };

  const canWrite = access.canWriteOrg;
  // Ancestors above the user's own organisation are usually outside a limited scope: name them, but do not link.
  const ownIndex = org.ancestors.findIndex((a) => a.id === me?.user.orgId);
  const linkable = new Set(me?.scope.all ? org.ancestors.map((a) => a.id) : ownIndex >= 0 ? org.ancestors.slice(ownIndex).map((a) => a.id) : []);
  const actions = (
    <Space wrap>
      {compact && (
        <Link to={`/orgs/${org.id}`}>
          <Button icon={<ExportOutlined />} data-testid="org-open-detail">
            {t('org.openDetail')}
          </Button>
        </Link>
      )}
      {canWrite && org.can.edit && (
        <Button icon={<EditOutlined />} onClick={() => setForm({ mode: 'edit', org })} data-testid="org-edit-btn">
          {t('action.edit')}
        </Button>
      )}
      {canWrite && org.can.addChild && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setForm({ mode: 'create', parent: { id: org.id, name: org.name, level: org.level } })}
          data-testid="org-add-child-btn"
        >
          {t('org.addChild')}
        </Button>
      )}
      {canWrite && org.can.move && (
        <Button icon={<SwapOutlined />} onClick={() => setMoving(org)} data-testid="org-move-btn">
          {t('org.move')}
        </Button>
      )}
      {canWrite && org.active && org.can.deactivate && (
        <Popconfirm
          title={t('org.deactivate.confirmTitle')}
          description={t('org.deactivate.confirm', { name: org.name })}
          okText={t('org.deactivate')}
          okButtonProps={{ danger: true, ...testId('org-deactivate-confirm') }}
          cancelText={t('action.cancel')}
          onConfirm={toggleActive}
        >
          <Button danger icon={<StopOutlined />} loading={toggling} data-testid="org-deactivate-btn">
            {t('org.deactivate')}
          </Button>
        </Popconfirm>
      )}
      {canWrite && !org.active && org.parentId && (
        <Popconfirm
          title={t('org.reactivate.confirmTitle')}
          description={t('org.reactivate.confirm', { name: org.name })}
          okText={t('org.reactivate')}
          okButtonProps={testId('org-reactivate-confirm')}
          cancelText={t('action.cancel')}
          onConfirm={toggleActive}
        >
          <Button icon={<CheckCircleOutlined />} loading={toggling} data-testid="org-reactivate-btn">
            {t('org.reactivate')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );

  const dash = '—';
  const items = [
    { key: 'code', label: t('org.field.code'), children: <Typography.Text copyable>{org.code}</Typography.Text> },
    { key: 'level', label: t('org.field.level'), children: levelLabel(org.level) },
    { key: 'kind', label: t('org.field.kind'), children: org.kind ? kindLabel(org.kind) : dash },
    {
      key: 'parent',
      label: t('org.field.parent'),
      children: !org.parentId ? dash : linkable.has(org.parentId) ? <Link to={`/orgs/${org.parentId}`}>{org.parentName}</Link> : org.parentName,
    },
    { key: 'employerName', label: t('org.field.employerName'), children: org.employerName ?? dash },
    { key: 'uscc', label: t('org.field.uscc'), children: org.uscc ? <Typography.Text code>{org.uscc}</Typography.Text> : dash },
    { key: 'regionCode', label: t('org.field.regionCode'), children: org.regionCode ?? dash },
    { key: 'industry', label: t('org.field.industry'), children: org.industry ?? dash },
    { key: 'employeeCount', label: t('org.field.employeeCount'), children: org.employeeCount?.toLocaleString() ?? dash },
    { key: 'foundedOn', label: t('org.field.foundedOn'), children: org.foundedOn ?? dash },
    { key: 'chairName', label: t('org.field.chairName'), children: org.chairName ?? <Tag color="warning">{t('org.noChair')}</Tag> },
    { key: 'hasWomenCommittee', label: t('org.field.hasWomenCommittee'), children: org.hasWomenCommittee ? t('common.yes') : t('common.no') },
    { key: 'termStart', label: t('org.field.termStart'), children: org.termStart ?? dash },
    { key: 'termYears', label: t('org.field.termYears'), children: org.termYears ? t('org.years', { n: org.termYears }) : dash },
    { key: 'termEnd', label: t('org.field.termEnd'), children: <TermTag status={org.termStatus} end={org.termEnd} /> },
    { key: 'active', label: t('org.field.active'), children: <ActiveTag active={org.active} /> },
    { key: 'updatedAt', label: t('org.field.updatedAt'), children: new Date(org.updatedAt).toLocaleString() },
    { key: 'version', label: t('org.field.version'), children: org.version },
  ];

  const afterSave = (saved: Org, kind: OrgChange['kind']) => {
    setForm(null);
    setMoving(null);
    reload();
    onChanged?.({ kind, org: saved, oldParentId: org.parentId });
  };

  return (
    <div data-testid="org-detail" data-org-id={org.id}>
      <Breadcrumb
        data-testid="org-breadcrumb"
        style={{ marginBottom: 12 }}
        items={[
          ...org.ancestors.map((a) => ({ key: a.id, title: linkable.has(a.id) ? <Link to={`/orgs/${a.id}`}>{a.name}</Link> : a.name })),
          { key: org.id, title: org.name },
        ]}
      />
      <Card
        title={
          <Space wrap>
            <span data-testid="org-detail-name">{org.name}</span>
            <Tag color="blue">{levelLabel(org.level)}</Tag>
            {!org.active && <ActiveTag active={false} />}
          </Space>
        }
        extra={compact ? undefined : actions}
        loading={loading && !org}
      >
        {compact && <div style={{ marginBottom: 16 }}>{actions}</div>}
        <Space size={40} style={{ marginBottom: 16 }} wrap>
          <Statistic title={t('org.childCount')} value={org.childCount} data-testid="org-child-count" />
          <Statistic title={t('org.activeChildCount')} value={org.activeChildCount} />
          <Statistic title={t('org.userCount')} value={org.userCount} />
          {org.childCount > 0 && (
            <Link to={`/orgs?under=${org.id}`} data-testid="org-subtree-link">
              {t('org.viewSubtree')}
            </Link>
          )}
        </Space>
        <Descriptions bordered size="small" column={compact ? { xs: 1, xl: 2 } : { xs: 1, md: 2, xl: 3 }} items={items} data-testid="org-descriptions" />
      </Card>
      <OrgFormModal
        target={form}
        onClose={() => setForm(null)}
        onSaved={(saved) => afterSave(saved, form?.mode === 'create' ? 'created' : 'updated')}
        onReload={() => {
          setForm(null);
          reload();
        }}
      />
      <MoveOrgModal
        org={moving}
        onClose={() => setMoving(null)}
        onMoved={(saved) => afterSave(saved, 'moved')}
        onReload={() => {
          setMoving(null);
          reload();
        }}
      />
    </div>
  );
}
