import { fromPairs } from '../../i18n/bilingual';
import pairs from './i18n.json';

/** Member benefits' strings (普惠服务, docs/benefits.md), cadre pages and the worker portal, merged in i18n/messages.ts. */
export const benefitMessages = fromPairs(pairs);
