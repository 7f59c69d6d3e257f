import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Card, Col, Row, Skeleton } from 'antd';
import { stationApi, stationPublicApi, type NearStation } from '../../../../common/src/contracts/station';
import { call } from '../../api/client';
import { useRequest } from '../../app/use-request';
import { useApiError } from '../../app/use-api-error';
import { useI18n } from '../../i18n';
import { PageHeader } from '../../kit';
import { StationMap } from './StationMap';
import { NearList } from './NearList';

/**
 * 站点地图 (cadres): every station in scope on the map, and beside it the stations nearest to the
 * point clicked (first: the middle of the stations in scope). Without tiles the list carries the page.
 */
export default function StationMapPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { showError } = useApiError();
  const [failed, setFailed] = useState(false);
  const [from, setFrom] = useState<{ lat: number; lng: number } | null>(null);
  const config = useRequest(() => call(stationPublicApi.mapConfig), [], showError);
  const points = useRequest(() => call(stationApi.map), [], showError);
  const centre = useMemo(() => {
    const p = points.data ?? [];
    if (!p.length) return null;
    const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    return { lat: mid(p.map((x) => x.latWgs)), lng: mid(p.map((x) => x.lngWgs)) };
  }, [points.data]);
  const at = from ?? centre;
  const near = useRequest(
    () => (at ? call(stationPublicApi.nearest, { query: { lat: at.lat, lng: at.lng, limit: 30, radiusKm: 50 } }) : Promise.resolve([] as NearStation[])),
    [at?.lat, at?.lng],
    showError,
  );
  const showMap = !!config.data?.tileUrl && !failed;
  const pick = (id: string) => {
    const p = points.data?.find((x) => x.id === id);
    if (p) setFrom({ lat: p.latWgs, lng: p.lngWgs });
  };
  return (
    <div data-testid="station-map-page">
      <PageHeader title={t('menu.stationMap')} />
      {!points.data || !config.data ? <Skeleton active /> : (
        <Row gutter={16}>
          {showMap && at && (
            <Col xs={24} lg={14}>
              <StationMap config={config.data} spots={points.data} centre={at} onPick={pick} onFail={() => setFailed(true)} height={560} />
            </Col>
          )}
          <Col xs={24} lg={showMap ? 10 : 24}>
            {!showMap && <Alert type="info" showIcon title={t('station.map.noTiles')} style={{ marginBottom: 12 }} data-testid="station-list-fallback" />}
            <Card size="small" title={t('station.map.from')} style={{ maxHeight: showMap ? 560 : undefined, overflow: 'auto' }}>
              <NearList items={near.data ?? []} extra={(s) => <a onClick={() => navigate(`/stations/${s.id}`)}>{t('station.name')} →</a>} />
            </Card>
          </Col>
        </Row>
      )}
    </div>
  );
}
