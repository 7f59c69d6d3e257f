import { Link } from 'react-router-dom';
import { Button } from 'antd';
import { stationApi, type StationInput } from '../../../../common/src/contracts/station';
import { call } from '../../api/client';
import { useAccess } from '../../app/auth-context';
import { ListPage, StatusTag, useVocab } from '../../kit';
import { useI18n } from '../../i18n';
import { AMENITIES, INSPECTION_RESULTS } from './vocab';
import { stationFields, stationFilters } from './fields';

/** 户外劳动者服务站点: the registry in scope. */
export default function StationsPage() {
  const access = useAccess();
  const { label } = useVocab();
  const { t } = useI18n();
  return (
    <ListPage testId="stations" endpoint={stationApi.list} rowTestId={(s) => `station-row-${s.id}`}
      filters={stationFilters}
      toolbar={<Link to="/stations/map"><Button data-testid="stations-to-map">{t('station.map')}</Button></Link>}
      columns={[
        { key: 'name', title: 'station.name', dataIndex: 'name', sort: 'name', fixedShown: true, render: (v: string, s) => <Link to={`/stations/${s.id}`}>{v}</Link> },
        { key: 'address', title: 'station.address', dataIndex: 'address', ellipsis: true },
        { key: 'hours', title: 'station.hours', dataIndex: 'hours', width: 120 },
        { key: 'amenities', title: 'station.amenities', dataIndex: 'amenities', width: 240, render: (a: string[]) => a.map((x) => label(AMENITIES, x)).join('、') },
        { key: 'org', title: 'station.org', dataIndex: 'orgName', width: 200, ellipsis: true },
        { key: 'inspected', title: 'station.lastInspected', dataIndex: 'lastInspectedOn', sort: 'lastInspectedOn', width: 170,
          render: (d: string | null, s) => (d ? <>{d} <StatusTag vocab={INSPECTION_RESULTS} value={s.lastResult ?? ''} /></> : '—') },
      ]}
      create={{
        label: 'station.new', show: access.canWriteStation, testId: 'station-new', to: (r) => `/stations/${r.id}`,
        form: { testId: 'station-form', initialValues: { coordSys: 'wgs84', amenities: ['water', 'rest'], active: true }, onSubmit: (v: StationInput) => call(stationApi.create, { body: v }), fields: stationFields },
      }}
    />
  );
}
