import { fromPairs } from '../../i18n/bilingual';
import pairs from './i18n.json';

/** The honour pages' strings (评选表彰, 劳模工匠), merged in i18n/messages.ts. */
export const honorMessages = fromPairs(pairs);
