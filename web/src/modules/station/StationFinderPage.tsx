import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Alert, App, Button, Rate, Select, Space, Typography } from 'antd';
import { AimOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { stationPublicApi, type NearStation } from '../../../../common/src/contracts/station';
import { ApiError, call } from '../../api/client';
import { useRequest } from '../../app/use-request';
import { useApiError } from '../../app/use-api-error';
import { useI18n } from '../../i18n';
import { useVocab } from '../../kit';
import { PublicShell } from '../join/PublicShell';
import { StationMap } from './StationMap';
import { NearList } from './NearList';
import { AMENITIES } from './vocab';
import type { Amenity } from '../../../../common/src/station-vocab';

type Pos = { lat: number; lng: number };

/** /m/stations (附近的爱心驿站): a worker's phone page; the nearest stations to their position, a map when tiles load. */
export default function StationFinderPage() {
  const { t } = useI18n();
  const { options } = useVocab();
  const { message } = App.useApp();
  const { showError } = useApiError();
  const [params] = useSearchParams();
  const fromUrl = params.get('lat') && params.get('lng') ? { lat: Number(params.get('lat')), lng: Number(params.get('lng')) } : null;
  const [pos, setPos] = useState<Pos | null>(fromUrl);
  const [locating, setLocating] = useState(false);
  const [noLocation, setNoLocation] = useState(false);
  const [amenity, setAmenity] = useState<Amenity | undefined>();
  const [mapFailed, setMapFailed] = useState(false);
  const [visited, setVisited] = useState<Record<string, boolean>>({});
  const config = useRequest(() => call(stationPublicApi.mapConfig), []);
  const near = useRequest(
    () => (pos ? call(stationPublicApi.nearest, { query: { lat: pos.lat, lng: pos.lng, amenity } }) : Promise.resolve([] as NearStation[])),
    [pos?.lat, pos?.lng, amenity],
    showError,
  );
  const spots = useMemo(() => near.data ?? [], [near.data]);

  const locate = () => {
    if (!navigator.geolocation) return setNoLocation(true);
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (p) => { setLocating(false); setNoLocation(false); setPos({ lat: p.coords.latitude, lng: p.coords.longitude }); },
      () => { setLocating(false); setNoLocation(true); },
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    );
  };
  const visit = async (s: NearStation, rating?: number) => {
    try {
      await call(stationPublicApi.visit, { params: { id: s.id }, body: rating ? { rating } : {} }, { quiet401: true });
      setVisited((v) => ({ ...v, [s.id]: true }));
      void message.success(t('station.find.visited'));
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) void message.info(t('station.find.signIn'));
      else showError(e);
    }
  };
  const showMap = !!config.data?.tileUrl && !mapFailed && !!pos;
  return (
    <PublicShell title={t('station.find.title')} testId="station-finder-page">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('station.find.hint')}</Typography.Text>
        <Button type="primary" size="large" block icon={<AimOutlined />} loading={locating} onClick={locate} data-testid="station-locate" style={{ height: 52 }}>
          {locating ? t('station.find.locating') : t('station.find.locate')}
        </Button>
        {noLocation && <Alert type="warning" showIcon title={t('station.find.noLocation')} data-testid="station-no-location" />}
        <Select size="large" allowClear value={amenity} onChange={setAmenity} placeholder={t('station.find.amenity')} options={options(AMENITIES)} data-testid="station-amenity" style={{ width: '100%' }} />
        {pos && config.data && !showMap && <Alert type="info" showIcon title={t('station.map.noTiles')} data-testid="station-list-fallback" />}
        {showMap && config.data && <StationMap config={config.data} spots={spots} centre={pos} me={pos} onFail={() => setMapFailed(true)} height={260} />}
        {pos && (
          <NearList items={spots}
            extra={(s) => (
              <Space wrap>
                <a href={`geo:${s.latWgs},${s.lngWgs}?q=${s.latWgs},${s.lngWgs}(${encodeURIComponent(s.name)})`}>
                  <Button size="large" icon={<EnvironmentOutlined />}>{t('station.find.navigate')}</Button>
                </a>
                {visited[s.id]
                  ? <Rate onChange={(r) => void visit(s, r)} data-testid={`station-rate-${s.id}`} />
                  : <Button size="large" onClick={() => void visit(s)} data-testid={`station-visit-${s.id}`}>{t('station.find.visit')}</Button>}
              </Space>
            )} />
        )}
        <Link to="/m" data-testid="station-to-portal">{t('station.find.signIn')}</Link>
      </Space>
    </PublicShell>
  );
}
