import { fromPairs } from '../../../i18n/bilingual';
import pairs from './member.json';

/** UI strings of the member pages (会员查询, 会员详情, 登记/编辑) and the dashboard's member section. */
export const memberMsgs = fromPairs(pairs);
