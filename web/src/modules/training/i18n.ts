import { fromPairs } from '../../i18n/bilingual';
import pairs from './i18n.json';

/** Training, certificate, mentoring and proposal pages' strings, merged in i18n/messages.ts. */
export const trainingMessages = fromPairs(pairs);
