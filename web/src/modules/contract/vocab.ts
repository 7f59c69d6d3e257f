import { AGENDA_KINDS, AGENDA_KIND_LABELS, DISCLOSURE_CHANNELS, DISCLOSURE_CHANNEL_LABELS, PROPOSAL_STATUSES, PROPOSAL_STATUS_LABELS, BARGAINING_MACHINE, BARGAINING_SCOPES, BARGAINING_SCOPE_LABELS, CLAUSE_CATEGORIES, CLAUSE_CATEGORY_LABELS, CONGRESS_FORMS, CONGRESS_FORM_LABELS, CONTRACT_KINDS, CONTRACT_KIND_LABELS } from '../../../../common/src/contract-vocab';
import { DELEGATE_CATEGORIES, DELEGATE_CATEGORY_LABELS, DELEGATE_GENDERS, DELEGATE_GENDER_LABELS, ELECTION_METHODS, ELECTION_METHOD_LABELS } from '../../../../common/src/contract-vocab';
import { vocabOf, type Vocab } from '../../kit';

/** The vocabularies of the contract pages, from common/src/contract-vocab.ts. */
export const STATUSES: Vocab = BARGAINING_MACHINE.states;
export const SCOPES = vocabOf(BARGAINING_SCOPES, BARGAINING_SCOPE_LABELS, { single: 'blue', regional: 'purple', sector: 'cyan' });
export const KINDS = vocabOf(CONTRACT_KINDS, CONTRACT_KIND_LABELS, { wage: 'gold', women: 'magenta', safety: 'orange' });
export const CATEGORIES = vocabOf(CLAUSE_CATEGORIES, CLAUSE_CATEGORY_LABELS);
export const BODIES = vocabOf(CONGRESS_FORMS, CONGRESS_FORM_LABELS);
export const SIDES: Vocab = { union: { zh: '职工方', en: 'Union side' }, employer: { zh: '企业方', en: 'Employer side' } };
export const AGENDA = vocabOf(AGENDA_KINDS, AGENDA_KIND_LABELS);
export const CHANNELS = vocabOf(DISCLOSURE_CHANNELS, DISCLOSURE_CHANNEL_LABELS);
export const PROPOSAL_STATES: Vocab = Object.fromEntries(PROPOSAL_STATUSES.map((s) => [s, PROPOSAL_STATUS_LABELS[s]]));
export const DELEGATE_CATEGORIES_V = vocabOf(DELEGATE_CATEGORIES, DELEGATE_CATEGORY_LABELS);
export const GENDERS = vocabOf(DELEGATE_GENDERS, DELEGATE_GENDER_LABELS);
export const ELECTION_METHODS_V = vocabOf(ELECTION_METHODS, ELECTION_METHOD_LABELS);
