import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness.js';
import { freshMobile } from '../member/join/fixtures.js';
import { haversineM, wgs84ToGcj02, gcj02ToWgs84 } from '../../../../common/src/geo.js';
import { DEMO_CITY_AREA, DEMO_STATION_COUNT } from '../../seed/demo-station.js';
import { todayInChina } from '../../../../common/src/dates.js';

/**
 * Outdoor-worker service stations (docs/stations.md): the nearest stations as the database orders
 * them against distances computed here, on whichever engine runs the file (PGlite in-process, or
 * PostgreSQL with TEST_DATABASE_URL); coordinates outside China refused; the registry, inspections,
 * photos, visits and the figures.
 */
let env: TestEnv;
let admin: TestClient;
let district: TestClient;
let chair: TestClient;
let unit: { id: string };
const q = <T>(s: ReturnType<typeof sql>) => env.services.database.query<T>(s);
const C = DEMO_CITY_AREA;
// A 1×1 PNG.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

beforeAll(async () => {
  env = await createTestEnv({ members: 300, hardship: 20, disputes: 20 });
  admin = await env.login('admin');
  district = await env.login('district');
  chair = await env.login('grassroots');
  [unit] = await q<{ id: string }>(sql`SELECT o.id FROM org o JOIN app_user u ON u.org_id = o.id WHERE u.username = 'grassroots'`);
}, 600_000);
afterAll(async () => {
  await env?.close();
});

const station = (o: Record<string, unknown> = {}) => ({
  orgId: unit.id,
  name: '测试爱心驿站',
  address: '江城市滨江区测试路1号',
  coordSys: 'wgs84',
  lat: C.lat,
  lng: C.lng,
  hours: '08:00-20:00',
  amenities: ['water', 'rest', 'charging'],
  ...o,
});

describe('nearest stations', () => {
  it(`the demo city has about ${DEMO_STATION_COUNT} stations, all inside its area`, async () => {
    const [r] = await q<{ n: number; outside: number }>(sql`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE abs(lat_wgs - ${C.lat}) > ${C.dLat} OR abs(lng_wgs - ${C.lng}) > ${C.dLng})::int AS outside FROM station WHERE is_demo`);
    expect(r!.n).toBe(DEMO_STATION_COUNT);
    expect(r!.outside).toBe(0);
  });

  it(`orders by the distance the database computes, matching haversine computed here`, async () => {
    for (const [lat, lng] of [
      [C.lat, C.lng],
      [C.lat + 0.1, C.lng + 0.15],
      [C.lat - 0.1, C.lng - 0.1],
    ] as const) {
      const res = await env.anonymous().get(`/api/public/stations/nearest?lat=${lat}&lng=${lng}&limit=30&radiusKm=15`);
      expect(res.statusCode).toBe(200);
      const got = res.json() as { id: string; latWgs: number; lngWgs: number; distanceM: number }[];
      // Every active station, measured here; the 30 nearest within 15 km, in order.
      const all = await q<{ id: string; lat_wgs: number; lng_wgs: number }>(sql`SELECT id, lat_wgs, lng_wgs FROM station WHERE active`);
      const expected = all
        .map((s) => ({ id: s.id, d: haversineM(lat, lng, Number(s.lat_wgs), Number(s.lng_wgs)) }))
        .filter((s) => s.d <= 15_000)
        .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1))
        .slice(0, 30);
      expect(got.length).toBe(expected.length);
      expect(got.length).toBeGreaterThan(0);
      expect(got.map((s) => s.id)).toEqual(expected.map((s) => s.id));
      got.forEach((s, i) => expect(Math.abs(s.distanceM - expected[i]!.d)).toBeLessThan(1));
      for (let i = 1; i < got.length; i++) expect(got[i]!.distanceM).toBeGreaterThanOrEqual(got[i - 1]!.distanceM);
    }
    expect(['pglite', 'postgres']).toContain(env.engine);
  });

  it('takes a GCJ-02 position and finds the same stations as its WGS-84 original', async () => {
    const g = wgs84ToGcj02(C.lat, C.lng);
    expect(Math.abs(g.lat - C.lat) + Math.abs(g.lng - C.lng)).toBeGreaterThan(0.002); // the offset is hundreds of metres
    const back = gcj02ToWgs84(g.lat, g.lng);
    expect(haversineM(back.lat, back.lng, C.lat, C.lng)).toBeLessThan(0.5);
    const a = (await env.anonymous().get(`/api/public/stations/nearest?lat=${C.lat}&lng=${C.lng}`)).json() as { id: string }[];
    const b = (await env.anonymous().get(`/api/public/stations/nearest?lat=${g.lat}&lng=${g.lng}&sys=gcj02`)).json() as { id: string }[];
    expect(b.map((s) => s.id)).toEqual(a.map((s) => s.id));
  });

  it('filters by amenity and returns nothing far from the city', async () => {
    const res = (await env.anonymous().get(`/api/public/stations/nearest?lat=${C.lat}&lng=${C.lng}&amenity=first_aid&limit=50`)).json() as {
      amenities: string[];
    }[];
    expect(res.length).toBeGreaterThan(0);
    expect(res.every((s) => s.amenities.includes('first_aid'))).toBe(true);
    expect((await env.anonymous().get('/api/public/stations/nearest?lat=45.75&lng=126.63')).json()).toEqual([]);
  });

  it('refuses a position outside China or malformed with a 400 in zh and en, never a 500', async () => {
    for (const qs of ['lat=60&lng=114', 'lat=30&lng=10', 'lat=abc&lng=114', 'lng=114', 'lat=30&lng=114&sys=bd09', 'lat=30&lng=114&radiusKm=500']) {
      const res = await env.anonymous().get(`/api/public/stations/nearest?${qs}`);
      expect(res.statusCode, qs).toBe(400);
    }
    const res = await env.anonymous().get('/api/public/stations/nearest?lat=60&lng=114');
    expect(JSON.stringify(res.json())).toContain('纬度');
  });
});

describe('the registry', () => {
  let id: string;
  it('registers a station located on a GCJ-02 map and keeps its WGS-84 position', async () => {
    const g = wgs84ToGcj02(C.lat + 0.01, C.lng + 0.01);
    const res = await chair.post('/api/stations', station({ coordSys: 'gcj02', lat: g.lat, lng: g.lng }));
    expect(res.statusCode).toBe(201);
    const s = res.json();
    id = s.id;
    expect(s.coordSys).toBe('gcj02');
    expect(haversineM(s.latWgs, s.lngWgs, C.lat + 0.01, C.lng + 0.01)).toBeLessThan(1);
    const near = (await env.anonymous().get(`/api/public/stations/nearest?lat=${C.lat + 0.01}&lng=${C.lng + 0.01}&limit=1`)).json();
    expect(near[0].id).toBe(id);
    expect(near[0].distanceM).toBeLessThan(1);
  });

  it('refuses coordinates outside China and unknown systems with a 400 naming the field', async () => {
    for (const body of [station({ lat: 61 }), station({ lng: 150 }), station({ lat: '30' }), station({ coordSys: 'bd09' }), station({ amenities: ['pool'] })]) {
      const res = await chair.post('/api/stations', body);
      expect(res.statusCode).toBe(400);
    }
    const res = await chair.post('/api/stations', station({ lat: 61 }));
    expect(JSON.stringify(res.json())).toMatch(/纬度.*latitude/);
  });

  it('edits with the version check, records an inspection and a photo; the detail shows them', async () => {
    const before = (await chair.get(`/api/stations/${id}`)).json();
    const up = await chair.put(`/api/stations/${id}`, { ...station({ name: '改名驿站' }), version: before.version });
    expect(up.statusCode).toBe(200);
    expect(up.json().coordSys).toBe('wgs84');
    expect((await chair.put(`/api/stations/${id}`, { ...station(), version: before.version })).statusCode).toBe(409);
    const ins = await chair.post(`/api/stations/${id}/inspections`, {
      onDate: todayInChina(),
      inspector: '王检查',
      result: 'rectify',
      items: [
        { item: 'signage', ok: false },
        { item: 'water', ok: true },
      ],
    });
    expect(ins.statusCode).toBe(201);
    expect((await chair.post(`/api/stations/${id}/inspections`, { onDate: '2999-01-01', inspector: 'x', result: 'pass' })).statusCode).toBe(400);
    const ph = await chair.post(`/api/stations/${id}/photos`, { fileName: 'door.png', data: PNG });
    expect(ph.statusCode).toBe(201);
    expect((await chair.post(`/api/stations/${id}/photos`, { fileName: 'x.pdf', data: Buffer.from('%PDF-1.4 x').toString('base64') })).statusCode).toBe(415);
    const d = (await chair.get(`/api/stations/${id}`)).json();
    expect(d.name).toBe('改名驿站');
    expect(d.lastResult).toBe('rectify');
    expect(d.inspections).toHaveLength(1);
    expect(d.photos).toHaveLength(1);
    const img = await chair.get(`/api/stations/photos/${ph.json().id}`);
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toContain('image/png');
    const actions = (await chair.get(`/api/stations/${id}/history`)).json().map((h: { action: string }) => h.action);
    expect(actions).toEqual(expect.arrayContaining(['station.create', 'station.update', 'station.inspect', 'station.photo_add']));
  });

  it('lists in scope with search and the amenity filter', async () => {
    const mine = (await chair.get('/api/stations?q=改名')).json();
    expect(mine.items.map((s: { id: string }) => s.id)).toEqual([id]);
    const all = (await admin.get('/api/stations?amenity=charging&pageSize=100')).json();
    expect(all.items.every((s: { amenities: string[] }) => s.amenities.includes('charging'))).toBe(true);
    // The grassroots chair sees only their own union's stations.
    const own = (await chair.get('/api/stations?pageSize=100')).json();
    expect(own.items.every((s: { orgId: string }) => s.orgId === unit.id)).toBe(true);
  });

  it('a district outside the station’s subtree gets 404 on it', async () => {
    const [other] = await q<{ id: string }>(sql`
      SELECT s.id FROM station s JOIN org o ON o.id = s.org_id
      WHERE o.path NOT LIKE (SELECT path || '%' FROM org WHERE code = 'D01') ORDER BY s.id LIMIT 1`);
    expect((await district.get(`/api/stations/${other!.id}`)).statusCode).toBe(404);
  });
});

describe('visits, ratings and figures', () => {
  it('a visit needs a worker session; a signed-in worker records one a day with a rating', async () => {
    const [s] = await q<{ id: string }>(sql`SELECT id FROM station WHERE active ORDER BY id LIMIT 1`);
    expect((await env.anonymous().post(`/api/portal/stations/${s!.id}/visits`, { rating: 5 })).statusCode).toBe(401);
    const mobile = freshMobile();
    let cookie = '';
    const send = async (url: string, payload: object) => {
      const res = await env.app.inject({ method: 'POST', url, payload, remoteAddress: '10.77.0.1', headers: cookie ? { cookie } : {} });
      const set = res.cookies.find((c) => c.name === 'gh_wsid');
      if (set) cookie = `gh_wsid=${set.value}`;
      return res;
    };
    expect((await send('/api/portal/code', { mobile })).statusCode).toBe(200);
    const body = (await admin.get(`/api/system/sms-outbox?mobile=${mobile}`)).json().items[0].body as string;
    expect((await send('/api/portal/session', { mobile, code: /(\d{6})/.exec(body)![1] })).statusCode).toBe(200);
    const v1 = await send(`/api/portal/stations/${s!.id}/visits`, {});
    expect(v1.statusCode).toBe(201);
    expect(v1.json().rating).toBeNull();
    const v2 = await send(`/api/portal/stations/${s!.id}/visits`, { rating: 4 });
    expect(v2.json()).toMatchObject({ id: v1.json().id, rating: 4 });
    expect((await send(`/api/portal/stations/${s!.id}/visits`, { rating: 9 })).statusCode).toBe(400);
    const d = (await admin.get(`/api/stations/${s!.id}`)).json();
    expect(d.visits).toBeGreaterThanOrEqual(1);
    const [audited] = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'station.visit' AND entity_id = ${s!.id}`);
    expect(audited!.n).toBe(2);
  });

  it('counts stations by district and visits in scope', async () => {
    const f = (await admin.get('/api/stations/dashboard')).json();
    const [n] = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM station`);
    expect(f.stations).toBe(n!.n);
    expect(f.byDistrict.reduce((s: number, d: { stations: number }) => s + d.stations, 0)).toBe(n!.n);
    expect(f.visits30d).toBeGreaterThan(0);
    const mine = (await district.get('/api/stations/dashboard')).json();
    expect(mine.byDistrict).toHaveLength(1);
    expect(mine.stations).toBeLessThan(f.stations);
  });

  it('the map config is empty without GONGHUI_MAP_TILE_URL: the pages fall back to the list', async () => {
    const c = (await env.anonymous().get('/api/public/stations/map-config')).json();
    expect(c.tileUrl).toBe(process.env.GONGHUI_MAP_TILE_URL ?? '');
  });
});
