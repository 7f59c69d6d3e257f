import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Card, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { z } from 'zod';
import { assessmentApi, type AssessmentDetail, type IndicatorSchema } from '../../../../common/src/contracts/assessment';
import { APPEAL_OUTCOMES, ASSESSMENT_MACHINE } from '../../../../common/src/assessment-vocab';
import { AppealsCard } from './AppealsCard';
import { KPI_METRICS, type KpiMetric } from '../../../../common/src/plan-vocab';
import { call } from '../../api/client';
import { useAccess } from '../../app/auth-context';
import { useBusy } from '../../app/use-api-error';
import { useI18n } from '../../i18n';
import { Actions, DetailPage, download, Fields, FormModal, StatusTag, WorkflowSteps, type Action } from '../../kit';
import { ASSESSMENT_STATUS, ENTRY_STATUS } from './assessments';

type Detail = z.infer<typeof AssessmentDetail>;
type Appeal = Detail['appeals'][number];
const STEP_API = { startReview: assessmentApi.startReview, rank: assessmentApi.rank, publish: assessmentApi.publish } as const;

/** The indicators of a scheme: weight, automatic (its live KPI and target) or manual. */
export function IndicatorTable({ items }: { items: z.infer<typeof IndicatorSchema>[] }) {
  const { t, pick } = useI18n();
  return (
    <Table size="small" rowKey="id" pagination={false} dataSource={items} data-testid="assessment-indicators"
      columns={[
        { key: 'name', title: t('assessment.indicator.name'), dataIndex: 'name' },
        { key: 'weight', title: t('assessment.indicator.weight'), dataIndex: 'weight', width: 80, align: 'right' },
        { key: 'kind', title: t('assessment.indicator.kind'), dataIndex: 'kind', width: 260,
          render: (k: string, i) => (k === 'auto' && i.metric ? <Tag color="blue">{t('assessment.indicator.auto', { metric: pick(KPI_METRICS[i.metric as KpiMetric] ?? { zh: i.metric, en: i.metric }), target: `${i.target}${i.unit ?? ''}` })}</Tag> : <Tag>{t('assessment.indicator.manual')}</Tag>) },
      ]} />
  );
}

/** The workflow steps the server allows (with a confirmation), and the result sheet. */
function AssessmentActions({ a, reload }: { a: Detail; reload: () => void }) {
  const { pick } = useI18n();
  const { run } = useBusy();
  const actions: Action[] = [
    ...a.actions.map((k) => {
      const def = ASSESSMENT_MACHINE.transitions[k];
      return { key: k, label: { zh: def.zh, en: def.en }, primary: true, confirm: 'confirm' in def && def.confirm ? { zh: `确定${def.zh}？`, en: `${def.en}?` } : undefined,
        onClick: () => run(() => call(STEP_API[k], { params: { id: a.id }, body: { version: a.version } }), pick(def)).then((ok) => ok && reload()), testId: `assessment-step-${k}` };
    }),
    { key: 'sheet', label: 'assessment.sheet', icon: <DownloadOutlined />, onClick: () => run(() => download(assessmentApi.sheet, { params: { id: a.id } }, '考核结果.xlsx')), testId: 'assessment-sheet' },
  ];
  return <Actions actions={actions} />;
}

/** One assessment: the scheme, the ranking (the unions directly below, in scope), the appeals and their answers. */
export default function AssessmentDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const access = useAccess();
  const [answering, setAnswering] = useState<{ appeal: Appeal; reload: () => void } | null>(null);
  return (
    <>
      <DetailPage<Detail> testId="assessment-detail" get={assessmentApi.get} title={(a) => a.title}
        tags={(a) => (
          <>
            <StatusTag vocab={ASSESSMENT_STATUS} value={a.status} testId="assessment-status" />
            {a.appealOpen && <Tag color="orange" data-testid="assessment-appeal-open">{t('assessment.appealOpen', { date: a.appealDue ?? '' })}</Tag>}
          </>
        )}
        actions={(a, reload) => <AssessmentActions a={a} reload={reload} />}
        history={{ endpoint: assessmentApi.history, id: id! }}
        body={(a, reload) => (
          <>
            <Card size="small" style={{ marginBottom: 16 }}>
              <WorkflowSteps machine={ASSESSMENT_MACHINE} status={a.status} testId="assessment-steps" />
              <Fields column={4} items={[
                { label: 'assessment.col.org', value: a.orgName },
                { label: 'assessment.col.year', value: a.year },
                { label: 'assessment.field.publishedOn', value: a.publishedOn ?? '—' },
                { label: 'assessment.col.appealDue', value: a.appealDue ? t('assessment.appealDue', { date: a.appealDue }) : '—' },
              ]} />
            </Card>
            <Card size="small" title={t('assessment.indicators')} style={{ marginBottom: 16 }}>
              <IndicatorTable items={a.indicators} />
            </Card>
            <Card size="small" title={t('assessment.ranking')} style={{ marginBottom: 16 }}>
              <Table size="small" rowKey="id" pagination={false} dataSource={a.ranking} data-testid="assessment-ranking"
                columns={[
                  { key: 'rank', title: t('assessment.col.rank'), dataIndex: 'rank', width: 70, render: (n: number | null) => n ?? '—' },
                  { key: 'org', title: t('assessment.col.assessed'), dataIndex: 'orgName', render: (v: string, e) => <Link to={`/plans/assessment-entries/${e.id}`}>{v}</Link> },
                  { key: 'status', title: t('assessment.col.status'), dataIndex: 'status', width: 110, render: (s: string) => <StatusTag vocab={ENTRY_STATUS} value={s} /> },
                  { key: 'self', title: t('assessment.col.selfTotal'), dataIndex: 'selfTotal', width: 100, align: 'right', render: (n: number | null) => n ?? '—' },
                  { key: 'total', title: t('assessment.col.total'), dataIndex: 'total', width: 100, align: 'right', render: (n: number | null) => n ?? '—' },
                ]} />
            </Card>
            <AppealsCard appeals={a.appeals} testId="assessment-appeals" withOrg
              status={(p) => p.status === 'open' && access.canWritePlan && (
                <Actions size="small" actions={[{ key: 'answer', label: 'assessment.appeal.doAnswer', primary: true, onClick: () => setAnswering({ appeal: p, reload }), testId: `assessment-answer-${p.id}` }]} />
              )} />
          </>
        )}
      />
      {answering && (
        <FormModal<{ answer: string; outcome: 'upheld' | 'dismissed'; total?: number }>
          open testId="assessment-answer-form" title={t('assessment.appeal.doAnswer')}
          initialValues={{ outcome: 'dismissed' }}
          fields={[
            { name: 'outcome', label: 'assessment.appeal.outcome', kind: 'select', vocab: APPEAL_OUTCOMES, required: true, span: 12 },
            { name: 'total', label: 'assessment.appeal.total', kind: 'number', min: 0, max: 100, span: 12 },
            { name: 'answer', label: 'assessment.appeal.answer', kind: 'textarea', required: true, max: 2000, span: 24 },
          ]}
          onSubmit={(v) => call(assessmentApi.answer, { params: { id: answering.appeal.id }, body: { answer: v.answer, outcome: v.outcome, total: v.total ?? null, version: answering.appeal.version } })}
          onClose={() => setAnswering(null)}
          onDone={() => {
            answering.reload();
            setAnswering(null);
          }}
        />
      )}
    </>
  );
}
