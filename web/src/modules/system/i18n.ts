import { fromPairs } from '../../i18n/bilingual';
import pairs from './i18n.json';

/** UI strings of accounts, roles, the audit log and the settings added with the kit; the older ones are in i18n/messages.ts. */
export const systemMessages = fromPairs(pairs);
