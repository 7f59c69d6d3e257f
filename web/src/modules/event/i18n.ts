import { fromPairs } from '../../i18n/bilingual';
import pairs from './i18n.json';

/** Event pages' strings (工会活动; the worker's 我的活动), merged in i18n/messages.ts. */
export const eventMessages = fromPairs(pairs);
