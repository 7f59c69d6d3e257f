import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { App, AutoComplete, Button, Descriptions, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { auditApi, type AuditEntry } from '../../../../common/src/contracts/audit';
import { AUDIT_ACTIONS, auditActionLabel } from '../../../../common/src/audit-actions';
import { call } from '../../api/client';
import { useApiError } from '../../app/use-api-error';
import { useAccess } from '../../app/auth-context';
import { useI18n } from '../../i18n';
import { formatDateTime, ListPage, StatusTag, TwoLines } from '../../kit';
import { ACTION_GROUPS, ENTITIES, RECORD_PAGES, RESULTS } from './vocab';

/** The action filter: a code or the start of one, with every known action offered by its label. */
function ActionInput(props: { value?: string; onChange?: (v: string) => void }) {
  const { t, pick } = useI18n();
  const options = useMemo(() => {
    const groups = Object.entries(ACTION_GROUPS).map(([g, l]) => ({ value: `${g}.`, label: `${t('audit.group.all', { group: pick(l) })} · ${g}.` }));
    const actions = Object.entries(AUDIT_ACTIONS).map(([code, l]) => ({ value: code, label: `${pick(l)} · ${code}` }));
    return [...groups, ...actions];
  }, [t, pick]);
  return (
    <AutoComplete
      {...props}
      allowClear
      options={options}
      placeholder={t('audit.filter.actionHint')}
      showSearch={{ filterOption: (input, o) => !!o && (o.value.includes(input.trim()) || String(o.label).includes(input.trim())) }}
      popupMatchSelectWidth={360}
      data-testid="audit-filter-action"
    />
  );
}

/** The record an entry concerns: its kind, and its name or number (a link where the record has a page). */
function Record({ e }: { e: AuditEntry }) {
  const { pick } = useI18n();
  if (!e.entity) return <>—</>;
  const kind = pick(ENTITIES[e.entity as keyof typeof ENTITIES], e.entity);
  const name = e.entityName ?? (e.entityId && e.entityId.length > 12 ? `${e.entityId.slice(0, 8)}…` : e.entityId);
  const page = e.entityId ? RECORD_PAGES[e.entity]?.(e.entityId) : undefined;
  return <TwoLines main={page ? <Link to={page}>{name}</Link> : name} sub={kind} />;
}

/** 审计日志: entries in the caller's scope, newest first; the hash-chain check for whole-platform admins. */
export default function AuditPage() {
  const { t, pick } = useI18n();
  const access = useAccess();
  const { modal } = App.useApp();
  const { showError } = useApiError();
  const [verifying, setVerifying] = useState(false);

  const verify = async () => {
    setVerifying(true);
    try {
      const r = await call(auditApi.verify);
      modal[r.ok ? 'success' : 'error']({
        title: r.ok ? t('audit.verify.ok') : t('audit.verify.broken'),
        content: (
          <div data-testid="audit-verify-result" data-ok={String(r.ok)}>
            <p>{t('audit.verify.checked', { n: r.checked })}</p>
            {r.firstBroken && <p>{t('audit.verify.firstBroken', { seq: r.firstBroken.seq, reason: r.firstBroken.reason })}</p>}
          </div>
        ),
        okText: t('action.close'),
      });
    } catch (e) {
      showError(e);
    } finally {
      setVerifying(false);
    }
  };

  return (
    <ListPage testId="audit" title="menu.audit"
      crumbs={[{ title: t('menu.system') }, { title: t('menu.audit') }]}
      endpoint={auditApi.list}
      rowKey="seq"
      rowTestId={(e) => `audit-row-${e.seq}`}
      buttonTestIds={{ search: 'audit-filter-apply', reset: 'audit-filter-reset' }}
      scrollX={1200}
      toolbar={
        access.canVerifyAudit && (
          <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => void verify()} data-testid="audit-verify-btn">
            {t('audit.verify')}
          </Button>
        )
      }
      filters={[
        { name: 'action', label: 'audit.field.action', kind: 'custom', input: <ActionInput /> },
        { name: 'actor', label: 'audit.filter.actor', max: 64 },
        { name: 'under', label: 'audit.filter.under', kind: 'org' },
        { name: 'entity', label: 'audit.filter.entity', kind: 'select', vocab: ENTITIES },
        { name: 'result', label: 'audit.filter.result', kind: 'select', vocab: RESULTS },
        { name: 'range', label: 'audit.filter.range', kind: 'dateRange', keys: ['from', 'to'] },
      ]}
      columns={[
        { key: 'seq', title: { zh: '序号', en: '#' }, dataIndex: 'seq', width: 80, fixedShown: true },
        { key: 'at', title: 'audit.field.at', dataIndex: 'at', width: 170, render: (s: string) => formatDateTime(s) },
        { key: 'actor', title: 'audit.field.actor', dataIndex: 'actorName', width: 120, render: (a: string | null) => a ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text> },
        { key: 'org', title: 'audit.field.org', dataIndex: 'orgName', width: 200, ellipsis: true, render: (o: string | null) => o ?? '—' },
        { key: 'action', title: 'audit.field.action', dataIndex: 'action', width: 220, fixedShown: true, render: (a: string) => <TwoLines main={pick(auditActionLabel(a))} sub={<Typography.Text code>{a}</Typography.Text>} /> },
        { key: 'record', title: 'audit.field.entity', dataIndex: 'entity', width: 200, render: (_: unknown, e) => <Record e={e} /> },
        { key: 'result', title: 'audit.field.result', dataIndex: 'result', width: 90, render: (r: string) => <StatusTag vocab={RESULTS} value={r} /> },
        { key: 'ip', title: { zh: 'IP 地址', en: 'IP address' }, dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? '—' },
      ]}
      expandable={{
        rowExpandable: (e) => e.changes != null || !!e.detail || !!e.entityId,
        expandedRowRender: (e) => (
          <Descriptions size="small" column={1} bordered data-testid={`audit-detail-${e.seq}`}>
            {e.entityId && <Descriptions.Item label={t('audit.field.entityId')}>{e.entityId}</Descriptions.Item>}
            {e.detail && <Descriptions.Item label={t('audit.field.detail')}>{e.detail}</Descriptions.Item>}
            {e.changes != null && (
              <Descriptions.Item label={t('audit.field.changes')}>
                <pre className="gh-json">{JSON.stringify(e.changes, null, 2)}</pre>
              </Descriptions.Item>
            )}
          </Descriptions>
        ),
      }}
    />
  );
}
