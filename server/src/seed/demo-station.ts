/**
 * Demo outdoor-worker service stations (docs/stations.md): about 300 stations hosted by unions of
 * the demo city, with coordinates inside the city's area, amenities, opening hours, inspections and
 * worker visits with ratings. The fictional 江城市 is placed on the map around DEMO_CITY_AREA's
 * centre (the real "江城", Wuhan, lends its coordinates); each district gets its own patch of it.
 * Deterministic: its own PRNG fork, dates relative to DEMO_REFERENCE_DATE.
 */
import { sql } from 'drizzle-orm';
import { station, stationInspection, stationVisit } from '../modules/station/station.schema.js';
import { storedPosition, wgs84ToGcj02 } from '../../../common/src/geo.js';
import { AMENITIES, INSPECTION_ITEMS } from '../../../common/src/station-vocab.js';
import { addDays, createRng } from './prng.js';
import { DEMO_DEFAULT_SEED, DEMO_REFERENCE_DATE } from './demo-city.js';
import type { Executor } from '../db/client.js';

export const DEMO_STATION_COUNT = 300;
/** The demo city's area in WGS-84: its centre and the half-widths of the box every demo station lies in. */
export const DEMO_CITY_AREA = { lat: 30.5928, lng: 114.3055, dLat: 0.3, dLng: 0.35 } as const;

const KINDS = ['爱心驿站', '户外劳动者服务站', '暖心驿站', '职工之家驿站'];
const HOSTS = ['银行网点', '加油站', '社区服务中心', '供电营业厅', '环卫所', '邮政支局', '商场', '公园管理处'];
const HOURS = ['08:00-20:00', '09:00-18:00', '全天24小时', '07:00-22:00', '08:30-17:30'];
const ROADS = ['解放大道', '建设大道', '中山大道', '和平大道', '友谊大道', '光明路', '幸福路', '长江路', '汉江路', '南湖路'];

export interface DemoStationReport {
  stations: number;
  inspections: number;
  visits: number;
}

/** `accounts`: the worker accounts that visit (the demo's own by default; the bench passes its own ids). */
export async function seedDemoStations(tx: Executor, opts: { seed?: number; count?: number; accounts?: string[] } = {}): Promise<DemoStationReport> {
  const rng = createRng(opts.seed ?? DEMO_DEFAULT_SEED).fork('station');
  const q = async <T>(s: ReturnType<typeof sql>) => ((await tx.execute(s)) as unknown as { rows: T[] }).rows;
  const districts = await q<{ id: string; path: string; name: string }>(sql`SELECT id, path, name FROM org WHERE level = 'county' ORDER BY code`);
  if (!districts.length) return { stations: 0, inspections: 0, visits: 0 };
  const hosts = await q<{ id: string; path: string }>(sql`SELECT id, path FROM org WHERE level IN ('grassroots', 'street') AND active ORDER BY code`);
  const accounts = opts.accounts?.map((id) => ({ id })) ?? (await q<{ id: string }>(sql`SELECT id FROM worker_account ORDER BY id LIMIT 50`));
  const count = opts.count ?? DEMO_STATION_COUNT;
  const A = DEMO_CITY_AREA;
  // Districts as patches on a ring around the centre (the first one in the middle), each about 6 km across.
  const patch = districts.map((d, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, districts.length - 1);
    const r = i === 0 ? 0 : 0.55;
    return { d, lat: A.lat + A.dLat * r * Math.sin(angle), lng: A.lng + A.dLng * r * Math.cos(angle), hosts: hosts.filter((h) => h.path.startsWith(d.path)) };
  });
  const stations: (typeof station.$inferInsert)[] = [];
  const inspections: (typeof stationInspection.$inferInsert)[] = [];
  const visits: (typeof stationVisit.$inferInsert)[] = [];
  const REF = DEMO_REFERENCE_DATE;
  for (let i = 0; i < count; i++) {
    const p = patch[i % patch.length]!;
    const host = p.hosts.length ? rng.pick(p.hosts) : { id: p.d.id };
    const lat = Math.min(A.lat + A.dLat, Math.max(A.lat - A.dLat, p.lat + (rng.next() - 0.5) * 0.1));
    const lng = Math.min(A.lng + A.dLng, Math.max(A.lng - A.dLng, p.lng + (rng.next() - 0.5) * 0.12));
    // A quarter were located on a GCJ-02 map (高德/腾讯) and are stored as entered there.
    const sys = rng.chance(0.25) ? 'gcj02' : 'wgs84';
    const entered = sys === 'gcj02' ? wgs84ToGcj02(lat, lng) : { lat, lng };
    const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
    const id = rng.uuid();
    const amenities = AMENITIES.filter((a) => a === 'water' || a === 'rest' || rng.chance(0.6));
    const inspected = rng.chance(0.6);
    const onDate = rng.date(addDays(REF, -300), addDays(REF, -1));
    const result = rng.weighted([
      ['pass', 80],
      ['rectify', 15],
      ['fail', 5],
    ] as const);
    stations.push({
      id,
      orgId: host.id,
      name: `${p.d.name.replace(/[区县]$/, '')}${rng.pick(HOSTS)}${rng.pick(KINDS)}${String(i + 1).padStart(3, '0')}`,
      address: `${p.d.name}${rng.pick(ROADS)}${rng.int(1, 999)}号`,
      ...storedPosition(sys, r6(entered.lat), r6(entered.lng)),
      hours: rng.pick(HOURS),
      amenities,
      phone: rng.chance(0.7) ? `027-${rng.int(8000_0000, 8999_9999)}` : null,
      active: rng.chance(0.96),
      lastInspectedOn: inspected ? onDate : null,
      lastResult: inspected ? result : null,
      isDemo: true,
    });
    if (inspected) {
      inspections.push({
        id: rng.uuid(),
        stationId: id,
        orgId: host.id,
        onDate,
        inspector: rng.pick(['王建国', '李秀英', '张伟', '刘芳', '陈静']),
        result,
        items: INSPECTION_ITEMS.map((item) => ({ item, ok: result === 'pass' || rng.chance(0.7) })),
        note: result === 'pass' ? null : '标识不全，限期一个月整改',
        byName: '演示数据',
      });
    }
    for (const a of accounts) {
      if (!rng.chance(0.08)) continue;
      visits.push({
        id: rng.uuid(),
        stationId: id,
        orgId: host.id,
        accountId: a.id,
        visitedOn: rng.date(addDays(REF, -60), REF),
        rating: rng.chance(0.7)
          ? rng.weighted([
              [5, 50],
              [4, 30],
              [3, 15],
              [2, 5],
            ] as const)
          : null,
      });
    }
  }
  for (let i = 0; i < stations.length; i += 500) await tx.insert(station).values(stations.slice(i, i + 500));
  for (let i = 0; i < inspections.length; i += 500) await tx.insert(stationInspection).values(inspections.slice(i, i + 500));
  for (let i = 0; i < visits.length; i += 500)
    await tx
      .insert(stationVisit)
      .values(visits.slice(i, i + 500))
      .onConflictDoNothing();
  return { stations: stations.length, inspections: inspections.length, visits: visits.length };
}
