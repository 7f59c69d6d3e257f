/**
 * Outdoor-worker service stations (户外劳动者服务站点 / 爱心驿站, docs/stations.md): the registry
 * kept by the host unions (address, coordinates in a named system, hours, amenities, photos,
 * standardisation inspections), the map, the nearest stations to a worker's position (computed in
 * the database), and visits with ratings by signed-in workers.
 */
import { z } from 'zod';
import { CHINA_BOUNDS, COORD_SYSTEMS } from '../geo.js';
import { AMENITIES, INSPECTION_ITEMS, INSPECTION_RESULTS } from '../station-vocab.js';
import {
  endpoints,
  FileBody,
  HistoryEntrySchema,
  IdParams,
  isoDate,
  optionalText,
  order,
  PageQuery,
  cappedPageOf,
  requiredText,
  version,
  type RateLimit,
} from './kit.js';

const { latMin, latMax, lngMin, lngMax } = CHINA_BOUNDS;
const latErr = `纬度应在 ${latMin}～${latMax} 之间（中国境内）/ latitude must be within China (${latMin}…${latMax})`;
const lngErr = `经度应在 ${lngMin}～${lngMax} 之间（中国境内）/ longitude must be within China (${lngMin}…${lngMax})`;
/** Bounded to China; the JSON body takes numbers, the query strings are coerced. */
export const latitude = z.number({ error: '请填写纬度 / latitude is required' }).min(latMin, { error: latErr }).max(latMax, { error: latErr });
export const longitude = z.number({ error: '请填写经度 / longitude is required' }).min(lngMin, { error: lngErr }).max(lngMax, { error: lngErr });
const coordSys = z.enum(COORD_SYSTEMS, { error: '坐标系应为 WGS-84 或 GCJ-02 / the coordinate system is wgs84 or gcj02' });
const amenity = z.enum(AMENITIES, { error: '服务项目不存在 / unknown amenity' });

const stationFields = {
  orgId: z.uuid('请选择建站单位工会 / choose the host union'),
  name: requiredText(80, '请填写站点名称', 'name is required'),
  address: requiredText(200, '请填写站点地址', 'address is required'),
  coordSys,
  lat: latitude,
  lng: longitude,
  hours: requiredText(60, '请填写开放时间', 'opening hours are required'),
  amenities: z.array(amenity).max(AMENITIES.length).default([]),
  phone: optionalText(30),
  active: z.boolean().default(true),
};
export const StationBody = z.strictObject(stationFields);
export const StationUpdateBody = z.strictObject({ ...stationFields, version });

export const InspectionBody = z.strictObject({
  onDate: isoDate,
  inspector: requiredText(60, '请填写检查人', 'inspector is required'),
  result: z.enum(INSPECTION_RESULTS, { error: '检查结论不存在 / unknown result' }),
  items: z
    .array(z.strictObject({ item: z.enum(INSPECTION_ITEMS), ok: z.boolean() }))
    .max(INSPECTION_ITEMS.length)
    .default([]),
  note: optionalText(1000),
});
/** A photo of the station, JPG or PNG, base64 in JSON (the upload handling of hardship scans, ≤ 5 MB). */
export const PhotoBody = z.strictObject({
  fileName: requiredText(120, '请填写文件名', 'file name is required'),
  data: z.string().min(1).max(7_200_000),
});
export const PHOTO_BODY_LIMIT = 7_400_000;

export const StationListQuery = z.strictObject({
  ...PageQuery,
  q: z.string().trim().max(40).optional(),
  amenity: amenity.optional(),
  under: z.uuid().optional(),
  active: z.enum(['true', 'false']).optional(),
  sort: z.enum(['name', 'updatedAt', 'lastInspectedOn']).default('name'),
  order: order('asc'),
});

export const StationItem = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  name: z.string(),
  address: z.string(),
  coordSys: z.enum(COORD_SYSTEMS),
  lat: z.number(),
  lng: z.number(),
  /** The position in WGS-84, what distances are computed from. */
  latWgs: z.number(),
  lngWgs: z.number(),
  hours: z.string(),
  amenities: z.array(z.string()),
  phone: z.string().nullable(),
  active: z.boolean(),
  lastInspectedOn: z.string().nullable(),
  lastResult: z.string().nullable(),
  version: z.number(),
});
const Inspection = z.object({
  id: z.string(),
  onDate: z.string(),
  inspector: z.string(),
  result: z.string(),
  items: z.array(z.object({ item: z.string(), ok: z.boolean() })),
  note: z.string().nullable(),
});
const Photo = z.object({ id: z.string(), fileName: z.string(), mime: z.string(), size: z.number(), createdAt: z.string() });
export const StationDetail = StationItem.extend({
  inspections: z.array(Inspection),
  photos: z.array(Photo),
  visits: z.number(),
  ratings: z.number(),
  avgRating: z.number().nullable(),
  can: z.object({ edit: z.boolean() }),
});
export const MapPoint = z.object({ id: z.string(), name: z.string(), latWgs: z.number(), lngWgs: z.number(), active: z.boolean() });

export const StationFigures = z.object({
  stations: z.number(),
  active: z.number(),
  byDistrict: z.array(z.object({ id: z.string(), name: z.string(), stations: z.number(), visits: z.number() })),
  visits30d: z.number(),
  avgRating: z.number().nullable(),
  inspectedThisYear: z.number(),
  failing: z.number(),
});

/** The worker's position: WGS-84 from the phone's GPS unless said. */
export const NearestQuery = z.strictObject({
  lat: z.coerce.number({ error: latErr }).min(latMin, { error: latErr }).max(latMax, { error: latErr }),
  lng: z.coerce.number({ error: lngErr }).min(lngMin, { error: lngErr }).max(lngMax, { error: lngErr }),
  sys: coordSys.default('wgs84'),
  radiusKm: z.coerce.number().min(0.1).max(50, { error: '搜索半径不超过50公里 / at most 50 km' }).default(20),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  amenity: amenity.optional(),
});
export const NearStation = z.object({
  id: z.string(),
  name: z.string(),
  address: z.string(),
  orgName: z.string(),
  hours: z.string(),
  amenities: z.array(z.string()),
  phone: z.string().nullable(),
  coordSys: z.enum(COORD_SYSTEMS),
  lat: z.number(),
  lng: z.number(),
  latWgs: z.number(),
  lngWgs: z.number(),
  /** Metres from the given position, computed by the database (haversine). */
  distanceM: z.number(),
  avgRating: z.number().nullable(),
});
export const MapConfig = z.object({
  /** Leaflet URL template; empty: no tiles, the page shows the list. */
  tileUrl: z.string(),
  subdomains: z.array(z.string()),
  /** A second layer drawn over the first, e.g. 天地图's labels (cva_w); empty: none. */
  labelUrl: z.string(),
  attribution: z.string(),
  /** The system the tiles are drawn in (天地图: WGS-84/CGCS2000; 高德: GCJ-02): markers are converted to it. */
  tileSys: z.enum(COORD_SYSTEMS),
  maxZoom: z.number(),
});
export const VisitBody = z.strictObject({
  rating: z
    .number()
    .int()
    .min(1, { error: '评分为1～5星 / rate 1 to 5' })
    .max(5, { error: '评分为1～5星 / rate 1 to 5' })
    .nullish()
    .transform((v) => v ?? null),
  comment: optionalText(200),
});

const nearestLimit: RateLimit = { bucket: 'station-nearest', limit: 120, windowMs: 60_000 };
const visitLimit: RateLimit = { bucket: 'station-visit', limit: 30, windowMs: 3_600_000 };

export const stationApi = endpoints('服务站点 station', {
  list: {
    method: 'GET',
    path: '/api/stations',
    access: 'station.read',
    summary: '户外劳动者服务站点（管辖范围内）/ stations in scope',
    query: StationListQuery,
    response: cappedPageOf(StationItem),
  },
  map: {
    method: 'GET',
    path: '/api/stations/map',
    access: 'station.read',
    summary: '地图上的站点（管辖范围内，最多5000个）/ stations in scope for the map',
    response: z.array(MapPoint),
  },
  dashboard: {
    method: 'GET',
    path: '/api/stations/dashboard',
    access: 'station.read',
    summary: '服务站点概况：各区站点数和到访 / stations by district and visits',
    response: StationFigures,
  },
  get: { method: 'GET', path: '/api/stations/:id', access: 'station.read', summary: '站点详情 / a station', params: IdParams, response: StationDetail },
  history: {
    method: 'GET',
    path: '/api/stations/:id/history',
    access: 'station.read',
    summary: '变更记录 / history',
    params: IdParams,
    response: z.array(HistoryEntrySchema),
  },
  create: {
    method: 'POST',
    path: '/api/stations',
    access: 'station.write',
    summary: '登记站点 / register a station',
    body: StationBody,
    response: StationItem,
    status: 201,
  },
  update: {
    method: 'PUT',
    path: '/api/stations/:id',
    access: 'station.write',
    summary: '修改站点 / edit a station',
    params: IdParams,
    body: StationUpdateBody,
    response: StationItem,
  },
  inspect: {
    method: 'POST',
    path: '/api/stations/:id/inspections',
    access: 'station.write',
    summary: '登记规范化建设检查 / record a standardisation inspection',
    params: IdParams,
    body: InspectionBody,
    response: z.object({ id: z.string() }),
    status: 201,
  },
  addPhoto: {
    method: 'POST',
    path: '/api/stations/:id/photos',
    access: 'station.write',
    summary: '上传站点照片（JPG/PNG，≤5MB，base64）/ add a photo',
    params: IdParams,
    body: PhotoBody,
    response: Photo,
    status: 201,
    bodyLimit: PHOTO_BODY_LIMIT,
  },
  photo: {
    method: 'GET',
    path: '/api/stations/photos/:id',
    access: 'station.read',
    summary: '站点照片 / a photo',
    params: IdParams,
    response: FileBody('JPEG or PNG'),
    file: true,
  },
});

/** For workers and anyone: no sign-in, rate-limited per address; only what a station's signboard shows. */
export const stationPublicApi = endpoints('服务站点 station', {
  nearest: {
    method: 'GET',
    path: '/api/public/stations/nearest',
    access: 'public',
    summary: '离我最近的服务站点（距离由数据库计算）/ the nearest stations to a position',
    query: NearestQuery,
    response: z.array(NearStation),
    rateLimit: nearestLimit,
  },
  mapConfig: {
    method: 'GET',
    path: '/api/public/stations/map-config',
    access: 'public',
    summary: '地图底图配置（天地图等）/ the map tile source',
    response: MapConfig,
    rateLimit: nearestLimit,
  },
  visit: {
    method: 'POST',
    path: '/api/portal/stations/:id/visits',
    access: 'public',
    summary: '职工到站打卡和评价（须登录职工账号，每站每天一次）/ a worker records a visit and rates it',
    params: IdParams,
    body: VisitBody,
    response: z.object({ id: z.string(), visitedOn: z.string(), rating: z.number().nullable() }),
    status: 201,
    rateLimit: visitLimit,
  },
});

export type StationInput = z.infer<typeof StationBody>;
export type StationListParams = z.infer<typeof StationListQuery>;
export type StationDetail = z.infer<typeof StationDetail>;
export type InspectionInput = z.infer<typeof InspectionBody>;
export type NearStation = z.infer<typeof NearStation>;
