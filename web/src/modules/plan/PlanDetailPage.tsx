import { useParams } from 'react-router-dom';
import { Card, Progress } from 'antd';
import { planApi } from '../../../../common/src/contracts/plan';
import { DetailPage, Fields, ListPage, formatDateTime } from '../../kit';
import { Board } from './Board';
import { RagTags, TASK_STATUS, RAG, useTaskColumns } from './shared';

/** One plan: where it came from, its board and its task list (filters in the URL), the ledger export. */
export default function PlanDetailPage() {
  const { id } = useParams();
  const columns = useTaskColumns();
  return (
    <DetailPage testId="plan-detail" get={planApi.get} title={(p) => p.title}
      tags={(p) => <RagTags rag={p.rag} testId="plan-rag" />}
      history={{ endpoint: planApi.history, id: id! }}
      body={(p) => (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Fields
              column={4}
              items={[
                { label: 'plan.col.org', value: p.orgName },
                { label: 'plan.col.year', value: p.year },
                { label: 'plan.source', value: p.source ?? '—' },
                { label: 'plan.col.progress', value: <Progress percent={p.progress} size="small" style={{ width: 160 }} /> },
                { label: 'plan.col.tasks', value: p.tasks },
                { label: 'task.field.assignedOn', value: formatDateTime(p.createdAt) },
              ]}
            />
          </Card>
          <Board planId={p.id} />
          <ListPage
            embedded
            testId="plan-detail-tasks"
            title="plan.tasks"
            endpoint={planApi.tasks}
            fixed={{ planId: p.id }}
            exportTo={planApi.ledger}
            keep={['tab']}
            filters={[
              { name: 'q', label: 'task.filter.q' },
              { name: 'status', label: 'task.col.status', kind: 'select', vocab: { all: { zh: '全部', en: 'All' }, open: { zh: '未销号', en: 'Open' }, ...TASK_STATUS }, span: 4 },
              { name: 'rag', label: 'task.filter.rag', kind: 'select', vocab: RAG, span: 4 },
            ]}
            columns={columns}
          />
        </>
      )}
    />
  );
}
