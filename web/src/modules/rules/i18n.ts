import { fromPairs } from '../../i18n/bilingual';
import pairs from './i18n.json';

export const rulesMessages = fromPairs(pairs);
