import { useMemo, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Card, Col, Progress, Row, Statistic, Table, Typography } from 'antd';
import { AlertOutlined, CarOutlined, ClockCircleOutlined, HomeOutlined, PercentageOutlined, SolutionOutlined, TeamOutlined, UsergroupDeleteOutlined } from '@ant-design/icons';
import type { EChartsOption } from 'echarts';
import { LineChart } from 'echarts/charts';
import { echarts } from '../../dashboard/echarts';
import { DashboardChart } from '../../dashboard/DashboardChart';
import { memberDashboardApi, type MemberFiguresT as MemberFigures } from '../../../../../common/src/contracts/member';
import { call } from '../../../api/client';
import { useRequest } from '../../../app/use-request';
import { useApiError } from '../../../app/use-api-error';
import { useAccess } from '../../../app/auth-context';
import { useI18n, type MessageKey } from '../../../i18n';
import { useVocab } from '../../../kit';
import { FORMS } from '../vocab';
import { useFederationView } from '../../dashboard/level';

// The org dashboard registers bar and pie; the monthly chart adds a line.
echarts.use([LineChart]);

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

interface Figure {
  key: string;
  title: MessageKey;
  icon: ReactNode;
  color: string;
  value: (f: MemberFigures) => number | string;
  link?: string;
  danger?: (f: MemberFigures) => boolean;
  /** Only for a federation's view (unions below it). */
  federation?: boolean;
}

const FIGURES: Figure[] = [
  { key: 'holding', title: 'memberDash.holding', icon: <TeamOutlined />, color: '#1f5fbf', value: (f) => f.totals.holding, link: '/members' },
  { key: 'gig', title: 'memberDash.gig', icon: <CarOutlined />, color: '#722ed1', value: (f) => f.byEmploymentForm.gig, link: '/members?employmentForm=gig&status=active' },
  { key: 'migrant', title: 'memberDash.migrant', icon: <HomeOutlined />, color: '#13a8a8', value: (f) => f.byEmploymentForm.migrantWorkers, link: '/members?migrantWorker=true' },
  { key: 'rate', title: 'memberDash.rate', icon: <PercentageOutlined />, color: '#389e0d', value: (f) => pct(f.membershipRate.overall) },
  { key: 'withoutMembers', title: 'memberDash.withoutMembers', icon: <UsergroupDeleteOutlined />, color: '#d48806', value: (f) => f.withoutMembers.count, federation: true },
  { key: 'pending', title: 'memberDash.pending', icon: <SolutionOutlined />, color: '#1f5fbf', value: (f) => f.applications.pending, link: '/members/applications' },
  { key: 'dueSoon', title: 'memberDash.dueSoon', icon: <ClockCircleOutlined />, color: '#fa8c16', value: (f) => f.applications.dueSoon, link: '/members/applications' },
  { key: 'overdue', title: 'memberDash.overdue', icon: <AlertOutlined />, color: '#cf1322', value: (f) => f.applications.overdue, link: '/members/applications', danger: (f) => f.applications.overdue > 0 },
];

/**
 * Standard employment against new forms of employment, as one split bar; the other employee forms
 * (agency, part-time, re-employed retirees) and 未填 (a roster left the form blank) are counted
 * apart, never as standard employment.
 */
function FormSplit({ standard, gig, otherEmployees, unknown }: { standard: number; gig: number; otherEmployees: number; unknown: number }) {
  const { t } = useI18n();
  const total = standard + gig + otherEmployees + unknown;
  const share = (n: number) => (total ? n / total : 0);
  const parts = [
    { key: 'standard', n: standard, color: '#1f5fbf' },
    { key: 'otherEmployees', n: otherEmployees, color: '#69b1ff' },
    { key: 'gig', n: gig, color: '#722ed1' },
    { key: 'unknown', n: unknown, color: '#bfbfbf' },
  ] as const;
  return (
    <div style={{ marginBottom: 12 }} data-testid="dashboard-member-form-split">
      <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 16, fontSize: 13 }}>
        <span>
          <span style={{ color: '#1f5fbf' }}>■</span> {t('memberDash.standard')} {standard.toLocaleString()}
        </span>
        {otherEmployees > 0 && (
          <span>
            <span style={{ color: '#69b1ff' }}>■</span> {t('memberDash.otherEmployees')} {otherEmployees.toLocaleString()}
          </span>
        )}
        <span>
          <span style={{ color: '#722ed1' }}>■</span> {t('memberDash.gigShort')} {gig.toLocaleString()} ({pct(share(gig))})
        </span>
        <span data-testid="dashboard-member-form-unknown">
          <span style={{ color: '#bfbfbf' }}>■</span> {t('memberDash.unknownForm')} {unknown.toLocaleString()}
        </span>
      </div>
      <div style={{ display: 'flex', height: 10, borderRadius: 5, overflow: 'hidden', marginTop: 6, background: '#f0f0f0' }}>
        {parts.map((p) => (
          <div key={p.key} style={{ width: `${share(p.n) * 100}%`, background: p.color }} />
        ))}
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('memberDash.gigByGroup')}
      </Typography.Text>
    </div>
  );
}

/** 会员概况 on the home dashboard (GET /api/dashboard/members), for the user's scope. */
export function MemberFiguresSection() {
  const { t } = useI18n();
  const access = useAccess();
  const federation = useFederationView();
  const navigate = useNavigate();
  const { label } = useVocab();
  const { showError } = useApiError();
  const { data, loading } = useRequest(() => call(memberDashboardApi.members), [], showError);

  // Gig workers (新就业形态) by group, separately from standard employment, which would dwarf them.
  const gigBar = useMemo<EChartsOption | null>(() => {
    if (!data) return null;
    const forms = data.byEmploymentForm.forms.filter((f) => f.gig).sort((a, b) => a.n - b.n);
    if (!forms.some((f) => f.n > 0)) return null;
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 48, bottom: 8, top: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: forms.map((f) => label(FORMS, f.key)), axisLabel: { fontSize: 12 } },
      series: [{ name: t('memberDash.gigShort'), type: 'bar', data: forms.map((f) => f.n), itemStyle: { color: '#722ed1' }, label: { show: true, position: 'right', fontSize: 11 } }],
    };
  }, [data, t, label]);

  const monthly = useMemo<EChartsOption | null>(() => {
    if (!data?.monthly.length) return null;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category', data: data.monthly.map((m) => m.month) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('memberDash.joins'), type: 'bar', data: data.monthly.map((m) => m.joins), itemStyle: { color: '#389e0d' } },
        { name: t('memberDash.leavers'), type: 'line', smooth: true, data: data.monthly.map((m) => m.leavers), itemStyle: { color: '#cf1322' } },
      ],
    };
  }, [data, t]);

  return (
    <section data-testid="dashboard-members" style={{ marginTop: 24 }}>
      <div className="gh-page-header">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('memberDash.title')}
        </Typography.Title>
        {data && <Typography.Text type="secondary">{t('memberDash.asOf', { date: data.asOf })}</Typography.Text>}
      </div>
      <Row gutter={[16, 16]}>
        {FIGURES.filter((f) => federation || !f.federation).map((f) => {
          const value = data ? f.value(data) : 0;
          const card = (
            <Card className={f.link ? 'gh-stat-card' : undefined} loading={loading && !data} size="small">
              <Statistic
                title={t(f.title)}
                value={value}
                groupSeparator=","
                prefix={<span style={{ color: f.color, marginRight: 4 }}>{f.icon}</span>}
                styles={{ content: data && f.danger?.(data) ? { color: '#cf1322' } : undefined }}
              />
            </Card>
          );
          const linkable = f.link && (f.link.startsWith('/members/applications') ? access.canReviewJoin : access.canReadMember);
          return (
            <Col key={f.key} xs={12} md={6} xxl={3} data-testid={`dashboard-member-card-${f.key}`}>
              {linkable ? (
                <Link to={f.link!} aria-label={t(f.title)}>
                  {card}
                </Link>
              ) : (
                card
              )}
            </Col>
          );
        })}
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={10}>
          <Card title={t('memberDash.byForm')}>
            {data && <FormSplit standard={data.byEmploymentForm.standard} gig={data.byEmploymentForm.gig} otherEmployees={data.byEmploymentForm.otherEmployees} unknown={data.byEmploymentForm.unknown} />}
            <DashboardChart option={gigBar} loading={loading && !data} testId="dashboard-chart-member-forms" onClick={access.canReadMember ? () => navigate('/members?employmentForm=gig') : undefined} height={300} />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('memberDash.monthly')}>
            <DashboardChart option={monthly} loading={loading && !data} testId="dashboard-chart-member-monthly" height={340} />
          </Card>
        </Col>
      </Row>
      {federation && (
        <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
          <Col xs={24} xl={14}>
            <Card title={t('memberDash.lowestRate')} extra={<Typography.Text type="secondary">{t('memberDash.lowestRateNote')}</Typography.Text>}>
              <Table
                size="small"
                rowKey="id"
                loading={loading && !data}
                dataSource={data?.membershipRate.lowest}
                pagination={false}
                scroll={{ y: 320 }}
                data-testid="dashboard-member-rate-table"
                locale={{ emptyText: t('common.noData') }}
                columns={[
                  { title: t('memberDash.union'), dataIndex: 'name', key: 'name', ellipsis: true },
                  { title: t('memberDash.employees'), dataIndex: 'employees', key: 'employees', width: 100, align: 'right' },
                  { title: t('memberDash.active'), dataIndex: 'active', key: 'active', width: 90, align: 'right' },
                  {
                    title: t('memberDash.rateCol'),
                    dataIndex: 'rate',
                    key: 'rate',
                    width: 160,
                    render: (r: number) => <Progress percent={Math.round(r * 1000) / 10} size="small" strokeColor={r < 0.5 ? '#cf1322' : undefined} />,
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card title={t('memberDash.withoutMembersList', { n: data?.withoutMembers.count ?? 0 })}>
              <Table
                size="small"
                rowKey="id"
                loading={loading && !data}
                dataSource={data?.withoutMembers.first}
                pagination={false}
                scroll={{ y: 320 }}
                data-testid="dashboard-member-empty-table"
                locale={{ emptyText: t('memberDash.noneWithout') }}
                columns={[
                  { title: t('memberDash.code'), dataIndex: 'code', key: 'code', width: 130 },
                  { title: t('memberDash.union'), dataIndex: 'name', key: 'name', ellipsis: true, render: (n: string, o) => (access.canReadOrg ? <Link to={`/orgs/${o.id}`}>{n}</Link> : n) },
                  { title: t('memberDash.employees'), dataIndex: 'employees', key: 'employees', width: 100, align: 'right', render: (n: number | null) => n ?? '—' },
                ]}
              />
            </Card>
          </Col>
        </Row>
      )}
    </section>
  );
}
