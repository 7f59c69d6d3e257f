import { and, eq } from 'drizzle-orm';
import { joinApplication } from '../member.schema.js';
import { registerDeadlineSource } from '../../../platform/deadline-recompute.js';
import { JOIN_REPLY_WORKING_DAYS } from '../../../../../common/src/working-days.js';

/** Pending join applications answer within working days of their submission: counted again when the holiday calendar changes. */
registerDeadlineSource({
  entity: 'join_application',
  open: async (exec) =>
    (
      await exec
        .select({ id: joinApplication.id, orgId: joinApplication.orgId, start: joinApplication.submittedOn, due: joinApplication.dueOn })
        .from(joinApplication)
        .where(eq(joinApplication.status, 'pending'))
    ).map((r) => ({ ...r, n: JOIN_REPLY_WORKING_DAYS })),
  save: async (exec, id, due) => {
    await exec
      .update(joinApplication)
      .set({ dueOn: due })
      .where(and(eq(joinApplication.id, id), eq(joinApplication.status, 'pending')));
  },
});
