import { Card, Col, Row, Statistic, Table, type TableColumnsType } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { REPORT_CADENCES, type ReportCadence } from '../../../../common/src/plan-vocab';
import { planApi } from '../../../../common/src/contracts/plan';
import { call } from '../../api/client';
import { useRequest } from '../../app/use-request';
import { useI18n } from '../../i18n';
import { RAG } from './shared';

/** The red-yellow-green board: counts that filter the list below, and the owners with the most red. */
export function Board({ planId, reloadKey }: { planId?: string; reloadKey?: unknown }) {
  const { t, pick } = useI18n();
  const [sp, setSp] = useSearchParams();
  const { data, loading } = useRequest(() => call(planApi.board, { query: planId ? { planId } : {} }), [planId, reloadKey]);
  const pickRag = (k: string) => {
    const next = new URLSearchParams(sp);
    if (next.get('rag') === k) next.delete('rag');
    else next.set('rag', k);
    next.delete('page');
    setSp(next);
  };
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="plan-board">
      {(['red', 'yellow', 'green', 'done'] as const).map((k) => (
        <Col key={k} xs={12} lg={4}>
          <Card size="small" hoverable className="gh-stat-card" loading={loading && !data} onClick={() => pickRag(k)} data-testid={`plan-board-${k}`} style={sp.get('rag') === k ? { borderColor: RAG[k].color } : undefined}>
            <Statistic title={pick(RAG[k])} value={data?.rag[k] ?? 0} styles={{ content: k === 'red' && (data?.rag.red ?? 0) > 0 ? { color: '#cf1322' } : undefined }} />
          </Card>
        </Col>
      ))}
      <Col xs={12} lg={4}>
        <Card size="small" className="gh-stat-card" loading={loading && !data}>
          <Statistic title={t('plan.escalated')} value={data?.escalated ?? 0} />
        </Card>
      </Col>
      <Col xs={12} lg={4}>
        <Card size="small" className="gh-stat-card" loading={loading && !data}>
          <Statistic title={t('plan.closedThisMonth')} value={data?.closedThisMonth ?? 0} />
        </Card>
      </Col>
      {data && data.byOwner.length > 1 && (
        <BoardTable title={t('plan.byOwner')} rowKey="orgId" rows={data.byOwner}
          columns={[
            { key: 'org', title: t('task.col.owner'), dataIndex: 'orgName' },
            ...(['red', 'yellow', 'green', 'done'] as const).map((k) => ({ key: k, title: pick(RAG[k]), dataIndex: k, width: 90, align: 'right' as const })),
          ]} />
      )}
      {data && data.overdueReports.length > 0 && (
        <BoardTable title={t('plan.overdueReports', { n: data.overdueReportCount })} rowKey="taskId" rows={data.overdueReports} testId="plan-overdue-reports"
          columns={[
            { key: 'title', title: t('task.col.title'), dataIndex: 'title', render: (v: string, r: { taskId: string }) => <Link to={`/plans/tasks/${r.taskId}`}>{v}</Link> },
            { key: 'org', title: t('task.col.owner'), dataIndex: 'orgName', width: 200 },
            { key: 'cadence', title: t('task.field.cadence'), dataIndex: 'cadence', width: 90, render: (c: string) => (c in REPORT_CADENCES ? pick(REPORT_CADENCES[c as ReportCadence]) : c) },
            { key: 'due', title: t('task.field.nextReport'), dataIndex: 'due', width: 120 },
            { key: 'days', title: t('plan.overdueDays'), dataIndex: 'days', width: 100, align: 'right' as const },
          ]} />
      )}
    </Row>
  );
}

/** A small table under the board, five rows a page. */
function BoardTable<T extends object>({ title, rowKey, rows, columns, testId }: { title: string; rowKey: string; rows: T[]; columns: TableColumnsType<T>; testId?: string }) {
  return (
    <Col span={24}>
      <Card size="small" title={title} data-testid={testId}>
        <Table<T> size="small" rowKey={rowKey} pagination={{ pageSize: 5, hideOnSinglePage: true }} dataSource={rows} columns={columns} />
      </Card>
    </Col>
  );
}
