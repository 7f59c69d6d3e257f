import { useState } from 'react';
import { Link } from 'react-router-dom';
import { congressApi } from '../../../../common/src/contracts/contract';
import { call } from '../../api/client';
import { useAccess } from '../../app/auth-context';
import { useI18n } from '../../i18n';
import { Actions, DeadlineBadge, FormModal, ListPage, StatusTag, todayInChina, TwoLines, type FieldSpec } from '../../kit';
import { PROPOSAL_STATES } from './vocab';

type Act = 'assign' | 'answer' | 'close' | 'reject';
const FROM: Record<Act, string> = { assign: 'registered', answer: 'assigned', close: 'answered', reject: 'registered' };
const FIELDS: Record<Act, FieldSpec[]> = {
  assign: [{ name: 'department', label: 'proposal.f.department', required: true, max: 60, span: 12 }, { name: 'answerDue', label: 'proposal.f.answerDue', kind: 'date', required: true, span: 12 }],
  answer: [{ name: 'answeredOn', label: 'proposal.f.answeredOn', kind: 'date', required: true, noFuture: true, span: 12 }, { name: 'answer', label: 'proposal.f.answer', kind: 'textarea', required: true, max: 4000, span: 24 }],
  close: [],
  reject: [{ name: 'answer', label: 'proposal.f.answer', kind: 'textarea', required: true, max: 2000, span: 24 }],
};

/** Proposals in scope (or of one congress), each followed from registration to its close. */
export function ProposalList({ congressId, embedded, reloadKey }: { congressId?: string; embedded?: boolean; reloadKey?: unknown }) {
  const { t } = useI18n();
  const access = useAccess();
  const [acting, setActing] = useState<{ act: Act; id: string; version: number } | null>(null);
  const [done, setDone] = useState(0);
  return (
    <>
      <ListPage testId="proposals" title="proposal.title"
        embedded={embedded}
        endpoint={congressApi.proposals}
        fixed={congressId ? { congressId } : undefined}
        reloadKey={[reloadKey, done]}
        rowTestId={(p) => `proposal-row-${p.id}`}
        scrollX={1100}
        empty="proposal.empty"
        filters={[
          { name: 'q', label: 'proposal.filter.q', max: 40 },
          { name: 'status', label: 'proposal.f.status', kind: 'select', vocab: PROPOSAL_STATES, span: 4 },
          !congressId && access.canReadOrg && { name: 'under', label: 'contract.filter.under', kind: 'org', span: 8 },
          { name: 'flags', kind: 'flags', span: 6, options: [{ value: 'overdue', label: t('proposal.filter.overdue') }] },
        ]}
        columns={[
          { key: 'no', title: 'proposal.f.no', dataIndex: 'no', width: 100 },
          { key: 'title', title: 'proposal.f.title', dataIndex: 'title', width: 260, render: (title: string, p) => <TwoLines main={title} sub={congressId ? p.delegate : <Link to={`/congresses/${p.congressId}`}>{p.orgName}</Link>} /> },
          { key: 'status', title: 'proposal.f.status', dataIndex: 'status', width: 100, render: (s: string) => <StatusTag vocab={PROPOSAL_STATES} value={s} /> },
          { key: 'registeredOn', title: 'proposal.f.registeredOn', dataIndex: 'registeredOn', sort: 'registeredOn', width: 110 },
          { key: 'department', title: 'proposal.f.department', dataIndex: 'department', width: 110 },
          { key: 'answerDue', title: 'proposal.f.answerDue', dataIndex: 'answerDue', sort: 'answerDue', width: 190, render: (d: string | null, p) => (d ? <>{d} {p.status === 'assigned' && <DeadlineBadge due={d} />}</> : '—') },
          { key: 'answer', title: 'proposal.f.answer', dataIndex: 'answer', width: 220, ellipsis: true },
          access.canWriteContract && { key: 'act', title: 'proposal.col.act', dataIndex: 'id', width: 200, render: (_: string, p) => (
            <Actions size="small" actions={(Object.keys(FROM) as Act[]).map((a) => ({ key: a, label: `proposal.act.${a}` as const, show: FROM[a] === p.status, danger: a === 'reject', testId: `proposal-${a}-${p.id}`, onClick: () => setActing({ act: a, id: p.id, version: p.version }) }))} />
          ) },
        ]}
      />
      <FormModal<Record<string, unknown>>
        open={!!acting}
        title={acting ? t(`proposal.act.${acting.act}`) : ''}
        testId="proposal-act"
        fields={acting ? FIELDS[acting.act] : []}
        initialValues={acting?.act === 'answer' ? { answeredOn: todayInChina() } : {}}
        onSubmit={(v) => call(congressApi.actOnProposal, { params: { id: acting!.id }, body: { ...v, action: acting!.act, version: acting!.version } as never })}
        onClose={() => setActing(null)}
        onDone={() => { setActing(null); setDone((n) => n + 1); }}
      />
    </>
  );
}

export default function ProposalsPage() {
  return <ProposalList />;
}
