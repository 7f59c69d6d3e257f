import { fromPairs } from '../../i18n/bilingual';
import pairs from './i18n.json';

/** UI strings of the rights pages (劳动争议调解), zh-CN first with the English beside it. */
export const disputeMessages = fromPairs(pairs);
