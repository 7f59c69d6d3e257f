import { fromPairs } from '../../../i18n/bilingual';
import pairs from './import-transfer.json';

/** UI strings of 名册导入 and 会员接转. */
export const importTransferMsgs = fromPairs(pairs);
