import { hardshipFile } from './hardship.schema.js';
import { registerDeadlineOwner } from '../../platform/deadline-recompute.js';

/** The yearly re-assessment date a file's workflow step starts (common/src/hardship-workflow.ts): a recomputed date reaches the file. */
registerDeadlineOwner('hardship_file', hardshipFile, hardshipFile.id, hardshipFile.orgId);
