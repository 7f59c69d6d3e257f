import type { FieldSpec, FilterSpec } from '../../kit';
import { AMENITIES, COORD_SYSTEMS, INSPECTION_ITEMS, INSPECTION_RESULTS } from './vocab';
import { CHINA_BOUNDS } from '../../../../common/src/geo';

/** The station form, for registering and editing. */
export const stationFields: FieldSpec[] = [
  { name: 'orgId', label: 'station.org', kind: 'org', required: true, span: 12 },
  { name: 'name', label: 'station.name', required: true, max: 80, span: 12 },
  { name: 'address', label: 'station.address', required: true, max: 200, span: 24 },
  { name: 'coordSys', label: 'station.coordSys', kind: 'select', vocab: COORD_SYSTEMS, required: true, extra: 'station.coordHint' },
  { name: 'lat', label: 'station.lat', kind: 'number', required: true, props: { precision: 6, min: CHINA_BOUNDS.latMin, max: CHINA_BOUNDS.latMax, step: 0.000001 } },
  { name: 'lng', label: 'station.lng', kind: 'number', required: true, props: { precision: 6, min: CHINA_BOUNDS.lngMin, max: CHINA_BOUNDS.lngMax, step: 0.000001 } },
  { name: 'hours', label: 'station.hours', required: true, max: 60 },
  { name: 'phone', label: 'station.phone', max: 30 },
  { name: 'active', label: 'station.active', kind: 'switch' },
  { name: 'amenities', label: 'station.amenities', kind: 'flags', vocab: AMENITIES, span: 24 },
];

/** The registry's filters. */
export const stationFilters: FilterSpec[] = [
  { name: 'q', label: 'station.filter.q' },
  { name: 'amenity', label: 'station.amenities', kind: 'select', vocab: AMENITIES },
  { name: 'under', label: 'station.org', kind: 'org' },
];

/** The inspection form: the items ticked are those that meet the standard. */
export const inspectionFields: FieldSpec[] = [
  { name: 'onDate', label: 'station.inspection.on', kind: 'date', required: true, noFuture: true },
  { name: 'inspector', label: 'station.inspection.inspector', required: true, max: 60 },
  { name: 'result', label: 'station.inspection.result', kind: 'select', vocab: INSPECTION_RESULTS, required: true },
  { name: 'ok', label: 'station.inspection.items', kind: 'flags', vocab: INSPECTION_ITEMS, span: 24 },
  { name: 'note', label: 'station.inspection.note', kind: 'textarea', max: 1000, span: 24 },
];
