import { fromPairs } from '../../../i18n/bilingual';
import pairs from './files.json';

/** UI strings of the hardship files pages, zh-CN first with the English beside it. */
export const filesMsgs = fromPairs(pairs);
