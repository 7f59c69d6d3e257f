import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Card } from 'antd';
import { proposalApi, type ProposalDetail } from '../../../../common/src/contracts/proposal';
import { PROPOSAL_FLOW } from '../../../../common/src/proposal-workflow';
import { call } from '../../api/client';
import { useI18n } from '../../i18n';
import { Actions, DetailPage, Fields, FormModal, StatusTag, todayInChina, useVocab, WorkflowSteps, yuan } from '../../kit';
import { PROPOSAL_KINDS, PROPOSAL_STATES } from './vocab';

type Step = 'evaluate' | 'adopt' | 'reject' | 'implement';
type StepValues = { opinion?: string | null; valueFen?: number; rewardFen?: number; implementedOn?: string };

/** One proposal: its steps (submitted → evaluating → adopted → implemented), the content, the value and reward. */
export default function ProposalDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { pick } = useI18n();
  const { label } = useVocab();
  const [step, setStep] = useState<Step | null>(null);
  return (
    <DetailPage<ProposalDetail> testId="proposal" get={proposalApi.get} title={(p) => p.title}
      tags={(p) => <StatusTag vocab={PROPOSAL_STATES} value={p.status} testId="proposal-status" />}
      actions={(p, reload) => {
        const def = step ? PROPOSAL_FLOW.transitions[step] : null;
        return (
          <>
            <Actions actions={p.actions.map((a) => ({ key: a, label: PROPOSAL_FLOW.transitions[a as Step], primary: a !== 'reject', danger: a === 'reject', testId: `proposal-step-${a}`, onClick: () => setStep(a as Step) }))} />
            {step && def && (
              <FormModal<StepValues> open testId="proposal-step-form" title={pick(def)} danger={def.danger}
                confirm={def.confirm ? { zh: `确定${def.zh}？`, en: `${def.en}?` } : undefined}
                initialValues={step === 'implement' ? { implementedOn: todayInChina(), valueFen: 0, rewardFen: 0 } : {}}
                fields={[
                  step === 'implement' && { name: 'valueFen', label: 'proposal.value', kind: 'money', required: true },
                  step === 'implement' && { name: 'rewardFen', label: 'proposal.reward', kind: 'money', required: true },
                  step === 'implement' && { name: 'implementedOn', label: 'proposal.implementedOn', kind: 'date', required: true, noFuture: true },
                  { name: 'opinion', label: 'proposal.opinion', kind: 'textarea', required: !!def.requires?.includes('opinion'), max: 1000, span: 24 },
                ]}
                onSubmit={(v) =>
                  step === 'implement'
                    ? call(proposalApi.implement, { params: { id: p.id }, body: { version: p.version, valueFen: v.valueFen ?? 0, rewardFen: v.rewardFen ?? 0, implementedOn: v.implementedOn!, opinion: v.opinion ?? null } })
                    : call(proposalApi[step], { params: { id: p.id }, body: { version: p.version, opinion: v.opinion ?? null } })
                }
                onClose={() => setStep(null)}
                onDone={() => { setStep(null); reload(); }}
                onReload={reload} />
            )}
          </>
        );
      }}
      body={(p) => (
        <>
          <Card size="small"><WorkflowSteps machine={PROPOSAL_FLOW} status={p.status} testId="proposal-steps" /></Card>
          <Card size="small" style={{ marginTop: 16 }}>
            <Fields items={[
              { label: 'proposal.no', value: p.proposalNo },
              { label: 'proposal.kind', value: label(PROPOSAL_KINDS, p.kind) },
              { label: 'proposal.proposer', value: p.proposerName },
              { label: 'proposal.org', value: p.orgName },
              { label: 'proposal.submittedOn', value: p.submittedOn },
              { label: 'proposal.content', value: p.content, span: 3 },
              { label: 'proposal.expected', value: p.expected, span: 3 },
              { label: 'proposal.opinion', value: p.opinion, span: 3 },
              { label: 'proposal.implementedOn', value: p.implementedOn },
              { label: 'proposal.value', value: yuan(p.valueFen) },
              { label: 'proposal.reward', value: yuan(p.rewardFen) },
            ]} />
          </Card>
        </>
      )}
      history={{ endpoint: proposalApi.history, id: id! }}
    />
  );
}
