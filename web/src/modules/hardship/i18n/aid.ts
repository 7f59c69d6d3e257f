import { fromPairs } from '../../../i18n/bilingual';
import pairs from './aid.json';

/** UI strings of the aid, budget, campaign and rule pages, zh-CN first with the English beside it. */
export const aidMsgs = fromPairs(pairs);
