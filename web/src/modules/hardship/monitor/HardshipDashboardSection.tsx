import { useMemo, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Card, Col, Empty, Progress, Row, Skeleton, Space, Statistic, Typography } from 'antd';
import { AlertOutlined, AuditOutlined, ClockCircleOutlined, EyeOutlined, HomeOutlined, MoneyCollectOutlined } from '@ant-design/icons';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { EChartsOption } from 'echarts';
import { LineChart } from 'echarts/charts';
import { echarts } from '../../dashboard/echarts';
import { hardshipFilesApi, type HardshipFigures } from '../../../../../common/src/contracts/hardship-files';
import { call } from '../../../api/client';
import { hardshipWarningsApi } from '../../../../../common/src/contracts/hardship-warnings';
import { useRequest } from '../../../app/use-request';
import { useApiError } from '../../../app/use-api-error';
import { useI18n } from '../../../i18n';
import { useFederationView } from '../../dashboard/level';
import { StatusTag, useVocab, yuan } from '../../../kit';
import { AID_KINDS, CAUSES, TIER_COLOR, TIERS, WARNING_LEVELS, WARNING_RULES } from '../shared/vocab';

echarts.use([LineChart]);

const TIER_HEX: Record<string, string> = { deep: '#cf1322', relative: '#fa8c16', accident: '#722ed1' };

interface Figure {
  key: string;
  title: string;
  icon: ReactNode;
  color: string;
  value: (f: HardshipFigures) => number | string;
  link?: string;
  danger?: (f: HardshipFigures) => boolean;
}

/** 困难帮扶概况 on the home dashboard (GET /api/hardship/dashboard), for the user's scope. */
export function HardshipDashboardSection() {
  const { t, lang } = useI18n();
  const { label } = useVocab();
  const navigate = useNavigate();
  const federation = useFederationView();
  const { showError } = useApiError();
  const { data, loading } = useRequest(() => call(hardshipFilesApi.dashboard), [], showError);
  const { data: mine, loading: mineLoading } = useRequest(() => call(hardshipWarningsApi.list, { query: { status: 'open', page: 1, pageSize: 6 } }), []);
  const filed = data ? data.byTier.reduce((s, x) => s + x.n, 0) : 0;
  const hasFiles = !!data && data.byStatus.some((s) => s.n > 0);

  const figures: Figure[] = [
    { key: 'filed', title: t('hsMon.dash.filed'), icon: <HomeOutlined />, color: '#1f5fbf', value: () => filed, link: '/hardship/files?status=filed' },
    { key: 'monitoring', title: t('hsMon.dash.monitoring'), icon: <EyeOutlined />, color: '#13a8a8', value: (f) => f.monitoring, link: '/hardship/files?monitoring=true' },
    { key: 'reviewOverdue', title: t('hsMon.dash.reviewOverdue'), icon: <AuditOutlined />, color: '#d48806', value: (f) => f.reviewOverdue, link: '/hardship/files?status=filed&reviewOverdue=true', danger: (f) => f.reviewOverdue > 0 },
    { key: 'openWarnings', title: t('hsMon.dash.openWarnings'), icon: <AlertOutlined />, color: '#fa8c16', value: (f) => f.warnings.open, link: '/hardship/warnings' },
    { key: 'overdueWarnings', title: t('hsMon.dash.overdueWarnings'), icon: <ClockCircleOutlined />, color: '#cf1322', value: (f) => f.warnings.overdue, link: '/hardship/warnings?overdue=true', danger: (f) => f.warnings.overdue > 0 },
    { key: 'aidPaid', title: t('hsMon.dash.aidPaid'), icon: <MoneyCollectOutlined />, color: '#389e0d', value: (f) => yuan(f.aid.paidFen), link: '/hardship/aid' },
  ];

  const tierPie = useMemo<EChartsOption | null>(() => {
    const rows = data?.byTier.filter((x) => x.n > 0 && x.key) ?? [];
    if (!rows.length) return null;
    return {
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['38%', '60%'],
          center: ['50%', '45%'],
          itemStyle: { borderColor: '#fff', borderWidth: 2 },
          label: { position: 'inside', formatter: '{c}', color: '#fff', fontSize: 12, fontWeight: 'bold' },
          data: rows.map((x) => ({ name: label(TIERS, x.key), value: x.n, itemStyle: { color: TIER_HEX[x.key!] ?? TIER_COLOR[x.key!] } })),
        },
      ],
    };
  }, [data, label]);

  const causeRows = useMemo(() => [...(data?.byCause.filter((x) => x.n > 0) ?? [])].sort((a, b) => a.n - b.n), [data]);
  const causeBar = useMemo<EChartsOption | null>(() => {
    const rows = causeRows;
    if (!rows.length) return null;
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 40, bottom: 8, top: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((x) => label(CAUSES, x.key) || t('hsMon.dash.unknown')) },
      series: [{ type: 'bar', name: t('hsMon.dash.households'), barMaxWidth: 28, data: rows.map((x) => x.n), itemStyle: { color: '#1f5fbf' }, label: { show: true, position: 'right', fontSize: 11 } }],
    };
  }, [causeRows, label, t]);

  const areaBar = useMemo<EChartsOption | null>(() => {
    const rows = data?.byArea ?? [];
    if (!rows.length || !rows.some((a) => a.filed > 0 || a.openWarnings > 0)) return null;
    const names = rows.map((a) => a.name);
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 5 ? 30 : 0, fontSize: 11 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        ...(['deep', 'relative', 'accident'] as const).map((k) => ({
          name: label(TIERS, k),
          type: 'bar' as const,
          stack: 'tier',
          barMaxWidth: 36,
          data: rows.map((a) => a[k]),
          itemStyle: { color: TIER_HEX[k] },
        })),
        { name: t('hsMon.dash.monitoring'), type: 'bar' as const, data: rows.map((a) => a.monitoring), itemStyle: { color: '#13a8a8' } },
        { name: t('hsMon.dash.openWarnings'), type: 'line' as const, data: rows.map((a) => a.openWarnings), itemStyle: { color: '#d48806' } },
      ],
    };
  }, [data, label, t]);

  const monthly = useMemo<EChartsOption | null>(() => {
    const rows = data?.byMonth ?? [];
    if (!rows.some((m) => m.exits || m.relapses || m.filed)) return null;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category', data: rows.map((m) => m.month) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('hsMon.dash.newFiled'), type: 'bar', data: rows.map((m) => m.filed), itemStyle: { color: '#91caff' } },
        { name: t('hsMon.dash.exits'), type: 'line', data: rows.map((m) => m.exits), itemStyle: { color: '#389e0d' } },
        { name: t('hsMon.dash.relapses'), type: 'line', data: rows.map((m) => m.relapses), itemStyle: { color: '#cf1322' } },
      ],
    };
  }, [data, t]);

  const chart = (opt: EChartsOption | null, testId: string, empty: string, onClick?: (p: { dataIndex: number }) => void, height = 300) =>
    loading && !data ? (
      <Skeleton active />
    ) : opt ? (
      <div data-testid={testId}>
        <ReactEChartsCore echarts={echarts} option={opt} style={{ height }} notMerge key={lang} onEvents={onClick ? { click: onClick } : undefined} />
      </div>
    ) : (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
    );

  const budget = data?.budget;
  const spentPct = budget && budget.allocatedFen > 0 ? Math.round((budget.spentFen / budget.allocatedFen) * 1000) / 10 : 0;

  return (
    <section data-testid="hs-dashboard" style={{ marginTop: 24 }}>
      <div className="gh-page-header">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('hsMon.dash.title')}
        </Typography.Title>
        {data && <Typography.Text type="secondary">{t('hsMon.dash.year', { y: data.year })}</Typography.Text>}
      </div>
      <Row gutter={[16, 16]}>
        {figures.map((f) => {
          const card = (
            <Card className={f.link ? 'gh-stat-card' : undefined} loading={loading && !data} size="small">
              <Statistic
                title={f.title}
                value={data ? f.value(data) : 0}
                groupSeparator=","
                prefix={<span style={{ color: f.color, marginRight: 4 }}>{f.icon}</span>}
                styles={{ content: data && f.danger?.(data) ? { color: '#cf1322' } : undefined }}
              />
            </Card>
          );
          return (
            <Col key={f.key} xs={12} md={8} xxl={4} data-testid={`hs-dashboard-card-${f.key}`}>
              {f.link ? (
                <Link to={f.link} aria-label={f.title}>
                  {card}
                </Link>
              ) : (
                card
              )}
            </Col>
          );
        })}
      </Row>
      {data && !hasFiles && (
        <Card style={{ marginTop: 16 }}>
          <Empty description={t('hsMon.dash.noFiles')} data-testid="hs-dashboard-empty" />
        </Card>
      )}
      {(loading || hasFiles) && (
        <>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} xl={8}>
              <Card title={t('hsMon.dash.byTier')}>{chart(
                  tierPie,
                  'hs-dashboard-chart-tier',
                  t('hsMon.dash.noFiled'),
                  (p) => {
                    const k = data?.byTier.filter((x) => x.n > 0 && x.key)[p.dataIndex]?.key;
                    if (k) navigate(`/hardship/files?status=filed&tier=${k}`);
                  },
                  280,
                )}</Card>
            </Col>
            <Col xs={24} xl={8}>
              <Card title={t('hsMon.dash.byCause')}>{chart(
                  causeBar,
                  'hs-dashboard-chart-cause',
                  t('hsMon.dash.noFiled'),
                  (p) => {
                    const k = causeRows[p.dataIndex]?.key;
                    if (k) navigate(`/hardship/files?status=filed&cause=${k}`);
                  },
                  280,
                )}</Card>
            </Col>
            <Col xs={24} xl={8}>
              <Card title={t('hsMon.dash.budget', { y: data?.year ?? '' })} data-testid="hs-dashboard-budget">
                {loading && !data ? (
                  <Skeleton active />
                ) : budget && budget.allocatedFen > 0 ? (
                  <div style={{ minHeight: 280 }}>
                    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
                      <Statistic title={t('hsMon.dash.aidPaid')} value={yuan(data!.aid.paidFen)} />
                      <Typography.Text type="secondary" data-testid="hs-dashboard-aid-note">
                        {t('hsMon.dash.aidCount', { n: data!.aid.count, h: data!.aid.households })}
                        {data!.aid.fromAboveFen > 0 && t('hsMon.dash.fromAbove', { v: yuan(data!.aid.fromAboveFen) })}
                      </Typography.Text>
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('hsMon.dash.budgetNote', { y: data!.year })}</Typography.Text>
                        <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 13 }}>
                          <span>{t('hsMon.dash.spent', { v: yuan(budget.spentFen) })}</span>
                          <span>{t('hsMon.dash.allocated', { v: yuan(budget.allocatedFen) })}</span>
                        </div>
                        <Progress percent={Math.min(100, spentPct)} format={() => `${spentPct}%`} strokeColor={spentPct > 90 ? '#cf1322' : '#1f5fbf'} data-testid="hs-dashboard-budget-progress" />
                        <Typography.Text type={budget.remainingFen < 0 ? 'danger' : 'secondary'} style={{ fontSize: 13 }}>
                          {t('hsMon.dash.remaining', { v: yuan(budget.remainingFen) })}
                        </Typography.Text>
                      </div>
                      {data!.aid.byKind.length > 0 && (
                        <div style={{ fontSize: 12, color: '#666' }}>
                          {data!.aid.byKind.map((k) => (
                            <div key={k.key} style={{ display: 'flex', justifyContent: 'space-between' }}>
                              <span>
                                {label(AID_KINDS, k.key)}（{k.n}）
                              </span>
                              <span>{yuan(k.fen)}</span>
                            </div>
                          ))}
                        </div>
                      )}
                    </Space>
                  </div>
                ) : (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hsMon.dash.noBudget', { v: yuan(data?.aid.paidFen ?? 0) })} />
                )}
              </Card>
            </Col>
          </Row>
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            {federation && <Col xs={24} xl={14}>
              <Card title={t('hsMon.dash.byArea')}>
                {chart(
                  areaBar,
                  'hs-dashboard-chart-area',
                  t('hsMon.dash.noAreas'),
                  (p) => {
                    const a = data?.byArea[p.dataIndex];
                    if (a) navigate(`/hardship/files?status=filed&under=${a.id}`);
                  },
                  320,
                )}
              </Card>
            </Col>}
            <Col xs={24} xl={federation ? 10 : 24}>
              <Card title={t('hsMon.dash.monthly')}>{chart(monthly, 'hs-dashboard-chart-monthly', t('common.noData'), undefined, 320)}</Card>
            </Col>
          </Row>
        </>
      )}
      <Card
        style={{ marginTop: 16 }}
        title={
          <Space>
            {t('hsMon.dash.myWarnings')}
            {data && (
              <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 13 }}>
                {t('hsMon.dash.myWarningsCount', { open: data.warnings.open, overdue: data.warnings.overdue })}
              </Typography.Text>
            )}
          </Space>
        }
        extra={
          <Link to="/hardship/warnings" data-testid="hs-dashboard-warnings-all">
            {t('hsMon.dash.allWarnings')}
          </Link>
        }
        data-testid="hs-dashboard-warnings"
      >
        {mineLoading && !mine ? (
          <Skeleton active paragraph={{ rows: 3 }} />
        ) : !mine?.items.length ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hsMon.emptyOpen')} />
        ) : (
          <div role="list">
            {mine.items.map((w, i) => (
              <div
                key={w.id}
                role="listitem"
                data-testid={`hs-dashboard-warning-${w.id}`}
                style={{ display: 'flex', alignItems: 'center', gap: 12, padding: '8px 0', borderTop: i ? '1px solid #f0f0f0' : undefined }}
              >
                <Space wrap size={6} style={{ flex: 1, minWidth: 0 }}>
                  <StatusTag vocab={WARNING_LEVELS} value={w.level} testId="warning-level" />
                  <Link to={w.fileId ? `/hardship/warnings?fileId=${w.fileId}` : `/hardship/warnings?rule=${w.rule}`}>{label(WARNING_RULES, w.rule)}</Link>
                  <Typography.Text>{w.name ?? w.orgName}</Typography.Text>
                  {w.name && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {w.orgName}
                    </Typography.Text>
                  )}
                </Space>
                <Typography.Text type={w.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                  {w.overdue ? t('hsMon.dash.overdueSince', { d: w.dueOn }) : t('hsMon.dash.dueOn', { d: w.dueOn })}
                </Typography.Text>
              </div>
            ))}
          </div>
        )}
      </Card>
    </section>
  );
}
