import { fromPairs } from '../../i18n/bilingual';
import pairs from './i18n.json';

/** The worker portal's strings (职工服务 · 我的) and the SMS outbox page, merged in i18n/messages.ts. */
export const portalMessages = fromPairs(pairs);
