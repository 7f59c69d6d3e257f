import { Link, useNavigate } from 'react-router-dom';
import { Space, Tag, Typography } from 'antd';
import { contractApi } from '../../../../common/src/contracts/contract';
import { call } from '../../api/client';
import { useAccess, useAuth } from '../../app/auth-context';
import { useI18n } from '../../i18n';
import { DeadlineBadge, FormModal, ListPage, StatusTag, todayInChina, TwoLines } from '../../kit';
import { KINDS, SCOPES, STATUSES } from './vocab';

const INITIATED_BY = { union: { zh: '工会（职工方）', en: 'The union' }, employer: { zh: '企业', en: 'The employer' } };

/** 发出要约: the written request that starts a bargaining, with the employers it covers. */
export function RequestModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { me } = useAuth();
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <FormModal<{ orgId: string; scope: 'single'; kind: 'general'; title: string; initiatedBy: 'union'; requestOn: string; partyOrgIds: string | string[] }>
    open={open}
    title={t('contract.form.createTitle')}
    testId="contract-form"
    width={720}
    intro={<Typography.Paragraph type="secondary">{t('contract.form.createIntro')}</Typography.Paragraph>}
    initialValues={{ orgId: me?.user.orgId, scope: 'single', kind: 'general', initiatedBy: 'union', requestOn: todayInChina() }}
    fields={[
      { name: 'orgId', label: 'contract.f.orgId', kind: 'org', required: true, span: 12, known: me ? { id: me.user.orgId, name: me.user.orgName } : null },
      { name: 'scope', label: 'contract.f.scope', kind: 'select', vocab: SCOPES, required: true, span: 6 },
      { name: 'kind', label: 'contract.f.kind', kind: 'select', vocab: KINDS, required: true, span: 6 },
      { name: 'title', label: 'contract.f.title', required: true, max: 100, span: 24 },
      { name: 'partyOrgIds', label: 'contract.f.partyOrgIds', kind: 'org', required: true, levels: ['grassroots'], extra: 'contract.f.partyHint', props: { multiple: true }, span: 24 },
      { name: 'initiatedBy', label: 'contract.f.initiatedBy', kind: 'radio', vocab: INITIATED_BY, required: true, span: 12 },
      { name: 'requestOn', label: 'contract.f.requestOn', kind: 'date', required: true, noFuture: true, span: 12 },
    ]}
    onSubmit={async (v) => {
      const partyOrgIds = Array.isArray(v.partyOrgIds) ? v.partyOrgIds : [v.partyOrgIds];
      const r = await call(contractApi.create, { body: { ...v, partyOrgIds, negotiators: [] } });
      navigate(`/contracts/${r.id}`);
    }}
    onClose={onClose}
    okText="contract.new"
    />
  );
}

/** 集体协商与集体合同: every bargaining and contract in scope, with its statutory clock; filters in the URL. */
export default function ContractListPage() {
  const { t } = useI18n();
  const access = useAccess();
  return (
    <ListPage testId="contracts" title="contract.title" endpoint={contractApi.list} rowTestId={(r) => `contract-row-${r.id}`} scrollX={1200}
      exportTo={contractApi.ledger}
      empty="contract.empty"
      filters={[
        { name: 'q', label: 'contract.filter.q', max: 40 },
        { name: 'status', label: 'contract.filter.status', kind: 'select', vocab: STATUSES, span: 4 },
        { name: 'kind', label: 'contract.filter.kind', kind: 'select', vocab: KINDS, span: 4 },
        { name: 'scope', label: 'contract.filter.scope', kind: 'select', vocab: SCOPES, span: 4 },
        access.canReadOrg && { name: 'under', label: 'contract.filter.under', kind: 'org', span: 8 },
        { name: 'flags', kind: 'flags', span: 10, options: [{ value: 'expiring', label: t('contract.filter.expiring') }, { value: 'overdue', label: t('contract.filter.overdue') }] },
      ]}
      columns={[
        { key: 'title', title: 'contract.col.title', dataIndex: 'title', sort: 'title', width: 320, fixedShown: true, render: (title: string, r) => (
          <TwoLines main={<Link to={`/contracts/${r.id}`} data-testid={`contract-link-${r.id}`}>{title}</Link>} sub={<Space size={4}><StatusTag vocab={SCOPES} value={r.scope} /><StatusTag vocab={KINDS} value={r.kind} /></Space>} />
        ) },
        { key: 'status', title: 'contract.filter.status', dataIndex: 'status', width: 130, render: (s: string, r) => (
          <Space size={4}><StatusTag vocab={STATUSES} value={s} testId="contract-status" />{r.expiring && <Tag color="orange" data-testid="contract-expiring">{t('contract.tag.expiring')}</Tag>}</Space>
        ) },
        { key: 'org', title: 'contract.col.org', dataIndex: 'orgName', width: 200, ellipsis: true },
        { key: 'parties', title: 'contract.col.parties', dataIndex: 'parties', width: 150, render: (n: number, r) => t('contract.partiesWorkers', { n, w: r.workers.toLocaleString() }) },
        { key: 'requestOn', title: 'contract.f.requestOn', dataIndex: 'requestOn', sort: 'requestOn', width: 120 },
        { key: 'expiresOn', title: 'contract.col.term', dataIndex: 'expiresOn', sort: 'expiresOn', width: 210, render: (e: string | null, r) => (r.effectiveOn ? `${r.effectiveOn} ~ ${e}` : '—') },
        { key: 'clock', title: 'contract.col.clock', dataIndex: 'clock', width: 200, render: (c: { field: string; due: string; provisional: boolean } | null) => (c ? <Space size={4}>{t(`contract.clock.${c.field}` as 'contract.clock.answerDue')}<DeadlineBadge due={c.due} provisional={c.provisional} /></Space> : '—') },
      ]}
      create={{ label: 'contract.new', show: access.canWriteContract, testId: 'contract-new', render: (close) => <RequestModal open onClose={close} /> }}
    />
  );
}
