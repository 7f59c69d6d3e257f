import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Card, Table, Tag } from 'antd';
import type { z } from 'zod';
import { assessmentApi, type EntryDetail } from '../../../../common/src/contracts/assessment';
import { ENTRY_MACHINE } from '../../../../common/src/assessment-vocab';
import { AppealsCard } from './AppealsCard';
import { call } from '../../api/client';
import { useI18n } from '../../i18n';
import { Actions, DetailPage, Fields, FormModal, StatusTag, WorkflowSteps, type FieldSpec } from '../../kit';
import { ASSESSMENT_STATUS, ENTRY_STATUS } from './assessments';

type Detail = z.infer<typeof EntryDetail>;
type Mode = 'self' | 'review' | 'appeal';

/** Self-assessment (manual indicators with evidence), review by the level above, appeal within the period. */
function EntryActions({ e, reload }: { e: Detail; reload: () => void }) {
  const { t } = useI18n();
  const [mode, setMode] = useState<Mode | null>(null);
  const manual = e.indicators.filter((i) => i.kind === 'manual');
  const byId = new Map(e.items.map((i) => [i.indicatorId, i]));
  const scoreFields = (second: 'evidence' | 'note'): FieldSpec[] =>
    manual.flatMap((i) => [
      { name: `s_${i.id}`, label: { zh: `${i.name}（满分${i.weight}）`, en: `${i.name} (out of ${i.weight})` }, kind: 'number', min: 0, max: i.weight, required: true, span: 8 },
      { name: `t_${i.id}`, label: second === 'evidence' ? 'assessment.entry.evidence' : 'assessment.entry.note', kind: 'textarea', max: second === 'evidence' ? 2000 : 500, span: 16 },
    ]);
  const initial = (which: 'self' | 'review') =>
    Object.fromEntries(manual.flatMap((i) => [[`s_${i.id}`, byId.get(i.id)?.[which] ?? undefined], [`t_${i.id}`, (which === 'self' ? byId.get(i.id)?.evidence : byId.get(i.id)?.note) ?? undefined]]));
  const items = (v: Record<string, unknown>, key: 'evidence' | 'note') =>
    manual.map((i) => ({ indicatorId: i.id, score: Number(v[`s_${i.id}`] ?? 0), [key]: (v[`t_${i.id}`] as string | undefined) ?? null }));
  const done = () => {
    setMode(null);
    reload();
  };
  return (
    <>
      <Actions actions={[
        { key: 'self', label: { zh: ENTRY_MACHINE.transitions.selfAssess.zh, en: ENTRY_MACHINE.transitions.selfAssess.en }, primary: true, show: e.can.selfAssess, onClick: () => setMode('self'), testId: 'entry-self' },
        { key: 'review', label: { zh: ENTRY_MACHINE.transitions.review.zh, en: ENTRY_MACHINE.transitions.review.en }, primary: true, show: e.can.review, onClick: () => setMode('review'), testId: 'entry-review' },
        { key: 'appeal', label: 'assessment.appeal.file', danger: true, show: e.can.appeal, onClick: () => setMode('appeal'), testId: 'entry-appeal' },
      ]} />
      {mode === 'self' && (
        <FormModal<Record<string, unknown>> open testId="entry-self-form" title={t('assessment.entry.self')} intro={t('assessment.entry.selfIntro')}
          initialValues={initial('self')} fields={scoreFields('evidence')}
          onSubmit={(v) => call(assessmentApi.selfAssess, { params: { id: e.id }, body: { items: items(v, 'evidence') as never, version: e.version } })}
          onClose={() => setMode(null)} onDone={done} onReload={reload} />
      )}
      {mode === 'review' && (
        <FormModal<Record<string, unknown>> open testId="entry-review-form" title={t('assessment.entry.review')} intro={t('assessment.entry.reviewIntro')}
          initialValues={initial('review')} fields={scoreFields('note')}
          onSubmit={(v) => call(assessmentApi.review, { params: { id: e.id }, body: { items: items(v, 'note') as never, version: e.version } })}
          onClose={() => setMode(null)} onDone={done} onReload={reload} />
      )}
      {mode === 'appeal' && (
        <FormModal<{ reason: string }> open testId="entry-appeal-form" title={t('assessment.appeal.file')} intro={t('assessment.appealDue', { date: e.appealDue ?? '' })}
          fields={[{ name: 'reason', label: 'assessment.appeal.reason', kind: 'textarea', required: true, max: 2000, span: 24 }]}
          onSubmit={(v) => call(assessmentApi.appeal, { params: { id: e.id }, body: { reason: v.reason, version: e.version } })}
          onClose={() => setMode(null)} onDone={done} onReload={reload} />
      )}
    </>
  );
}

/** One union's entry: each indicator's live value, self-assessed and reviewed score, the total and rank, and its appeals. */
export default function AssessmentEntryPage() {
  const { t } = useI18n();
  return (
    <DetailPage<Detail> testId="assessment-entry" get={assessmentApi.entry} title={(e) => `${e.assessmentTitle} · ${e.orgName}`}
      crumbs={(e) => [{ title: t('menu.assessmentEntries'), path: '/plans/assessment-entries' }, ...(e ? [{ title: e.assessmentTitle, path: `/plans/assessments/${e.assessmentId}` }] : [])]}
      tags={(e) => (
        <>
          <StatusTag vocab={ENTRY_STATUS} value={e.status} testId="entry-status" />
          <StatusTag vocab={ASSESSMENT_STATUS} value={e.assessmentStatus} />
        </>
      )}
      actions={(e, reload) => <EntryActions e={e} reload={reload} />}
      alerts={(e) => e.appealOpen && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('assessment.appealDue', { date: e.appealDue ?? '' })} />}
      body={(e) => {
        const byId = new Map(e.items.map((i) => [i.indicatorId, i]));
        return (
          <>
            <Card size="small" style={{ marginBottom: 16 }}>
              <WorkflowSteps machine={ENTRY_MACHINE} status={e.status} />
              <Fields column={4} items={[
                { label: 'assessment.col.title', value: <Link to={`/plans/assessments/${e.assessmentId}`}>{e.assessmentTitle}</Link> },
                { label: 'assessment.col.selfTotal', value: e.selfTotal ?? '—' },
                { label: 'assessment.col.total', value: e.total ?? '—', testId: 'entry-total' },
                { label: 'assessment.col.rank', value: e.rank ?? '—' },
              ]} />
            </Card>
            <Card size="small" title={t('assessment.indicators')} style={{ marginBottom: 16 }}>
              <Table size="small" rowKey="id" pagination={false} dataSource={e.indicators} data-testid="entry-items"
                columns={[
                  { key: 'name', title: t('assessment.indicator.name'), dataIndex: 'name' },
                  { key: 'weight', title: t('assessment.indicator.weight'), dataIndex: 'weight', width: 70, align: 'right' },
                  { key: 'value', title: t('assessment.entry.value'), width: 110, align: 'right', render: (_: unknown, i) => (i.kind === 'auto' ? `${byId.get(i.id)?.value ?? '—'}${i.unit ?? ''} / ${i.target}${i.unit ?? ''}` : <Tag>{t('assessment.indicator.manual')}</Tag>) },
                  { key: 'self', title: t('assessment.entry.self'), width: 90, align: 'right', render: (_: unknown, i) => byId.get(i.id)?.self ?? '—' },
                  { key: 'evidence', title: t('assessment.entry.evidence'), render: (_: unknown, i) => byId.get(i.id)?.evidence ?? '—' },
                  { key: 'review', title: t('assessment.entry.review'), width: 90, align: 'right', render: (_: unknown, i) => byId.get(i.id)?.review ?? '—' },
                  { key: 'note', title: t('assessment.entry.note'), render: (_: unknown, i) => byId.get(i.id)?.note ?? '—' },
                ]} />
            </Card>
            <AppealsCard appeals={e.appeals} testId="entry-appeals" />
          </>
        );
      }}
    />
  );
}
