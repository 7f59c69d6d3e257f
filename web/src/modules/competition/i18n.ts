import { fromPairs } from '../../i18n/bilingual';
import pairs from './i18n.json';

/** Competition and studio pages' strings, merged in i18n/messages.ts. */
export const competitionMessages = fromPairs(pairs);
