import { boolean, date, doublePrecision, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../hardship/hardship.schema.js';

/**
 * Outdoor-worker service stations (户外劳动者服务站点, docs/stations.md). The coordinates are kept as
 * entered (`coord_sys`, `lat`, `lng`) and in WGS-84 (`lat_wgs`, `lng_wgs`): the nearest-station
 * query filters on the indexed WGS-84 box first and then orders by the haversine distance (PGlite
 * has no PostGIS, so the same SQL runs on both engines).
 */
export const station = pgTable(
  'station',
  {
    id: uuid('id').primaryKey(),
    /** The host unit's union: the scope column. */
    orgId: uuid('org_id').notNull(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    /** wgs84 or gcj02: the system `lat`/`lng` were taken in. */
    coordSys: text('coord_sys').$type<'wgs84' | 'gcj02'>().notNull(),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    latWgs: doublePrecision('lat_wgs').notNull(),
    lngWgs: doublePrecision('lng_wgs').notNull(),
    hours: text('hours').notNull(),
    amenities: jsonb('amenities').$type<string[]>().notNull().default([]),
    phone: text('phone'),
    active: boolean('active').notNull().default(true),
    lastInspectedOn: date('last_inspected_on'),
    lastResult: text('last_result'),
    isDemo: boolean('is_demo').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('station_org_idx').on(t.orgId), index('station_lat_lng_idx').on(t.latWgs, t.lngWgs), index('station_name_idx').on(t.name)],
);

/** A standardisation inspection (规范化建设检查): date, inspector, result and the items checked. */
export const stationInspection = pgTable(
  'station_inspection',
  {
    id: uuid('id').primaryKey(),
    stationId: uuid('station_id').notNull(),
    orgId: uuid('org_id').notNull(),
    onDate: date('on_date').notNull(),
    inspector: text('inspector').notNull(),
    result: text('result').notNull(),
    items: jsonb('items').$type<{ item: string; ok: boolean }[]>().notNull().default([]),
    note: text('note'),
    byName: text('by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('station_inspection_station_idx').on(t.stationId, t.onDate)],
);

/** Photos of a station (JPG/PNG in the database, checked by their first bytes). */
export const stationPhoto = pgTable(
  'station_photo',
  {
    id: uuid('id').primaryKey(),
    stationId: uuid('station_id').notNull(),
    orgId: uuid('org_id').notNull(),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('station_photo_station_idx').on(t.stationId)],
);

/** A worker's visit (打卡) with an optional 1–5 rating: one per worker account, station and day. */
export const stationVisit = pgTable(
  'station_visit',
  {
    id: uuid('id').primaryKey(),
    stationId: uuid('station_id').notNull(),
    orgId: uuid('org_id').notNull(),
    accountId: uuid('account_id').notNull(),
    visitedOn: date('visited_on').notNull(),
    rating: smallint('rating'),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('station_visit_day_uq').on(t.stationId, t.accountId, t.visitedOn), index('station_visit_org_idx').on(t.orgId, t.visitedOn)],
);
