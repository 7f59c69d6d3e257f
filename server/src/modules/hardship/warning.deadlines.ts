import { and, eq } from 'drizzle-orm';
import { hardshipWarning } from './warning.schema.js';
import { registerDeadlineSource } from '../../platform/deadline-recompute.js';

/** Open warnings are answered within working days of being raised: counted again when the holiday calendar changes. */
registerDeadlineSource({
  entity: 'hardship_warning',
  open: async (exec) =>
    exec
      .select({ id: hardshipWarning.id, orgId: hardshipWarning.orgId, start: hardshipWarning.raisedOn, due: hardshipWarning.dueOn })
      .from(hardshipWarning)
      .where(eq(hardshipWarning.status, 'open')),
  save: async (exec, id, due) => {
    await exec
      .update(hardshipWarning)
      .set({ dueOn: due })
      .where(and(eq(hardshipWarning.id, id), eq(hardshipWarning.status, 'open')));
  },
});
