import { Link, useNavigate } from 'react-router-dom';
import { Card, Col, Row, Statistic } from 'antd';
import { planApi } from '../../../../common/src/contracts/plan';
import { call } from '../../api/client';
import { useRequest } from '../../app/use-request';
import { useI18n } from '../../i18n';
import { RAG } from './shared';

/** The dashboard's supervision figures: tasks in scope by red, yellow, green and closed; a card opens the ledger filtered. */
export function PlanDashboardSection() {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const { data, loading } = useRequest(() => call(planApi.board, { query: {} }), []);
  if (data && data.tasks === 0) return null;
  return (
    <Card title={t('dashboard.plans')} extra={<Link to="/plans/tasks">{t('dashboard.plans.open')}</Link>} style={{ marginTop: 16 }} data-testid="dashboard-plans">
      <Row gutter={[16, 16]}>
        {(['red', 'yellow', 'green', 'done'] as const).map((k) => (
          <Col key={k} xs={12} md={6} lg={4}>
            <Card size="small" hoverable className="gh-stat-card" loading={loading && !data} onClick={() => navigate(`/plans/tasks?rag=${k}`)} data-testid={`dashboard-plans-${k}`}>
              <Statistic title={pick(RAG[k])} value={data?.rag[k] ?? 0} styles={{ content: k === 'red' && (data?.rag.red ?? 0) > 0 ? { color: '#cf1322' } : undefined }} />
            </Card>
          </Col>
        ))}
        <Col xs={12} md={6} lg={4}>
          <Card size="small" className="gh-stat-card" loading={loading && !data}>
            <Statistic title={t('plan.escalated')} value={data?.escalated ?? 0} />
          </Card>
        </Col>
        <Col xs={12} md={6} lg={4}>
          <Card size="small" className="gh-stat-card" loading={loading && !data}>
            <Statistic title={t('plan.closedThisMonth')} value={data?.closedThisMonth ?? 0} />
          </Card>
        </Col>
      </Row>
    </Card>
  );
}
