import { vocabOf } from '../../kit';
import * as V from '../../../../common/src/event-vocab';

export const EVENT_KINDS = vocabOf(V.EVENT_KINDS, V.EVENT_KIND_LABELS, { culture: 'purple', sports: 'blue', matchmaking: 'magenta', training: 'cyan', recuperation: 'green' });
export const AUDIENCES = vocabOf(V.EVENT_AUDIENCES, V.EVENT_AUDIENCE_LABELS);
export const PHASES = vocabOf(V.EVENT_PHASES, V.EVENT_PHASE_LABELS, { upcoming: 'default', signup_open: 'green', signup_closed: 'orange', ongoing: 'blue', finished: 'default' });
export const SIGNUP_STATUSES = vocabOf(V.SIGNUP_STATUSES, V.SIGNUP_STATUS_LABELS, { confirmed: 'green', waitlisted: 'orange', cancelled: 'default' });
