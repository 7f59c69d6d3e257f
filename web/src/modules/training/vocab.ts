import { vocabOf } from '../../kit';
import * as V from '../../../../common/src/training-vocab';
import { PROPOSAL_FLOW, PROPOSAL_STATUSES } from '../../../../common/src/proposal-workflow';

export const COURSE_MODES = vocabOf(V.COURSE_MODES, V.COURSE_MODE_LABELS, { online: 'blue', offline: 'green' });
export const ENROLMENT_STATUSES = vocabOf(V.ENROLMENT_STATUSES, V.ENROLMENT_STATUS_LABELS, { enrolled: 'blue', attended: 'green', absent: 'red' });
export const SKILL_LEVELS = vocabOf(V.SKILL_LEVELS, V.SKILL_LEVEL_LABELS, { junior: 'default', intermediate: 'blue', senior: 'cyan', technician: 'purple', senior_technician: 'gold' });
export const MENTORING_STATUSES = vocabOf(V.MENTORING_STATUSES, V.MENTORING_STATUS_LABELS, { active: 'blue', completed: 'green', ended: 'default' });
export const PROPOSAL_KINDS = vocabOf(V.PROPOSAL_KINDS, V.PROPOSAL_KIND_LABELS);
export const PROPOSAL_STATES = vocabOf(
  PROPOSAL_STATUSES,
  PROPOSAL_FLOW.states,
  Object.fromEntries(PROPOSAL_STATUSES.map((s) => [s, PROPOSAL_FLOW.states[s].color ?? 'default'])),
);
