import { vocabOf } from '../../kit';
import * as V from '../../../../common/src/station-vocab';

export const AMENITIES = vocabOf(V.AMENITIES, V.AMENITY_LABELS);
export const INSPECTION_RESULTS = vocabOf(V.INSPECTION_RESULTS, V.INSPECTION_RESULT_LABELS, { pass: 'green', rectify: 'orange', fail: 'red' });
export const INSPECTION_ITEMS = vocabOf(V.INSPECTION_ITEMS, V.INSPECTION_ITEM_LABELS);
export const COORD_SYSTEMS = vocabOf(['wgs84', 'gcj02'] as const, V.COORD_SYSTEM_LABELS);

/** "850 米" / "1.2 公里". */
export const distanceText = (m: number, lang: string) =>
  m < 1000 ? `${Math.round(m)} ${lang === 'en' ? 'm' : '米'}` : `${(m / 1000).toFixed(1)} ${lang === 'en' ? 'km' : '公里'}`;
