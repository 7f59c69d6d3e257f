import { fromPairs } from '../../i18n/bilingual';
import pairs from './i18n.json';

/** The station pages' strings (户外劳动者服务站点), merged in i18n/messages.ts. */
export const stationMessages = fromPairs(pairs);
