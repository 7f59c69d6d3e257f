import { fromPairs } from '../../i18n/bilingual';
import pairs from './i18n.json';

/** UI strings of the work-plan pages (重点工作 · 督办), zh-CN first with the English beside it. */
export const planMessages = fromPairs(pairs);
