import { useMemo, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { ApartmentOutlined, BankOutlined, ClockCircleOutlined, ExclamationCircleOutlined, TeamOutlined, UserDeleteOutlined } from '@ant-design/icons';
import type { EChartsOption } from 'echarts';
import { DashboardChart } from './DashboardChart';
import { dashboardApi, type OrgFigures } from '../../../../common/src/contracts/dashboard';
import { call } from '../../api/client';
import { useRequest } from '../../app/use-request';
import { useApiError } from '../../app/use-api-error';
import { useAccess, useAuth } from '../../app/auth-context';
import { useMeta } from '../../app/meta-context';
import { useI18n, type MessageKey } from '../../i18n';
import { PageHeader } from '../../kit';
import { MemberFiguresSection } from '../member/dashboard/MemberFiguresSection';
import { HardshipDashboardSection } from '../hardship/monitor/HardshipDashboardSection';
import { PlanDashboardSection } from '../plan/PlanDashboardSection';
import { ProjectDashboardSection } from '../plan/ProjectDashboardSection';
import { ContractDashboardSection } from '../contract/ContractDashboardSection';
import { DisputeDashboardSection } from '../dispute/DisputeDashboardSection';
import { HonorDashboardSection } from '../honor/HonorDashboardSection';
import { StationDashboardSection } from '../station/StationDashboardSection';
import { MutualAidDashboardSection } from '../mutual-aid/MutualAidDashboardSection';
import { AchievementDashboardSection } from '../competition/AchievementDashboardSection';
import { BenefitDashboardSection } from '../benefit/BenefitDashboardSection';
import { TrainingDashboardSection } from '../training/TrainingDashboardSection';
import { EventsDashboardSection } from '../event/EventsDashboardSection';
import { OwnUnionCard } from './OwnUnionCard';
import { PortalDashboardSection } from '../portal/PortalDashboardSection';
import { useFederationView } from './level';
import { CalendarReminder } from '../system/CalendarReminder';

interface CardDef {
  key: keyof Pick<OrgFigures, 'totalOrgs' | 'grassroots' | 'withoutChair' | 'termExpiring' | 'termExpired' | 'employees'>;
  title: MessageKey;
  icon: ReactNode;
  color: string;
  /** The org list filtered to what the card counts. */
  link: string;
}

const CARDS: CardDef[] = [
  { key: 'totalOrgs', title: 'dashboard.totalOrgs', icon: <ApartmentOutlined />, color: '#1f5fbf', link: '/orgs' },
  { key: 'grassroots', title: 'dashboard.grassroots', icon: <BankOutlined />, color: '#13a8a8', link: '/orgs?level=grassroots' },
  { key: 'withoutChair', title: 'dashboard.withoutChair', icon: <UserDeleteOutlined />, color: '#d48806', link: '/orgs?level=grassroots&noChair=true' },
  { key: 'termExpiring', title: 'dashboard.termExpiring', icon: <ClockCircleOutlined />, color: '#fa8c16', link: '/orgs?termStatus=expiring&sort=termEnd&order=asc' },
  { key: 'termExpired', title: 'dashboard.termExpired', icon: <ExclamationCircleOutlined />, color: '#cf1322', link: '/orgs?termStatus=expired&sort=termEnd&order=asc' },
  { key: 'employees', title: 'dashboard.employees', icon: <TeamOutlined />, color: '#389e0d', link: '/orgs?level=grassroots&sort=employeeCount&order=desc' },
];

export default function DashboardPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const access = useAccess();
  const { kindLabel } = useMeta();
  const { showError } = useApiError();
  const navigate = useNavigate();
  const federation = useFederationView();
  const { data, loading } = useRequest(() => (federation ? call(dashboardApi.orgs) : Promise.resolve(null)), [federation], showError);

  const kindPie = useMemo<EChartsOption | null>(() => {
    if (!data) return null;
    const rows = data.byKind.filter((k) => k.n > 0);
    if (!rows.length) return null;
    return {
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      series: [
        {
          type: 'pie',
          radius: ['38%', '62%'],
          center: ['50%', '50%'],
          avoidLabelOverlap: true,
          itemStyle: { borderColor: '#fff', borderWidth: 2 },
          label: { formatter: '{b}\n{c}', fontSize: 12 },
          data: rows.map((k) => ({ name: k.key ? kindLabel(k.key) : t('dashboard.kindUnknown'), value: k.n })),
        },
      ],
    };
  }, [data, kindLabel, t]);

  const childBar = useMemo<EChartsOption | null>(() => {
    if (!data?.byChild.length) return null;
    const names = data.byChild.map((c) => c.name);
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('dashboard.series.grassroots'), type: 'bar', data: data.byChild.map((c) => c.grassroots), itemStyle: { color: '#1f5fbf' } },
        { name: t('dashboard.series.withoutChair'), type: 'bar', data: data.byChild.map((c) => c.withoutChair), itemStyle: { color: '#d48806' } },
        { name: t('dashboard.series.termDue'), type: 'bar', data: data.byChild.map((c) => c.termDue), itemStyle: { color: '#cf1322' } },
      ],
    };
  }, [data, t]);

  return (
    <div data-testid="dashboard-page">
      <PageHeader title={t('dashboard.title')} extra={<Typography.Text type="secondary">{t(federation ? 'dashboard.scopeNote' : 'dashboard.scopeNoteOwn', { org: me?.user.orgName ?? '' })}</Typography.Text>} />
      {access.canManageSettings && <CalendarReminder />}
      {federation ? (
        <>
          <Row gutter={[16, 16]}>
            {CARDS.map((c) => (
              <Col key={c.key} xs={24} sm={12} lg={8} xxl={4}>
                <Link to={c.link} data-testid={`dashboard-card-${c.key}`} aria-label={t(c.title, { n: data?.termReminderDays ?? '' })}>
                  <Card className="gh-stat-card" loading={loading && !data}>
                    <Statistic
                      title={t(c.title, { n: data?.termReminderDays ?? '' })}
                      value={data?.[c.key] ?? 0}
                      prefix={<span style={{ color: c.color, marginRight: 4 }}>{c.icon}</span>}
                      groupSeparator=","
                    />
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} xl={10}>
              <Card title={t('dashboard.byKind')} data-testid="dashboard-chart-kind">
                <DashboardChart option={kindPie} loading={loading && !data} onClick={() => navigate('/orgs?level=grassroots')} />
              </Card>
            </Col>
            <Col xs={24} xl={14}>
              <Card title={t('dashboard.byChild')} data-testid="dashboard-chart-child">
                <DashboardChart
                  option={childBar}
                  loading={loading && !data}
                  empty={t('dashboard.noChildren')}
                  onClick={(p) => {
                    const child = data?.byChild[p.dataIndex];
                    if (child) navigate(`/orgs?under=${child.id}&level=grassroots`);
                  }}
                />
              </Card>
            </Col>
          </Row>
        </>
      ) : (
        me && <OwnUnionCard orgId={me.user.orgId} />
      )}
      <MemberFiguresSection />
      {access.canReadHardship && <HardshipDashboardSection />}
      {access.canReadPlan && <PlanDashboardSection />}
      {access.canReadPlan && <ProjectDashboardSection />}
      {access.canReadContract && <ContractDashboardSection />}
      {access.canReadDispute && <DisputeDashboardSection />}
      {access.canReadHonor && <HonorDashboardSection />}
      {access.canReadMutualAid && <MutualAidDashboardSection />}
      <AchievementDashboardSection />
      {access.canReadBenefit && <BenefitDashboardSection />}
      {access.canReadStation && <StationDashboardSection />}
      <TrainingDashboardSection />
      {access.canReadEvent && <EventsDashboardSection />}
      {access.canReadMember && <PortalDashboardSection />}
    </div>
  );
}
