import { describe, expect, it } from 'vitest';
import { boundingBox, gcj02ToWgs84, haversineM, inChina, storedPosition, wgs84ToGcj02 } from './geo.js';

describe('geo (docs/stations.md)', () => {
  it('haversine: one degree of latitude is about 111.2 km; a point to itself is 0', () => {
    expect(haversineM(30, 114, 31, 114)).toBeCloseTo(111_195, -1);
    expect(haversineM(30.5, 114.3, 30.5, 114.3)).toBe(0);
  });

  it('the bounding box holds every point of the radius', () => {
    const b = boundingBox(30.59, 114.3, 5000);
    expect(haversineM(30.59, 114.3, b.latMax, 114.3)).toBeCloseTo(5000, 0);
    expect(haversineM(30.59, 114.3, 30.59, b.lngMax)).toBeGreaterThanOrEqual(5000);
  });

  it('GCJ-02 moves a point in China by hundreds of metres and the inverse brings it back', () => {
    const g = wgs84ToGcj02(30.5928, 114.3055);
    const d = haversineM(30.5928, 114.3055, g.lat, g.lng);
    expect(d).toBeGreaterThan(100);
    expect(d).toBeLessThan(1000);
    const w = gcj02ToWgs84(g.lat, g.lng);
    expect(haversineM(w.lat, w.lng, 30.5928, 114.3055)).toBeLessThan(0.5);
    expect(wgs84ToGcj02(48.85, 2.35)).toEqual({ lat: 48.85, lng: 2.35 }); // outside China: unchanged
  });

  it('China bounds and the stored columns', () => {
    expect(inChina(30.6, 114.3)).toBe(true);
    expect(inChina(60, 114)).toBe(false);
    expect(storedPosition('wgs84', 30.1234567, 114.7654321)).toEqual({
      coordSys: 'wgs84',
      lat: 30.1234567,
      lng: 114.7654321,
      latWgs: 30.123457,
      lngWgs: 114.765432,
    });
  });
});
