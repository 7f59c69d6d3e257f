import { honorCall } from './honor.schema.js';
import { registerDeadlineOwner } from '../../platform/deadline-recompute.js';

/** The end of a call's public notice (公示, common/src/honor-workflow.ts), when counted in working days: a recomputed date reaches the call. */
registerDeadlineOwner('honor_call', honorCall, honorCall.id, honorCall.orgId);
