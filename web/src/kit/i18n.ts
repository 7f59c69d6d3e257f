import { fromPairs } from '../i18n/bilingual';
import pairs from './i18n.json';

/** The kit's own UI strings. */
export const kitMessages = fromPairs(pairs);
