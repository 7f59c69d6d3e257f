import { Progress, Space, Tag, Tooltip } from 'antd';
import { Link } from 'react-router-dom';
import { RAG_LABELS, TASK_MACHINE, type Rag } from '../../../../common/src/plan-vocab';
import type { EndpointOutput } from '../../../../common/src/contracts/kit';
import type { planApi } from '../../../../common/src/contracts/plan';
import { DeadlineBadge, StatusTag, TwoLines, type ListColumn } from '../../kit';
import { useI18n, type MessageKey } from '../../i18n';

export type Task = EndpointOutput<typeof planApi.tasks>['items'][number];
export const TASK_STATUS = TASK_MACHINE.states;
export const RAG = RAG_LABELS;

/** Red, yellow, green and closed counts as four tags. */
export function RagTags({ rag, testId }: { rag: Record<Rag, number>; testId?: string }) {
  const { pick } = useI18n();
  return (
    <Space size={4} data-testid={testId}>
      {(['red', 'yellow', 'green', 'done'] as const).map((k) => (
        <Tooltip key={k} title={pick(RAG[k])}>
          <Tag color={RAG[k].color} data-testid={testId ? `${testId}-${k}` : undefined}>{rag[k]}</Tag>
        </Tooltip>
      ))}
    </Space>
  );
}

const FIELD_LABEL: Record<'deployDue' | 'reportDue' | 'closeDue', MessageKey> = { deployDue: 'task.field.deployDue', reportDue: 'task.field.reportDue', closeDue: 'task.field.closeDue' };

/** The columns of a task list: the task (its plan and section below), owner, status with the red-yellow-green tag, next deadline, progress. */
export function useTaskColumns(opts: { plan?: boolean } = {}): ListColumn<Task>[] {
  const { t, pick } = useI18n();
  return [
    {
      key: 'title', title: 'task.col.title', dataIndex: 'title', ellipsis: true,
      render: (v: string, r) => <TwoLines main={<Link to={`/plans/tasks/${r.id}`} data-testid={`task-link-${r.id}`}>{v}</Link>} sub={opts.plan ? r.planTitle : r.section ?? undefined} />,
    },
    { key: 'owner', title: 'task.col.owner', dataIndex: 'orgName', width: 200, ellipsis: true },
    {
      key: 'status', title: 'task.col.status', dataIndex: 'status', width: 150,
      render: (s: string, r) => (
        <Space size={4}>
          <StatusTag vocab={TASK_STATUS} value={s} />
          {r.rag !== 'done' && <Tag color={RAG[r.rag].color}>{pick(RAG[r.rag])}</Tag>}
        </Space>
      ),
    },
    {
      key: 'next', title: 'task.col.next', dataIndex: 'next', width: 190, sort: 'due',
      render: (_: unknown, r) => (r.next ? <TwoLines main={<DeadlineBadge due={r.next.due} unit="calendar_days" provisional={r.provisional} />} sub={t(FIELD_LABEL[r.next.field])} /> : '—'),
    },
    { key: 'progress', title: 'task.col.progress', dataIndex: 'progress', width: 130, sort: 'progress', render: (p: number) => <Progress percent={p} size="small" /> },
  ];
}
