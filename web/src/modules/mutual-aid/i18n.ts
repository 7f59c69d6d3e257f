import { fromPairs } from '../../i18n/bilingual';
import pairs from './i18n.json';

/** Mutual aid's strings (职工互助保障: the portal card, the claims pages, the dashboard section), merged in i18n/messages.ts. */
export const mutualAidMessages = fromPairs(pairs);
