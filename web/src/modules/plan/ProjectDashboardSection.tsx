import { Link, useNavigate } from 'react-router-dom';
import { Card, Col, Row, Statistic } from 'antd';
import { projectApi } from '../../../../common/src/contracts/project';
import { call } from '../../api/client';
import { useRequest } from '../../app/use-request';
import { useI18n } from '../../i18n';

/** The dashboard's practical projects of this year: how many, how many done, how many with an overdue milestone. */
export function ProjectDashboardSection() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const year = new Date().getFullYear();
  const { data, loading } = useRequest(async () => {
    const count = (q: { status?: 'done'; overdue?: 'true' }) => call(projectApi.list, { query: { year, pageSize: 1, ...q } }).then((r) => r.total);
    const [all, done, overdue] = await Promise.all([count({}), count({ status: 'done' }), count({ overdue: 'true' })]);
    return { all, done, overdue };
  }, [year]);
  if (data && data.all === 0) return null;
  const cards = [
    { key: 'all', label: t('dashboard.projects.all', { year }), value: data?.all, to: `/plans/projects?year=${year}` },
    { key: 'done', label: t('dashboard.projects.done'), value: data?.done, to: `/plans/projects?year=${year}&status=done` },
    { key: 'overdue', label: t('dashboard.projects.overdue'), value: data?.overdue, to: `/plans/projects?year=${year}&overdue=true`, red: true },
  ];
  return (
    <Card title={t('menu.projects')} extra={<Link to="/plans/projects">{t('dashboard.projects.open')}</Link>} style={{ marginTop: 16 }} data-testid="dashboard-projects">
      <Row gutter={[16, 16]}>
        {cards.map((c) => (
          <Col key={c.key} xs={12} md={6} lg={4}>
            <Card size="small" hoverable className="gh-stat-card" loading={loading && !data} onClick={() => navigate(c.to)} data-testid={`dashboard-projects-${c.key}`}>
              <Statistic title={c.label} value={c.value ?? 0} styles={{ content: c.red && (c.value ?? 0) > 0 ? { color: '#cf1322' } : undefined }} />
            </Card>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
