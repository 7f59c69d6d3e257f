import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { Card, Col, Progress, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, FieldTimeOutlined, FileTextOutlined, MoneyCollectOutlined, SolutionOutlined } from '@ant-design/icons';
import { disputeApi, type DisputeFiguresT as DisputeFigures } from '../../../../common/src/contracts/dispute';
import { call } from '../../api/client';
import { useRequest } from '../../app/use-request';
import { useApiError } from '../../app/use-api-error';
import { useI18n } from '../../i18n';
import { StatusTag, useVocab, yuan } from '../../kit';
import { DISPUTE_TYPE, MEDIATOR_KIND } from './vocab';
import { LegalAidDashboardRow } from './LegalAidDashboardRow';
import { useAccess } from '../../app/auth-context';

interface Figure { key: string; title: string; icon: ReactNode; color: string; value: (f: DisputeFigures) => number | string; link?: string; danger?: (f: DisputeFigures) => boolean }

/** 劳动争议调解 on the home dashboard (GET /api/disputes/dashboard), for the user's scope. */
export function DisputeDashboardSection() {
  const { t } = useI18n();
  const { label } = useVocab();
  const navigate = useNavigate();
  const { showError } = useApiError();
  const { data, loading } = useRequest(() => call(disputeApi.dashboard), [], showError);
  const access = useAccess();
  const figures: Figure[] = [
    { key: 'total', title: t('dispute.dash.total'), icon: <FileTextOutlined />, color: '#1f5fbf', value: (f) => f.total, link: '/disputes' },
    { key: 'open', title: t('dispute.dash.open'), icon: <SolutionOutlined />, color: '#13a8a8', value: (f) => f.open, link: '/disputes?status=mediating' },
    { key: 'overdue', title: t('dispute.dash.overdue'), icon: <ClockCircleOutlined />, color: '#cf1322', value: (f) => f.overdue, link: '/disputes?overdue=true', danger: (f) => f.overdue > 0 },
    { key: 'rate', title: t('dispute.dash.rate'), icon: <CheckCircleOutlined />, color: '#389e0d', value: (f) => (f.agreementRatePermille === null ? '—' : `${(f.agreementRatePermille / 10).toFixed(1)}%`) },
    { key: 'median', title: t('dispute.dash.median'), icon: <FieldTimeOutlined />, color: '#d48806', value: (f) => f.medianDaysToClose ?? '—' },
    { key: 'amount', title: t('dispute.dash.amount'), icon: <MoneyCollectOutlined />, color: '#722ed1', value: (f) => yuan(f.agreedAmountFen) },
    { key: 'overdueClocks', title: t('dispute.dash.overdueClocks'), icon: <ClockCircleOutlined />, color: '#cf1322', value: (f) => f.overdueClocks, link: '/disputes?overdue=true', danger: (f) => f.overdueClocks > 0 },
    { key: 'breached', title: t('dispute.dash.breached'), icon: <SolutionOutlined />, color: '#d4380d', value: (f) => f.breached, danger: (f) => f.breached > 0 },
    { key: 'recovered', title: t('dispute.dash.recovered'), icon: <MoneyCollectOutlined />, color: '#389e0d', value: (f) => yuan(f.recoveredThisYearFen) },
  ];
  const maxType = Math.max(1, ...(data?.byType.map((x) => x.n) ?? [1]));
  return (
    <section data-testid="dispute-dashboard" style={{ marginTop: 24 }}>
      <Typography.Title level={4}>{t('dispute.dash.title')}</Typography.Title>
      {loading && !data ? <Skeleton active /> : data && (
        <>
          <Row gutter={[16, 16]}>
            {figures.map((f) => (
              <Col key={f.key} xs={12} md={8} xl={4}>
                <Card size="small" hoverable={!!f.link} className="gh-stat-card" onClick={f.link ? () => navigate(f.link!) : undefined} data-testid={`dispute-dash-${f.key}`}>
                  <Statistic
                    title={f.title}
                    value={f.value(data)}
                    groupSeparator=","
                    prefix={<span style={{ color: f.color, marginRight: 4 }}>{f.icon}</span>}
                    styles={{ content: f.danger?.(data) ? { color: '#cf1322' } : undefined }}
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} lg={8}>
              <Card size="small" title={t('dispute.dash.byType')}>
                {data.byType.map((x) => (
                  <div key={x.key} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
                    <span style={{ width: 140, flex: 'none', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{label(DISPUTE_TYPE, x.key)}</span>
                    <Progress percent={(x.n / maxType) * 100} format={() => x.n} size="small" style={{ margin: 0 }} />
                  </div>
                ))}
              </Card>
            </Col>
            {data.byArea.length > 0 && (
              <Col xs={24} lg={8}>
                <Card size="small" title={t('dispute.dash.byArea')}>
                  <Table
                    size="small" rowKey="id" pagination={false} dataSource={data.byArea} data-testid="dispute-dash-areas"
                    columns={[
                      { key: 'name', title: t('dispute.col.org'), dataIndex: 'name' },
                      { key: 'total', title: t('dispute.dash.total'), dataIndex: 'total', align: 'right' },
                      { key: 'open', title: t('dispute.dash.open'), dataIndex: 'open', align: 'right' },
                      { key: 'overdue', title: t('dispute.dash.overdue'), dataIndex: 'overdue', align: 'right', render: (n: number) => <Typography.Text type={n ? 'danger' : undefined}>{n}</Typography.Text> },
                    ]}
                  />
                </Card>
              </Col>
            )}
            <Col xs={24} lg={8}>
              <Card size="small" title={t('dispute.dash.mediators')}>
                <Table
                  size="small" rowKey="id" pagination={false} dataSource={data.mediators.slice(0, 8)}
                  columns={[
                    { key: 'name', title: t('mediator.field.name'), dataIndex: 'name' },
                    { key: 'kind', title: t('mediator.field.kind'), dataIndex: 'kind', render: (k: string) => <StatusTag vocab={MEDIATOR_KIND} value={k} /> },
                    { key: 'open', title: t('mediator.col.open'), dataIndex: 'open', align: 'right' },
                  ]}
                />
              </Card>
            </Col>
          </Row>
          {access.canReadLegalAid && <LegalAidDashboardRow />}
        </>
      )}
    </section>
  );
}
