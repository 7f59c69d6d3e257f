import { useState } from 'react';
import { Button } from 'antd';
import { trainingApi, type MentoringInput } from '../../../../common/src/contracts/training';
import type { z } from 'zod';
import { call } from '../../api/client';
import { useAccess } from '../../app/auth-context';
import { useI18n } from '../../i18n';
import { FormModal, ListPage, StatusTag, TwoLines, useVocab, listFilters } from '../../kit';
import { MENTORING_STATUSES, SKILL_LEVELS } from './vocab';

type Pair = z.infer<typeof trainingApi.mentoring.response>['items'][number];
type ResultValues = { status: 'completed' | 'ended'; result: string; apprenticeLevel?: string | null };

/** 师带徒: pairs with their goals and, once over, the result (出师 with the level reached, or ended). */
export default function MentoringPage() {
  const { t } = useI18n();
  const { label } = useVocab();
  const access = useAccess();
  const [pair, setPair] = useState<Pair | null>(null);
  const [reload, setReload] = useState(0);
  return (
    <>
      <ListPage testId="mentoring" endpoint={trainingApi.mentoring} rowTestId={(p) => `pair-row-${p.id}`} reloadKey={reload}
        filters={listFilters('training.pair.mentor', { status: ['training.status', MENTORING_STATUSES] }, 'training.org')}
        columns={[
          { key: 'mentor', title: 'training.pair.mentor', dataIndex: 'mentorName', width: 100, fixedShown: true },
          { key: 'apprentice', title: 'training.pair.apprentice', dataIndex: 'apprenticeName', width: 100 },
          { key: 'trade', title: 'training.trade', dataIndex: 'trade', width: 140 },
          { key: 'period', title: 'training.pair.period', dataIndex: 'startsOn', sort: 'startsOn', width: 200, render: (s: string, p) => `${s} ~ ${p.endsOn}` },
          { key: 'goals', title: 'training.pair.goals', dataIndex: 'goals', render: (g: string, p) => <TwoLines main={g} sub={p.result} /> },
          { key: 'status', title: 'training.status', dataIndex: 'status', width: 90, render: (s: string, p) => <>{<StatusTag vocab={MENTORING_STATUSES} value={s} />}{p.apprenticeLevel ? label(SKILL_LEVELS, p.apprenticeLevel) : ''}</> },
          { key: 'org', title: 'training.org', dataIndex: 'orgName', width: 180, ellipsis: true },
          access.canWriteTraining && {
            key: 'actions', title: 'common.actions', width: 110,
            render: (_: unknown, p) => p.status === 'active' && <Button type="link" size="small" onClick={() => setPair(p)} data-testid={`pair-result-${p.id}`}>{t('training.pair.record')}</Button>,
          },
        ]}
        create={{
          label: 'training.pair.new', show: access.canWriteTraining, testId: 'pair-new',
          form: {
            testId: 'pair-form',
            onSubmit: (v: MentoringInput) => call(trainingApi.createMentoring, { body: v }),
            fields: [
              { name: 'orgId', label: 'training.org', kind: 'org', required: true, span: 12 },
              { name: 'trade', label: 'training.trade', required: true, max: 60, span: 12 },
              { name: 'mentorName', label: 'training.pair.mentor', required: true, max: 60 },
              { name: 'apprenticeName', label: 'training.pair.apprentice', required: true, max: 60 },
              { name: 'startsOn', label: 'training.startsOn', kind: 'date', required: true },
              { name: 'endsOn', label: 'training.endsOn', kind: 'date', required: true },
              { name: 'goals', label: 'training.pair.goals', kind: 'textarea', required: true, max: 1000, span: 24 },
            ],
          },
        }}
      />
      <FormModal<ResultValues> open={!!pair} testId="pair-result-form" title={t('training.pair.record')} initialValues={{ status: 'completed' }} onClose={() => setPair(null)}
        onSubmit={async (v) => { await call(trainingApi.mentoringResult, { params: { id: pair!.id }, body: { ...v, apprenticeLevel: (v.apprenticeLevel ?? null) as never, version: pair!.version } }); setPair(null); setReload((x) => x + 1); }}
        fields={[
          { name: 'status', label: 'training.status', kind: 'radio', options: [{ value: 'completed', label: label(MENTORING_STATUSES, 'completed') }, { value: 'ended', label: label(MENTORING_STATUSES, 'ended') }], required: true },
          { name: 'apprenticeLevel', label: 'training.pair.level', kind: 'select', vocab: SKILL_LEVELS },
          { name: 'result', label: 'training.pair.result', kind: 'textarea', required: true, max: 1000, span: 24 },
        ]} />
    </>
  );
}
