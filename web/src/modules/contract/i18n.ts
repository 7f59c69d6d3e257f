import { fromPairs } from '../../i18n/bilingual';
import contract from './i18n-contract.json';
import congress from './i18n-congress.json';

/** UI strings of collective bargaining, contracts and coverage, zh-CN first with the English beside it. */
export const contractMessages = fromPairs(contract);

/** UI strings of workers' congresses, proposals and open management. */
export const congressMessages = fromPairs(congress);
