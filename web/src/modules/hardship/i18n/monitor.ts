import { fromPairs } from '../../../i18n/bilingual';
import pairs from './monitor.json';

/** UI strings of the warnings, the self-check and the online application (and the dashboard section), zh-CN first with the English beside it. */
export const monitorMsgs = fromPairs(pairs);
