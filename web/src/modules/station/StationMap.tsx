import { useEffect, useRef } from 'react';
import type { z } from 'zod';
import 'leaflet/dist/leaflet.css';
import type { MapConfig } from '../../../../common/src/contracts/station';
import { fromWgs84 } from '../../../../common/src/geo';

export interface MapSpot {
  id: string;
  name: string;
  latWgs: number;
  lngWgs: number;
}

/**
 * A Leaflet map on the configured tile source (docs/stations.md): positions are kept in WGS-84 and
 * drawn in the tiles' system (天地图 WGS-84/CGCS2000, 高德 GCJ-02). When no tile loads within a few
 * seconds, or several fail, `onFail` tells the page to rely on its list (no network, tiles blocked).
 */
export function StationMap({ config, spots, centre, me, onPick, onFail, height = 420 }: {
  config: z.infer<typeof MapConfig>;
  spots: MapSpot[];
  centre: { lat: number; lng: number };
  me?: { lat: number; lng: number } | null;
  onPick?: (id: string) => void;
  onFail: () => void;
  height?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const failRef = useRef(onFail);
  failRef.current = onFail;
  const pickRef = useRef(onPick);
  pickRef.current = onPick;
  useEffect(() => {
    let map: import('leaflet').Map | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelled = false;
    void import('leaflet').then((L) => {
      if (cancelled || !box.current) return;
      const at = (p: { lat: number; lng: number }) => {
        const q = fromWgs84(config.tileSys, p.lat, p.lng);
        return L.latLng(q.lat, q.lng);
      };
      map = L.map(box.current, { zoomControl: true }).setView(at(centre), 13);
      let loaded = 0;
      let failed = 0;
      const layer = L.tileLayer(config.tileUrl, { subdomains: config.subdomains.length ? config.subdomains : 'abc', attribution: config.attribution, maxZoom: config.maxZoom });
      layer.on('tileload', () => { loaded++; });
      layer.on('tileerror', () => { if (++failed >= 4 && loaded === 0) failRef.current(); });
      layer.addTo(map);
      if (config.labelUrl) L.tileLayer(config.labelUrl, { subdomains: config.subdomains.length ? config.subdomains : 'abc', maxZoom: config.maxZoom }).addTo(map);
      timer = setTimeout(() => { if (loaded === 0) failRef.current(); }, 8000);
      for (const s of spots) {
        L.circleMarker(at({ lat: s.latWgs, lng: s.lngWgs }), { radius: 7, color: '#c8161d', fillOpacity: 0.8 })
          .bindTooltip(s.name)
          .on('click', () => pickRef.current?.(s.id))
          .addTo(map);
      }
      if (me) L.circleMarker(at(me), { radius: 9, color: '#1f5fbf', fillOpacity: 0.9 }).addTo(map);
    });
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
      map?.remove();
    };
  }, [config, spots, centre, me]);
  return <div ref={box} style={{ height, width: '100%', borderRadius: 8, overflow: 'hidden' }} data-testid="station-map" />;
}
