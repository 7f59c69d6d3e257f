import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Card, Col, Row, Statistic } from 'antd';
import { AlertOutlined, ClockCircleOutlined, FileDoneOutlined, FileExclamationOutlined, SolutionOutlined, TeamOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { contractApi } from '../../../../common/src/contracts/contract';
import { call } from '../../api/client';
import { useRequest } from '../../app/use-request';
import { useApiError } from '../../app/use-api-error';
import { useI18n } from '../../i18n';
import { CoverageTable } from './CoverageTable';

/** 集体合同与民主管理 on the home dashboard: 建制率 and workers covered, clocks, congresses held this year, proposals. */
export function ContractDashboardSection() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { showError } = useApiError();
  const { data, loading } = useRequest(() => call(contractApi.figures), [], showError);
  const cov = data?.coverage.total;
  const cards: { key: string; title: string; value: ReactNode; icon: ReactNode; color: string; link: string }[] = [
    { key: 'rate', title: t('dashboard.contract.rate'), value: cov?.rate === null || cov === undefined ? '—' : `${cov.rate.toFixed(1)}%`, icon: <FileDoneOutlined />, color: '#1f5fbf', link: '/contracts/coverage' },
    { key: 'workersCovered', title: t('dashboard.contract.workersCovered'), value: cov?.workersCovered.toLocaleString() ?? 0, icon: <TeamOutlined />, color: '#389e0d', link: '/contracts/coverage' },
    { key: 'expiring', title: t('dashboard.contract.expiring'), value: data?.expiringIn90 ?? 0, icon: <ClockCircleOutlined />, color: '#fa8c16', link: '/contracts?expiring=true&sort=expiresOn&order=asc' },
    { key: 'expired', title: t('dashboard.contract.expired'), value: data?.expired ?? 0, icon: <FileExclamationOutlined />, color: '#8c8c8c', link: '/contracts?status=expired' },
    { key: 'overdue', title: t('dashboard.contract.overdue'), value: data?.overdueClocks ?? 0, icon: <AlertOutlined />, color: '#cf1322', link: '/contracts?overdue=true' },
    { key: 'congresses', title: t('dashboard.contract.congresses'), value: data ? `${data.congresses.heldThisYear} / ${data.congresses.total}` : 0, icon: <UsergroupAddOutlined />, color: '#13a8a8', link: '/congresses?notHeld=true' },
    { key: 'proposals', title: t('dashboard.contract.proposals'), value: data ? `${data.proposals.open} / ${data.proposals.overdue}` : 0, icon: <SolutionOutlined />, color: '#722ed1', link: '/congresses/proposals?overdue=true' },
  ];
  return (
    <Card title={t('dashboard.contract.title')} style={{ marginTop: 16 }} data-testid="dashboard-contract">
      <Row gutter={[16, 16]}>
        {cards.map((c) => (
          <Col key={c.key} xs={12} sm={8} lg={6} xxl={3}>
            <Link to={c.link} data-testid={`dashboard-contract-${c.key}`}>
              <Card size="small" className="gh-stat-card" loading={loading && !data}>
                <Statistic title={c.title} value={c.value as never} prefix={<span style={{ color: c.color, marginRight: 4 }}>{c.icon}</span>} />
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
      {!!data?.coverage.children.length && (
        <div style={{ marginTop: 16 }}>
          <CoverageTable testId="dashboard-contract-coverage" total={data.coverage.total} children={data.coverage.children} onDrill={(r) => navigate(`/contracts/coverage?under=${r.orgId}`)} />
        </div>
      )}
    </Card>
  );
}
