/**
 * Vocabularies of the outdoor-worker service stations (户外劳动者服务站点 / 爱心驿站, docs/stations.md):
 * the services a station offers (water, heating food, charging, a toilet, a place to rest, first aid)
 * and the standardisation inspection.
 */
export const AMENITIES = ['water', 'heat_food', 'charging', 'toilet', 'rest', 'first_aid'] as const;
export type Amenity = (typeof AMENITIES)[number];
export const AMENITY_LABELS: Record<Amenity, { zh: string; en: string }> = {
  water: { zh: '饮水', en: 'Drinking water' },
  heat_food: { zh: '热饭', en: 'Heating food' },
  charging: { zh: '充电', en: 'Charging' },
  toilet: { zh: '如厕', en: 'Toilet' },
  rest: { zh: '休息', en: 'Rest' },
  first_aid: { zh: '应急药箱', en: 'First aid' },
};

/** The result of a standardisation inspection (规范化建设检查). */
export const INSPECTION_RESULTS = ['pass', 'rectify', 'fail'] as const;
export const INSPECTION_RESULT_LABELS: Record<(typeof INSPECTION_RESULTS)[number], { zh: string; en: string }> = {
  pass: { zh: '达标', en: 'Meets the standard' },
  rectify: { zh: '限期整改', en: 'To be rectified' },
  fail: { zh: '不达标', en: 'Fails' },
};

/** The items an inspection checks, one per amenity plus signage and hours kept. */
export const INSPECTION_ITEMS = ['signage', 'hours_kept', 'clean', ...AMENITIES] as const;
export const INSPECTION_ITEM_LABELS: Record<(typeof INSPECTION_ITEMS)[number], { zh: string; en: string }> = {
  signage: { zh: '统一标识', en: 'Signage' },
  hours_kept: { zh: '按时开放', en: 'Hours kept' },
  clean: { zh: '环境整洁', en: 'Clean' },
  ...AMENITY_LABELS,
};

export const COORD_SYSTEM_LABELS = {
  wgs84: { zh: 'WGS-84（GPS、天地图）', en: 'WGS-84 (GPS, Tianditu)' },
  gcj02: { zh: 'GCJ-02（高德、腾讯地图）', en: 'GCJ-02 (Amap, Tencent maps)' },
} as const;
