import { vocabOf } from '../../kit';
import * as V from '../../../../common/src/competition-vocab';

export const COMPETITION_KINDS = vocabOf(V.COMPETITION_KINDS, V.COMPETITION_KIND_LABELS);
export const SECTORS = vocabOf(V.SECTORS, V.SECTOR_LABELS);
export const STUDIO_KINDS = vocabOf(V.STUDIO_KINDS, V.STUDIO_KIND_LABELS);
export const ALLIANCE_KINDS = vocabOf(V.ALLIANCE_KINDS, V.ALLIANCE_KIND_LABELS);
export const RESULT_KINDS = vocabOf(V.RESULT_KINDS, V.RESULT_KIND_LABELS);
export const GRADES = vocabOf(V.GRADES, V.GRADE_LABELS, { excellent: 'green', good: 'blue', pass: 'default', fail: 'red' });
