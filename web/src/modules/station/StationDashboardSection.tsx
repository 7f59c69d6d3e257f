import { Link } from 'react-router-dom';
import { Card, Col, Row, Statistic, Table } from 'antd';
import { stationApi } from '../../../../common/src/contracts/station';
import { call } from '../../api/client';
import { useRequest } from '../../app/use-request';
import { useApiError } from '../../app/use-api-error';
import { useI18n, type MessageKey } from '../../i18n';

/** 户外劳动者服务站点 on the home dashboard (GET /api/stations/dashboard): stations by district and visits, in the user's scope. */
export function StationDashboardSection() {
  const { t } = useI18n();
  const { showError } = useApiError();
  const { data } = useRequest(() => call(stationApi.dashboard), [], showError);
  if (!data) return null;
  // [figure, value, where it leads]
  const figures: [string, number | string, string][] = [
    ['stations', data.stations, '/stations'],
    ['active', data.active, '/stations'],
    ['visits', data.visits30d, '/stations/map'],
    ['rating', data.avgRating ?? '—', '/stations'],
    ['inspected', data.inspectedThisYear, '/stations?sort=lastInspectedOn&order=desc'],
    ['failing', data.failing, '/stations?sort=lastInspectedOn&order=desc'],
  ];
  return (
    <Card title={t('station.dash.title')} style={{ marginTop: 16 }} data-testid="dash-station">
      <Row gutter={[16, 16]}>
        {figures.map(([key, value, to]) => (
          <Col xs={12} md={8} xl={4} key={key}>
            <Link to={to} data-testid={`dash-station-${key}`}><Statistic title={t(`station.dash.${key}` as MessageKey)} value={value} /></Link>
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
