import { Link } from 'react-router-dom';
import { Card, Col, Row, Statistic, Table } from 'antd';
import { eventApi } from '../../../../common/src/contracts/event';
import { call } from '../../api/client';
import { useAccess } from '../../app/auth-context';
import { useRequest } from '../../app/use-request';
import { useI18n } from '../../i18n';

/** 工会活动 on the home dashboard, in the user's scope: events held, sign-ups and attendance, by district and month. */
export function EventsDashboardSection() {
  const { t } = useI18n();
  const access = useAccess();
  const { data: f } = useRequest(() => (access.canReadEvent ? call(eventApi.dashboard) : Promise.resolve(null)), [access.canReadEvent]);
  if (!f) return null;
  const cell = (key: string, title: string, value: number | string, suffix?: string) => (
    <Col xs={12} md={8} xl={4} key={key}><Link to="/events" data-testid={`dash-event-${key}`}><Statistic title={title} value={value} suffix={suffix} /></Link></Col>
  );
  const cols = (first: string) => [
    { key: 'name', title: first, dataIndex: 'name' },
    { key: 'events', title: t('event.dash.held'), dataIndex: 'events', align: 'right' as const },
    { key: 'signups', title: t('event.dash.signups'), dataIndex: 'signups', align: 'right' as const },
    { key: 'attended', title: t('event.dash.attended'), dataIndex: 'attended', align: 'right' as const },
  ];
  return (
    <Card title={t('event.dash.title')} style={{ marginTop: 16 }} data-testid="dash-events">
      <Row gutter={[16, 16]}>
        {cell('events', t('event.dash.events'), f.events)}
        {cell('held', t('event.dash.held'), f.held)}
        {cell('signups', t('event.dash.signups'), f.signups)}
        {cell('attended', t('event.dash.attended'), f.attended)}
        {cell('rate', t('event.dash.rate'), f.attendanceRate ?? '—', f.attendanceRate === null ? undefined : '%')}
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Table size="small" rowKey="key" pagination={false} title={() => t('event.dash.byDistrict')} dataSource={f.byDistrict.slice(0, 20)} columns={cols(t('event.dash.byDistrict'))} />
        </Col>
        <Col xs={24} lg={12}>
          <Table size="small" rowKey="key" pagination={false} title={() => t('event.dash.byMonth')} dataSource={f.byMonth} columns={cols(t('event.dash.byMonth'))} />
        </Col>
      </Row>
    </Card>
  );
}
