import crypto from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { station, stationInspection, stationPhoto, stationVisit } from './station.schema.js';
import { org } from '../org/org.schema.js';
import { requireOrgInScope } from '../org/org.service.js';
import { decodeUpload } from '../hardship/attachment.service.js';
import { resource } from '../../platform/resource.js';
import { appendAudit, appendAuditStandalone } from '../../platform/audit.js';
import { errors } from '../../platform/errors.js';
import { escapeLike, ownedScopeSql, underOrgSql } from '../../platform/scope.js';
import { addDays, todayInChina } from '../../../../common/src/dates.js';
import { boundingBox, EARTH_RADIUS_M, storedPosition, toWgs84, type CoordSystem } from '../../../../common/src/geo.js';
import type { Ctx, PublicCtx } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';
import type { z } from 'zod';
import type { InspectionInput, NearestQuery, StationInput, StationListParams, VisitBody } from '../../../../common/src/contracts/station.js';

type Row = typeof station.$inferSelect;

export const stations = resource<typeof station, StationListParams>({
  table: station,
  entity: 'station',
  noun: ['服务站点', 'station'],
  orgColumn: station.orgId,
  idColumn: station.id,
  versionColumn: station.version,
  filters: {
    q: (v) => sql`(${station.name} ILIKE ${'%' + escapeLike(v) + '%'} OR ${station.address} ILIKE ${'%' + escapeLike(v) + '%'})`,
    amenity: (v) => sql`${station.amenities} @> ${JSON.stringify([v])}::jsonb`,
    active: (v) => eq(station.active, v === 'true'),
    under: (v) => underOrgSql(station.orgId, v),
  },
  sorts: { name: station.name, updatedAt: station.updatedAt, lastInspectedOn: station.lastInspectedOn },
  countCap: 1000,
});

async function orgNames(exec: Executor, ids: string[]) {
  const uniq = [...new Set(ids)];
  const rows = uniq.length ? await exec.select({ id: org.id, name: org.name }).from(org).where(inArray(org.id, uniq)) : [];
  return new Map(rows.map((o) => [o.id, o.name]));
}

const present = (r: Row, orgName: string) => ({
  id: r.id,
  orgId: r.orgId,
  orgName,
  name: r.name,
  address: r.address,
  coordSys: r.coordSys,
  lat: r.lat,
  lng: r.lng,
  latWgs: r.latWgs,
  lngWgs: r.lngWgs,
  hours: r.hours,
  amenities: r.amenities,
  phone: r.phone,
  active: r.active,
  lastInspectedOn: r.lastInspectedOn,
  lastResult: r.lastResult,
  version: r.version,
});

export async function listStations(c: Ctx, q: StationListParams) {
  // The union's name comes with each row of the page: the page and its count are one round trip.
  const page = await stations.list(c, q, { select: { r: station, orgName: sql<string | null>`(SELECT o.name FROM org o WHERE o.id = station.org_id)` } });
  const items = page.items as unknown as { r: Row; orgName: string | null }[];
  return { ...page, items: items.map((i) => present(i.r, i.orgName ?? '')) };
}

export async function mapPoints(c: Ctx) {
  return c.db
    .select({ id: station.id, name: station.name, latWgs: station.latWgs, lngWgs: station.lngWgs, active: station.active })
    .from(station)
    .where(stations.inScope(c))
    .orderBy(station.name)
    .limit(5000);
}

export async function getStation(c: Ctx, id: string) {
  const r = await stations.get(c, id);
  const [inspections, photos, [v], names] = await Promise.all([
    c.db.select().from(stationInspection).where(eq(stationInspection.stationId, id)).orderBy(desc(stationInspection.onDate), desc(stationInspection.id)),
    c.db
      .select({ id: stationPhoto.id, fileName: stationPhoto.fileName, mime: stationPhoto.mime, size: stationPhoto.size, createdAt: stationPhoto.createdAt })
      .from(stationPhoto)
      .where(eq(stationPhoto.stationId, id))
      .orderBy(stationPhoto.createdAt),
    c.db
      .select({
        visits: sql<number>`count(*)::int`,
        ratings: sql<number>`count(${stationVisit.rating})::int`,
        avg: sql<string | null>`avg(${stationVisit.rating})`,
      })
      .from(stationVisit)
      .where(eq(stationVisit.stationId, id)),
    orgNames(c.db, [r.orgId]),
  ]);
  return {
    ...present(r, names.get(r.orgId) ?? ''),
    inspections: inspections.map((x) => ({ id: x.id, onDate: x.onDate, inspector: x.inspector, result: x.result, items: x.items, note: x.note })),
    photos: photos.map((p) => ({ ...p, createdAt: p.createdAt.toISOString() })),
    visits: v!.visits,
    ratings: v!.ratings,
    avgRating: v!.avg === null ? null : Math.round(Number(v!.avg) * 10) / 10,
    can: { edit: c.actor.permissions.has('station.write') },
  };
}

export async function createStation(c: Ctx, body: StationInput) {
  return c.db.transaction(async (tx) => {
    const o = await requireOrgInScope(c, tx, body.orgId);
    const { lat, lng, coordSys, ...rest } = body;
    const row = await stations.create(c, tx, { id: uuidv7(), ...rest, ...storedPosition(coordSys, lat, lng) }, { action: 'station.create' });
    return present(row, o.name);
  });
}

export async function updateStation(c: Ctx, id: string, body: StationInput & { version: number }) {
  return c.db.transaction(async (tx) => {
    const r = await stations.get(c, id, { exec: tx, lock: true });
    if (body.orgId !== r.orgId) await requireOrgInScope(c, tx, body.orgId);
    const { version, lat, lng, coordSys, ...rest } = body;
    const { after } = await stations.update(c, tx, id, version, { ...rest, ...storedPosition(coordSys, lat, lng) }, { action: 'station.update' });
    return present(after, (await orgNames(tx, [after.orgId])).get(after.orgId) ?? '');
  });
}

const audit = (c: Ctx, orgId: string, action: string, id: string, changes: Record<string, unknown>) => ({
  actorId: c.actor.userId,
  actorName: c.actor.username,
  ip: c.ip,
  orgId,
  action,
  entity: 'station',
  entityId: id,
  changes,
});

/** A standardisation inspection; the station keeps its latest date and result for the list and the figures. */
export async function inspect(c: Ctx, id: string, body: InspectionInput) {
  if (body.onDate > todayInChina()) throw errors.invalid('检查日期不能晚于今天', 'The inspection date cannot be in the future', { field: 'onDate' });
  return c.db.transaction(async (tx) => {
    const r = await stations.get(c, id, { exec: tx, lock: true });
    const iid = uuidv7();
    await tx.insert(stationInspection).values({ id: iid, stationId: id, orgId: r.orgId, ...body, byName: c.actor.displayName });
    if (!r.lastInspectedOn || body.onDate >= r.lastInspectedOn) {
      await tx.update(station).set({ lastInspectedOn: body.onDate, lastResult: body.result }).where(eq(station.id, id));
    }
    await appendAudit(tx, audit(c, r.orgId, 'station.inspect', id, { inspectionId: iid, ...body }));
    return { id: iid };
  });
}

export async function addPhoto(c: Ctx, id: string, body: { fileName: string; data: string }) {
  const { bytes, mime } = decodeUpload(body.data, ['image/jpeg', 'image/png']);
  return c.db.transaction(async (tx) => {
    const r = await stations.get(c, id, { exec: tx });
    const pid = uuidv7();
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    const [p] = await tx
      .insert(stationPhoto)
      .values({ id: pid, stationId: id, orgId: r.orgId, fileName: body.fileName, mime, size: bytes.length, sha256, data: bytes, uploadedBy: c.actor.userId })
      .returning({ createdAt: stationPhoto.createdAt });
    await appendAudit(tx, audit(c, r.orgId, 'station.photo_add', id, { photoId: pid, fileName: body.fileName, mime, size: bytes.length, sha256 }));
    return { id: pid, fileName: body.fileName, mime, size: bytes.length, createdAt: p!.createdAt.toISOString() };
  });
}

/** A photo of a station in scope (a picture of a public place: not a sensitive read). */
export async function readPhoto(c: Ctx, id: string) {
  const [p] = await c.db.select().from(stationPhoto).where(eq(stationPhoto.id, id));
  if (!p) throw errors.notFound('照片', 'photo');
  await stations.get(c, p.stationId).catch(() => {
    throw errors.notFound('照片', 'photo');
  });
  return p;
}

const num = (v: unknown) => Number(v);

/**
 * The nearest active stations to a position, by the haversine distance computed in SQL, after a
 * prefilter on the indexed WGS-84 box of the radius. The same statement runs on PostgreSQL and PGlite.
 */
export async function nearest(exec: Executor, q: z.infer<typeof NearestQuery>) {
  const p = toWgs84(q.sys, q.lat, q.lng);
  const radiusM = q.radiusKm * 1000;
  const box = boundingBox(p.lat, p.lng, radiusM);
  const dist = sql`(2 * ${EARTH_RADIUS_M}::float8 * asin(least(1::float8, sqrt(
      power(sin(radians(s.lat_wgs - ${p.lat}::float8) / 2), 2)
      + cos(radians(${p.lat}::float8)) * cos(radians(s.lat_wgs)) * power(sin(radians(s.lng_wgs - ${p.lng}::float8) / 2), 2)))))`;
  const amenity = q.amenity ? sql`AND s.amenities @> ${JSON.stringify([q.amenity])}::jsonb` : sql``;
  const res = (await exec.execute(sql`
    SELECT s.id, s.name, s.address, o.name AS org_name, s.hours, s.amenities, s.phone, s.coord_sys, s.lat, s.lng, s.lat_wgs, s.lng_wgs, d.m AS distance_m,
      (SELECT avg(v.rating) FROM station_visit v WHERE v.station_id = s.id) AS avg_rating
    FROM station s
    JOIN org o ON o.id = s.org_id
    CROSS JOIN LATERAL (SELECT ${dist} AS m) d
    WHERE s.active
      AND s.lat_wgs BETWEEN ${box.latMin}::float8 AND ${box.latMax}::float8
      AND s.lng_wgs BETWEEN ${box.lngMin}::float8 AND ${box.lngMax}::float8
      AND d.m <= ${radiusM}::float8 ${amenity}
    ORDER BY d.m, s.id
    LIMIT ${q.limit}`)) as unknown as { rows: Record<string, unknown>[] };
  return res.rows.map((r) => ({
    id: String(r.id),
    name: String(r.name),
    address: String(r.address),
    orgName: String(r.org_name),
    hours: String(r.hours),
    amenities: (typeof r.amenities === 'string' ? JSON.parse(r.amenities) : r.amenities) as string[],
    phone: (r.phone as string | null) ?? null,
    coordSys: r.coord_sys as CoordSystem,
    lat: num(r.lat),
    lng: num(r.lng),
    latWgs: num(r.lat_wgs),
    lngWgs: num(r.lng_wgs),
    distanceM: Math.round(num(r.distance_m)),
    avgRating: r.avg_rating === null || r.avg_rating === undefined ? null : Math.round(num(r.avg_rating) * 10) / 10,
  }));
}

/**
 * The tile source of the map pages, from the environment (docs/stations.md): GONGHUI_MAP_TILE_URL is
 * a Leaflet URL template, e.g. 天地图's vector tiles
 * `https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY`
 * with subdomains 0–7. Unset: no tiles, the pages show the list.
 */
export function mapConfig(env: NodeJS.ProcessEnv = process.env) {
  const sys = env.GONGHUI_MAP_TILE_SYS === 'gcj02' ? 'gcj02' : 'wgs84';
  return {
    tileUrl: env.GONGHUI_MAP_TILE_URL ?? '',
    subdomains: (env.GONGHUI_MAP_TILE_SUBDOMAINS ?? '').split(',').filter(Boolean),
    labelUrl: env.GONGHUI_MAP_LABEL_URL ?? '',
    attribution: env.GONGHUI_MAP_ATTRIBUTION ?? '',
    tileSys: sys as CoordSystem,
    maxZoom: Math.min(20, Math.max(1, Number(env.GONGHUI_MAP_MAX_ZOOM ?? 18) || 18)),
  };
}

/** A signed-in worker's visit, with an optional rating: one a day per station (a second call updates the rating). */
export async function recordVisit(c: PublicCtx, account: { id: string; mobileMasked: string }, stationId: string, body: z.infer<typeof VisitBody>) {
  const accountId = account.id;
  const [s] = await c.db.select({ id: station.id, orgId: station.orgId, active: station.active }).from(station).where(eq(station.id, stationId));
  if (!s || !s.active) throw errors.notFound('服务站点', 'station');
  const visitedOn = todayInChina();
  const [row] = await c.db
    .insert(stationVisit)
    .values({ id: uuidv7(), stationId, orgId: s.orgId, accountId, visitedOn, rating: body.rating, comment: body.comment })
    .onConflictDoUpdate({
      target: [stationVisit.stationId, stationVisit.accountId, stationVisit.visitedOn],
      set: { rating: sql`coalesce(excluded.rating, ${stationVisit.rating})`, comment: sql`coalesce(excluded.comment, ${stationVisit.comment})` },
    })
    .returning();
  await appendAuditStandalone(c.db, {
    actorName: 'worker:' + account.mobileMasked,
    orgId: s.orgId,
    action: 'station.visit',
    entity: 'station',
    entityId: stationId,
    changes: { visitId: row!.id, visitedOn, rating: body.rating },
    ip: c.ip,
  });
  return { id: row!.id, visitedOn: row!.visitedOn, rating: row!.rating };
}

/** Figures in scope: stations by district with their visits in the last 30 days, ratings, inspections. */
export async function stationFigures(c: Ctx) {
  const mine = stations.inScope(c);
  const today = todayInChina();
  const since = addDays(today, -30);
  const yearStart = today.slice(0, 4) + '-01-01';
  const q = async <T>(s: ReturnType<typeof sql>) => ((await c.db.execute(s)) as unknown as { rows: T[] }).rows;
  const [[tot], byDistrict, [v]] = await Promise.all([
    c.db
      .select({
        n: sql<number>`count(*)::int`,
        active: sql<number>`count(*) FILTER (WHERE ${station.active})::int`,
        inspected: sql<number>`count(*) FILTER (WHERE ${station.lastInspectedOn} >= ${yearStart})::int`,
        failing: sql<number>`count(*) FILTER (WHERE ${station.lastResult} IN ('fail', 'rectify'))::int`,
      })
      .from(station)
      .where(mine),
    // The district (county-level union) above each station's host; stations hosted above district level count under their own union.
    q<{ id: string; name: string; stations: number; visits: number }>(sql`
      WITH s AS (SELECT station.id, station.org_id FROM station WHERE ${mine}),
      v AS (SELECT station_id, count(*)::int AS n FROM station_visit WHERE visited_on >= ${since} AND ${ownedScopeSql(c.actor.scope, sql`station_visit.org_id`)} GROUP BY station_id)
      SELECT coalesce(d.id, o.id)::text AS id, coalesce(d.name, o.name) AS name, count(*)::int AS stations, coalesce(sum(v.n), 0)::int AS visits
      FROM s JOIN org o ON o.id = s.org_id
      LEFT JOIN org d ON d.level = 'county' AND o.path LIKE d.path || '%'
      LEFT JOIN v ON v.station_id = s.id
      GROUP BY 1, 2 ORDER BY 3 DESC, 2`),
    c.db
      .select({ n: sql<number>`count(*)::int`, avg: sql<string | null>`avg(${stationVisit.rating})` })
      .from(stationVisit)
      .where(and(ownedScopeSql(c.actor.scope, stationVisit.orgId), sql`${stationVisit.visitedOn} >= ${since}`)),
  ]);
  return {
    stations: tot!.n,
    active: tot!.active,
    byDistrict: byDistrict.map((d) => ({ id: d.id, name: d.name, stations: Number(d.stations), visits: Number(d.visits) })),
    visits30d: v!.n,
    avgRating: v!.avg === null ? null : Math.round(Number(v!.avg) * 10) / 10,
    inspectedThisYear: tot!.inspected,
    failing: tot!.failing,
  };
}
