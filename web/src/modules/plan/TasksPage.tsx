import { planApi } from '../../../../common/src/contracts/plan';
import { ListPage } from '../../kit';
import { Board } from './Board';
import { RAG, TASK_STATUS, useTaskColumns } from './shared';

/** 督办台账: every task in scope, by deadline, with the board above it; the ledger exported as xlsx. */
export default function TasksPage() {
  const columns = useTaskColumns({ plan: true });
  return (
    <ListPage testId="plan-tasks" title="menu.planTasks" endpoint={planApi.tasks}
      exportTo={planApi.ledger}
      extra={() => <Board />}
      filters={[
        { name: 'q', label: 'task.filter.q' },
        { name: 'under', label: 'task.filter.under', kind: 'org' },
        { name: 'status', label: 'task.col.status', kind: 'select', vocab: { all: { zh: '全部', en: 'All' }, open: { zh: '未销号', en: 'Open' }, ...TASK_STATUS }, span: 4 },
        { name: 'rag', label: 'task.filter.rag', kind: 'select', vocab: RAG, span: 4 },
      ]}
      columns={columns}
    />
  );
}
