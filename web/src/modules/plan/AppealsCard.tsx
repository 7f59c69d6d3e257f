import type { ReactNode } from 'react';
import { Card, Table } from 'antd';
import type { z } from 'zod';
import type { AppealSchema } from '../../../../common/src/contracts/assessment';
import { APPEAL_OUTCOMES } from '../../../../common/src/assessment-vocab';
import { useI18n } from '../../i18n';
import { StatusTag } from '../../kit';
import { APPEAL_STATUS } from './assessments';

type Appeal = z.infer<typeof AppealSchema>;

/** The appeals against an assessment's result, with the answer and its outcome; `status` may draw an action instead of the tag. */
export function AppealsCard({ appeals, testId, withOrg, status }: { appeals: Appeal[]; testId: string; withOrg?: boolean; status?: (p: Appeal) => ReactNode }) {
  const { t, pick } = useI18n();
  const answerOf = (p: Appeal) => (p.answer ? `${pick(APPEAL_OUTCOMES[p.outcome as keyof typeof APPEAL_OUTCOMES] ?? { zh: '', en: '' })}：${p.answer}（${p.answeredOn}）` : '—');
  type Col = [key: string, title: Parameters<typeof t>[0], render: (p: Appeal) => ReactNode, width?: number];
  const org: Col = ['org', 'assessment.col.assessed', (p) => p.orgName, 160];
  const cols: Col[] = [
    ...(withOrg ? [org] : []),
    ['filed', 'assessment.appeal.filedOn', (p) => p.filedOn, 110],
    ['reason', 'assessment.appeal.reason', (p) => p.reason],
    ['answer', 'assessment.appeal.answer', answerOf],
    ['status', 'assessment.col.status', (p) => status?.(p) || <StatusTag vocab={APPEAL_STATUS} value={p.status} />, 150],
  ];
  return (
    <Card size="small" title={t('assessment.appeals')}>
      <Table<Appeal> size="small" rowKey="id" pagination={false} dataSource={appeals} data-testid={testId}
        columns={cols.map(([key, title, render, width]) => ({ key, title: t(title), width, render: (_: unknown, p: Appeal) => render(p) }))} />
    </Card>
  );
}
