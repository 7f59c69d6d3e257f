/**
 * Coordinates of service stations (docs/stations.md). Chinese web maps use two systems:
 * WGS-84 (GPS, the browser's geolocation, 天地图 in CGCS2000, which agrees with WGS-84 to the metre)
 * and GCJ-02 (the offset system of 高德/腾讯 maps, GB 20263-2006 and the surveying law's rules on
 * published maps). A station records the system its coordinates were taken in; distances are
 * computed in WGS-84, so a GCJ-02 entry is converted once when it is saved.
 */
export const COORD_SYSTEMS = ['wgs84', 'gcj02'] as const;
export type CoordSystem = (typeof COORD_SYSTEMS)[number];

/** The bounding box of the People's Republic of China (mainland, islands included) that a station may lie in. */
export const CHINA_BOUNDS = { latMin: 3.8, latMax: 53.6, lngMin: 73.4, lngMax: 135.1 } as const;

export function inChina(lat: number, lng: number): boolean {
  return lat >= CHINA_BOUNDS.latMin && lat <= CHINA_BOUNDS.latMax && lng >= CHINA_BOUNDS.lngMin && lng <= CHINA_BOUNDS.lngMax;
}

/** Mean Earth radius in metres (IUGG), used by the haversine formula here and in the database. */
export const EARTH_RADIUS_M = 6_371_008.8;

const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres (haversine); the same formula the nearest-station query runs in SQL. */
export function haversineM(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const a = Math.sin(rad(lat2 - lat1) / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lng2 - lng1) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The latitude/longitude half-widths of a box that holds every point within `radiusM` of `lat` (the index prefilter). */
export function boundingBox(lat: number, lng: number, radiusM: number) {
  const dLat = (radiusM / EARTH_RADIUS_M) * (180 / Math.PI);
  const cos = Math.max(Math.cos(rad(Math.min(89, Math.abs(lat) + dLat))), 0.01);
  const dLng = dLat / cos;
  return { latMin: lat - dLat, latMax: lat + dLat, lngMin: lng - dLng, lngMax: lng + dLng };
}

// The public GCJ-02 transform (Krasovsky 1940 ellipsoid), accurate to about a metre.
const A = 6378245.0;
const EE = 0.006693421622965943;
function tLat(x: number, y: number) {
  let r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin((y / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((160.0 * Math.sin((y / 12.0) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30.0)) * 2.0) / 3.0;
  return r;
}
function tLng(x: number, y: number) {
  let r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0) / 3.0;
  r += ((20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin((x / 3.0) * Math.PI)) * 2.0) / 3.0;
  r += ((150.0 * Math.sin((x / 12.0) * Math.PI) + 300.0 * Math.sin((x / 30.0) * Math.PI)) * 2.0) / 3.0;
  return r;
}

export function wgs84ToGcj02(lat: number, lng: number): { lat: number; lng: number } {
  if (!inChina(lat, lng)) return { lat, lng };
  let dLat = tLat(lng - 105.0, lat - 35.0);
  let dLng = tLng(lng - 105.0, lat - 35.0);
  const radLat = rad(lat);
  let magic = Math.sin(radLat);
  magic = 1 - EE * magic * magic;
  const sqrtMagic = Math.sqrt(magic);
  dLat = (dLat * 180.0) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI);
  dLng = (dLng * 180.0) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lat: lat + dLat, lng: lng + dLng };
}

/** The inverse by fixed-point iteration (the forward transform is smooth): under 0.01 m after a few rounds. */
export function gcj02ToWgs84(lat: number, lng: number): { lat: number; lng: number } {
  let w = { lat, lng };
  for (let i = 0; i < 6; i++) {
    const g = wgs84ToGcj02(w.lat, w.lng);
    w = { lat: w.lat - (g.lat - lat), lng: w.lng - (g.lng - lng) };
  }
  return w;
}

export function toWgs84(sys: CoordSystem, lat: number, lng: number): { lat: number; lng: number } {
  return sys === 'gcj02' ? gcj02ToWgs84(lat, lng) : { lat, lng };
}

export function fromWgs84(sys: CoordSystem, lat: number, lng: number): { lat: number; lng: number } {
  return sys === 'gcj02' ? wgs84ToGcj02(lat, lng) : { lat, lng };
}

/** The stored columns of an entered position: as entered plus WGS-84 (six decimals, about 0.1 m). */
export function storedPosition(sys: CoordSystem, lat: number, lng: number) {
  const w = toWgs84(sys, lat, lng);
  const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
  return { coordSys: sys, lat, lng, latWgs: r6(w.lat), lngWgs: r6(w.lng) };
}
