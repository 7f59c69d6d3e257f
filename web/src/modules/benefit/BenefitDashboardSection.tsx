import { Link } from 'react-router-dom';
import { Card, Col, Row, Statistic } from 'antd';
import type { EChartsOption } from 'echarts';
import { benefitApi } from '../../../../common/src/contracts/benefit';
import { call } from '../../api/client';
import { useRequest } from '../../app/use-request';
import { useI18n } from '../../i18n';
import { yuan } from '../../kit';
import { DashboardChart } from '../dashboard/DashboardChart';

/** 普惠服务 on the home dashboard, in the user's scope: merchants, offers, coupons, recuperation places, and the last 12 months. */
export function BenefitDashboardSection() {
  const { t } = useI18n();
  const { data, loading } = useRequest(() => call(benefitApi.dashboard), []);
  if (!data) return null;
  const cell = (key: string, title: string, value: number | string, link: string) => (
    <Col xs={12} md={8} xl={4} key={key}><Link to={link} data-testid={`dash-benefit-${key}`}><Statistic title={title} value={value} /></Link></Col>
  );
  const months: EChartsOption | null = data.byMonth.length
    ? {
        tooltip: { trigger: 'axis' },
        legend: { top: 0, data: [t('benefit.dash.claimed'), t('benefit.dash.redeemed')] },
        grid: { left: 48, right: 16, top: 40, bottom: 32 },
        xAxis: { type: 'category', data: data.byMonth.map((m) => m.month) },
        yAxis: { type: 'value' },
        series: [
          { name: t('benefit.dash.claimed'), type: 'bar', data: data.byMonth.map((m) => m.claimed) },
          { name: t('benefit.dash.redeemed'), type: 'bar', data: data.byMonth.map((m) => m.redeemed) },
        ],
      }
    : null;
  const r = data.recuperation;
  return (
    <Card title={t('benefit.dash.title')} style={{ marginTop: 16 }} data-testid="dash-benefits">
      <Row gutter={[16, 16]}>
        {cell('merchants', t('benefit.dash.merchants'), data.merchants, '/benefits/merchants')}
        {cell('offers', t('benefit.dash.offersOpen'), data.offersOpen, '/benefits/offers?current=true')}
        {cell('claimed', t('benefit.dash.claimed'), data.claimed, '/benefits/offers')}
        {cell('redeemed', t('benefit.dash.redeemed'), data.redeemed, '/benefits/offers')}
        {cell('value', t('benefit.dash.value'), yuan(data.redeemedValueFen), '/benefits/offers')}
        {cell('recuperation', t('benefit.dash.recuperation', { year: r.year }), `${r.allocated} / ${r.places}`, '/benefits/recuperation')}
      </Row>
      <DashboardChart option={months} loading={loading && !data} testId="dashboard-chart-benefit-months" height={260} />
    </Card>
  );
}
