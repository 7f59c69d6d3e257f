import { fromPairs } from '../../i18n/bilingual';
import pairs from './i18n.json';

/** UI strings of online joining: the public pages (入会申请, 申请进度, 会员卡核验) and the union's review. */
export const joinMsgs = fromPairs(pairs);
