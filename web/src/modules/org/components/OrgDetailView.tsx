import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { App, Card, Space, Statistic, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined, SwapOutlined, StopOutlined, CheckCircleOutlined, ExportOutlined } from '@ant-design/icons';
import { orgApi, type Org, type OrgDetail } from '../../../../../common/src/contracts/org';
import { call } from '../../../api/client';
import { useApiError } from '../../../app/use-api-error';
import { useAuth } from '../../../app/auth-context';
import { useI18n } from '../../../i18n';
import { Actions, DetailPage, Fields, formatDateTime, History, StatusTag, useRegionName } from '../../../kit';
import { ACTIVE, KINDS, LEVELS, TERM } from '../vocab';
import { OrgFormModal, type OrgFormTarget } from './OrgFormModal';
import { MoveOrgModal } from './MoveOrgModal';

export interface OrgChange {
  kind: 'created' | 'updated' | 'moved' | 'activeChanged';
  org: Org;
  /** Parent before the change (for a move: where it came from). */
  oldParentId: string | null;
}

/** An org's body: counts, fields, and its actions as the server's `can` allows; shared by the detail page and the tree's right pane. */
function OrgBody({ org, reload, compact, onChanged }: { org: OrgDetail; reload: () => void; compact?: boolean; onChanged?: (c: OrgChange) => void }) {
  const { t } = useI18n();
  const { me } = useAuth();
  const regionName = useRegionName();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { showError } = useApiError();
  const [form, setForm] = useState<OrgFormTarget | null>(null);
  const [moving, setMoving] = useState<OrgDetail | null>(null);
  // Ancestors above the user's own organisation are usually outside a limited scope: name them, but do not link.
  const ownIndex = org.ancestors.findIndex((a) => a.id === me?.user.orgId);
  const linkable = new Set(me?.scope.all ? org.ancestors.map((a) => a.id) : ownIndex >= 0 ? org.ancestors.slice(ownIndex).map((a) => a.id) : []);
  const toggle = async () => {
    try {
      const saved = await call(org.active ? orgApi.deactivate : orgApi.reactivate, { params: { id: org.id }, body: { version: org.version } });
      void message.success(t(org.active ? 'org.deactivated' : 'org.reactivated', { name: org.name }));
      reload();
      onChanged?.({ kind: 'activeChanged', org: saved, oldParentId: org.parentId });
    } catch (e) {
      showError(e, { reload });
    }
  };
  const afterSave = (saved: Org, kind: OrgChange['kind']) => {
    setForm(null);
    setMoving(null);
    reload();
    onChanged?.({ kind, org: saved, oldParentId: org.parentId });
  };
  const actions = (
    <Actions
      actions={[
        compact && { key: 'open', label: 'org.openDetail', icon: <ExportOutlined />, testId: 'org-open-detail', onClick: () => navigate(`/orgs/${org.id}`) },
        { key: 'edit', label: 'action.edit', icon: <EditOutlined />, show: org.can.edit, testId: 'org-edit-btn', onClick: () => setForm({ mode: 'edit', org }) },
        { key: 'add', label: 'org.addChild', icon: <PlusOutlined />, primary: true, show: org.can.addChild, testId: 'org-add-child-btn', onClick: () => setForm({ mode: 'create', parent: { id: org.id, name: org.name, level: org.level } }) },
        { key: 'move', label: 'org.move', icon: <SwapOutlined />, show: org.can.move, testId: 'org-move-btn', onClick: () => setMoving(org) },
        { key: 'deactivate', label: 'org.deactivate', icon: <StopOutlined />, danger: true, show: org.active && org.can.deactivate, testId: 'org-deactivate-btn', confirm: 'org.deactivate.confirmTitle', onClick: toggle },
        { key: 'reactivate', label: 'org.reactivate', icon: <CheckCircleOutlined />, show: !org.active && !!org.parentId && org.can.edit, testId: 'org-reactivate-btn', confirm: 'org.reactivate.confirmTitle', onClick: toggle },
      ]}
    />
  );
  return (
    <>
      {compact && (
        <Card size="small" title={<Space><span data-testid="org-detail-name">{org.name}</span><StatusTag vocab={LEVELS} value={org.level} /></Space>} style={{ marginBottom: 12 }}>
          {actions}
        </Card>
      )}
      {!compact && <div style={{ marginBottom: 12 }}>{actions}</div>}
      <Card size="small">
        <Space size={40} style={{ marginBottom: 16 }} wrap>
          <Statistic title={t('org.childCount')} value={org.childCount} data-testid="org-child-count" />
          <Statistic title={t('org.activeChildCount')} value={org.activeChildCount} />
          <Statistic title={t('org.userCount')} value={org.userCount} />
          {org.childCount > 0 && <Link to={`/orgs?under=${org.id}`} data-testid="org-subtree-link">{t('org.viewSubtree')}</Link>}
        </Space>
        <Fields
          testId="org-descriptions"
          column={compact ? 2 : 3}
          items={[
            { label: 'org.field.code', value: <Typography.Text copyable>{org.code}</Typography.Text> },
            { label: 'org.field.level', value: <StatusTag vocab={LEVELS} value={org.level} /> },
            { label: 'org.field.kind', value: org.kind && <StatusTag vocab={KINDS} value={org.kind} /> },
            { label: 'org.field.parent', value: org.parentId && (linkable.has(org.parentId) ? <Link to={`/orgs/${org.parentId}`}>{org.parentName}</Link> : org.parentName) },
            { label: 'org.field.employerName', value: org.employerName },
            { label: 'org.field.uscc', value: org.uscc && <Typography.Text code>{org.uscc}</Typography.Text> },
            { label: 'org.field.regionCode', value: org.regionCode && regionName(org.regionCode) },
            { label: 'org.field.industry', value: org.industry },
            { label: 'org.field.employeeCount', value: org.employeeCount?.toLocaleString() },
            { label: 'org.field.foundedOn', value: org.foundedOn },
            { label: 'org.field.chairName', value: org.chairName ?? <Tag color="warning">{t('org.noChair')}</Tag> },
            { label: 'org.field.hasWomenCommittee', value: t(org.hasWomenCommittee ? 'common.yes' : 'common.no') },
            { label: 'org.field.termStart', value: org.termStart },
            { label: 'org.field.termYears', value: org.termYears && t('org.years', { n: org.termYears }) },
            { label: 'org.field.termEnd', value: <Space size={4}>{org.termEnd}<StatusTag vocab={TERM} value={org.termStatus} testId="term-tag" /></Space> },
            { label: 'org.field.active', value: <StatusTag vocab={ACTIVE} value={String(org.active)} /> },
            { label: 'org.field.updatedAt', value: formatDateTime(org.updatedAt) },
            { label: 'org.field.version', value: org.version },
          ]}
        />
      </Card>
      {compact && (
        <Card size="small" title={t('kit.detail.history')} style={{ marginTop: 12 }}>
          <History endpoint={orgApi.history} id={org.id} reloadKey={org.version} />
        </Card>
      )}
      <OrgFormModal target={form} onClose={() => setForm(null)} onSaved={(s) => afterSave(s, form?.mode === 'create' ? 'created' : 'updated')} onReload={() => { setForm(null); reload(); }} />
      <MoveOrgModal org={moving} onClose={() => setMoving(null)} onMoved={(s) => afterSave(s, 'moved')} onReload={() => { setMoving(null); reload(); }} />
    </>
  );
}

/** One organisation as a page: breadcrumbs up the tree (linked inside the caller's scope), fields, actions, history. */
export function OrgDetailView({ id, compact, onChanged }: { id: string; compact?: boolean; onChanged?: (c: OrgChange) => void }) {
  const { me } = useAuth();
  const { t } = useI18n();
  if (compact) return <CompactOrg id={id} onChanged={onChanged} />;
  return (
    <DetailPage<OrgDetail> testId="org-detail" get={orgApi.get} id={id}
      notFound="org.notFound"
      rootProps={(o) => ({ 'data-org-id': o.id })}
      crumbs={(o) => {
        const own = o ? o.ancestors.findIndex((a) => a.id === me?.user.orgId) : -1;
        const linkable = new Set(o ? (me?.scope.all ? o.ancestors.map((a) => a.id) : own >= 0 ? o.ancestors.slice(own).map((a) => a.id) : []) : []);
        return o ? [...o.ancestors.map((a) => ({ title: a.name, path: linkable.has(a.id) ? `/orgs/${a.id}` : undefined })), { title: o.name }] : [{ title: t('menu.orgList'), path: '/orgs' }];
      }}
      title={(o) => o.name}
      tags={(o) => <><StatusTag vocab={LEVELS} value={o.level} />{!o.active && <StatusTag vocab={ACTIVE} value="false" />}</>}
      body={(o, reload) => <OrgBody org={o} reload={reload} onChanged={onChanged} />}
      history={{ endpoint: orgApi.history, id }}
    />
  );
}

function CompactOrg({ id, onChanged }: { id: string; onChanged?: (c: OrgChange) => void }) {
  return (
    <DetailPage<OrgDetail> testId="org-detail" get={orgApi.get} id={id}
      notFound="org.notFound"
      rootProps={(o) => ({ 'data-org-id': o.id })}
      crumbs={() => []}
      title={() => undefined}
      body={(o, reload) => <OrgBody org={o} reload={reload} compact onChanged={onChanged} />}
    />
  );
}

