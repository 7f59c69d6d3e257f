import { Link } from 'react-router-dom';
import { Card, Col, Row, Statistic, Table } from 'antd';
import { stationApi } from '../../../../common/src/contracts/station';
import { call } from '../../api/client';
import { useRequest } from '../../app/use-request';
import { useApiError } from '../../app/use-api-error';
import { useI18n } from '../../i18n';

/** 户外劳动者服务站点 on the home dashboard (GET /api/stations/dashboard): stations by district and visits, in the user's scope. */
export function StationDashboardSection() {
  const { t } = useI18n();
  const { showError } = useApiError();
  const { data } = useRequest(() => call(stationApi.dashboard), [], showError);
  if (!data) return null;
  const figures = [
    { key: 'stations', title: t('station.dash.stations'), value: data.stations, link: '/stations' },
    { key: 'active', title: t('station.dash.active'), value: data.active, link: '/stations?active=true' },
    { key: 'visits', title: t('station.dash.visits'), value: data.visits30d, link: '/stations/map' },
    { key: 'rating', title: t('station.dash.rating'), value: data.avgRating ?? '—', link: '/stations' },
    { key: 'inspected', title: t('station.dash.inspected'), value: data.inspectedThisYear, link: '/stations?sort=lastInspectedOn&order=desc' },
    { key: 'failing', title: t('station.dash.failing'), value: data.failing, link: '/stations?sort=lastInspectedOn&order=desc' },
  ];
  return (
    <Card title={t('station.dash.title')} style={{ marginTop: 16 }} data-testid="dash-station">
      <Row gutter={[16, 16]}>
        {figures.map((f) => (
          <Col xs={12} md={8} xl={4} key={f.key}>
            <Link to={f.link} data-testid={`dash-station-${f.key}`}><Statistic title={f.title} value={f.value} /></Link>
          </Col>
        ))}
      </Row>
      {data.byDistrict.length > 1 && (
        <Table rowKey="id" size="small" pagination={false} style={{ marginTop: 12 }} dataSource={data.byDistrict} data-testid="dash-station-districts"
          columns={[
            { title: t('station.dash.district'), dataIndex: 'name', render: (n: string, d) => <Link to={`/stations?under=${d.id}`}>{n}</Link> },
            { title: t('station.dash.stations'), dataIndex: 'stations', align: 'right', width: 120 },
            { title: t('station.dash.visits'), dataIndex: 'visits', align: 'right', width: 140 },
          ]} />
      )}
    </Card>
  );
}
