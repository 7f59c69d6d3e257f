import { expect } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import type { TestClient } from '../../test/harness.js';

/**
 * Station objects for the sibling test (server/src/platform/scope-sibling.test.ts): a station of a
 * union outside the caller's reach, with a photo. Test-only.
 */
interface Target {
  id: string;
  version: number;
  secrets: string[];
}
export interface StationSiblings {
  stations: Target[];
  stationPhotos: Target[];
}

export const STATION_FILLERS: { prefix: string; param: string; targets: (s: StationSiblings) => Target[] }[] = [
  { prefix: '/api/stations/photos/:id', param: 'id', targets: (s) => s.stationPhotos },
  { prefix: '/api/stations/:id', param: 'id', targets: (s) => s.stations },
];

const body = (orgId: string) => ({
  orgId,
  name: '越权修改站点',
  address: '越权地址',
  coordSys: 'wgs84',
  lat: 30.6,
  lng: 114.3,
  hours: '08:00-20:00',
  amenities: ['water'],
});
export const STATION_BODIES: Record<string, (t: Target, own: { orgId: string }) => unknown> = {
  'PUT /api/stations/:id': (t, own) => ({ ...body(own.orgId), version: t.version }),
  'POST /api/stations/:id/inspections': () => ({ onDate: '2026-01-05', inspector: '越权检查', result: 'fail' }),
  'POST /api/stations/:id/photos': () => ({
    fileName: 'x.png',
    data: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  }),
};

type Rows = <T>(q: SQL) => Promise<T[]>;

/** A station of `orgId` with a photo. */
export async function stationTargets(admin: TestClient, orgId: string, label: string): Promise<StationSiblings> {
  const res = await admin.post('/api/stations', { ...body(orgId), name: `${label}驿站` });
  expect(res.statusCode, res.body).toBe(201);
  const photo = await admin.post(
    `/api/stations/${res.json().id}/photos`,
    STATION_BODIES['POST /api/stations/:id/photos']!({ id: '', version: 1, secrets: [] }, { orgId }),
  );
  expect(photo.statusCode, photo.body).toBe(201);
  return {
    stations: [{ id: res.json().id, version: 1, secrets: [`${label}驿站`] }],
    stationPhotos: [{ id: photo.json().id, version: 1, secrets: [] }],
  };
}

/** Rows that no refused request may change. */
export function stationSnapshot(rows: Rows, ids: SQL) {
  return Promise.all([
    rows(sql`SELECT * FROM station WHERE id IN (${ids}) ORDER BY id`),
    rows(sql`SELECT count(*)::int AS n FROM station_inspection WHERE station_id IN (${ids})`),
    rows(sql`SELECT count(*)::int AS n FROM station_photo WHERE station_id IN (${ids})`),
  ]);
}
