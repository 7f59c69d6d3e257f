import { Link } from 'react-router-dom';
import { Card, Table, Tag } from 'antd';
import { proposalApi, type ProposalInput } from '../../../../common/src/contracts/proposal';
import { call } from '../../api/client';
import { useAccess } from '../../app/auth-context';
import { useRequest } from '../../app/use-request';
import { useI18n } from '../../i18n';
import { ListPage, StatusTag, TwoLines, useVocab, yuan, listFilters } from '../../kit';
import { PROPOSAL_KINDS, PROPOSAL_STATES } from './vocab';

/** 合理化建议 / 五小: proposals in scope, the figures by unit, recording one for a worker. */
export default function ProposalsPage() {
  const { t } = useI18n();
  const { label } = useVocab();
  const access = useAccess();
  const figures = useRequest(() => call(proposalApi.figures), []);
  return (
    <>
      <ListPage testId="proposals" endpoint={proposalApi.list} rowTestId={(p) => `proposal-row-${p.id}`}
        filters={listFilters('proposal.title', { kind: ['proposal.kind', PROPOSAL_KINDS], status: ['proposal.status', PROPOSAL_STATES] }, 'proposal.org')}
        columns={[
          { key: 'title', title: 'proposal.title', dataIndex: 'title', fixedShown: true, render: (v: string, p) => <TwoLines main={<Link to={`/proposals/${p.id}`}>{v}</Link>} sub={p.proposalNo} /> },
          { key: 'kind', title: 'proposal.kind', dataIndex: 'kind', width: 110, render: (k: string) => label(PROPOSAL_KINDS, k) },
          { key: 'proposer', title: 'proposal.proposer', dataIndex: 'proposerName', width: 120, render: (n: string, p) => <>{n}{p.viaPortal && <Tag style={{ marginInlineStart: 4 }}>{t('proposal.viaPortal')}</Tag>}</> },
          { key: 'status', title: 'proposal.status', dataIndex: 'status', width: 90, render: (s: string) => <StatusTag vocab={PROPOSAL_STATES} value={s} /> },
          { key: 'submittedOn', title: 'proposal.submittedOn', dataIndex: 'submittedOn', sort: 'submittedOn', width: 110 },
          { key: 'value', title: 'proposal.value', dataIndex: 'valueFen', sort: 'valueFen', width: 130, align: 'right', render: (f: number) => (f ? yuan(f) : '—') },
          { key: 'reward', title: 'proposal.reward', dataIndex: 'rewardFen', width: 110, align: 'right', render: (f: number) => (f ? yuan(f) : '—') },
          { key: 'org', title: 'proposal.org', dataIndex: 'orgName', width: 180, ellipsis: true },
        ]}
        create={{
          label: 'proposal.new', show: access.canWriteProposal, testId: 'proposal-new', to: (r: { id: string }) => `/proposals/${r.id}`,
          form: {
            testId: 'proposal-form',
            initialValues: { kind: 'rationalisation' },
            onSubmit: (v: ProposalInput) => call(proposalApi.create, { body: v }),
            fields: [
              { name: 'orgId', label: 'proposal.org', kind: 'org', required: true, span: 12 },
              { name: 'proposerName', label: 'proposal.proposer', required: true, max: 60, span: 12 },
              { name: 'kind', label: 'proposal.kind', kind: 'select', vocab: PROPOSAL_KINDS, required: true },
              { name: 'title', label: 'proposal.title', required: true, max: 120, span: 16 },
              { name: 'content', label: 'proposal.content', kind: 'textarea', required: true, max: 4000, span: 24 },
              { name: 'expected', label: 'proposal.expected', kind: 'textarea', max: 1000, span: 24 },
            ],
          },
        }}
      />
      {figures.data && (
        <Card size="small" title={t('proposal.byUnit')} style={{ marginTop: 16 }} data-testid="proposal-by-unit">
          <Table rowKey="id" size="small" pagination={{ pageSize: 10 }} dataSource={figures.data.byUnit}
            columns={[
              { title: t('proposal.unit'), dataIndex: 'name' },
              { title: t('proposal.total'), dataIndex: 'total', width: 80, align: 'right' },
              { title: t('proposal.adopted'), dataIndex: 'adopted', width: 80, align: 'right' },
              { title: t('proposal.implemented'), dataIndex: 'implemented', width: 80, align: 'right' },
              { title: t('proposal.value'), dataIndex: 'valueFen', width: 140, align: 'right', render: (f: number) => yuan(f) },
              { title: t('proposal.reward'), dataIndex: 'rewardFen', width: 120, align: 'right', render: (f: number) => yuan(f) },
            ]} />
        </Card>
      )}
    </>
  );
}
