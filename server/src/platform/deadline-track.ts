import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { trackedDeadline } from './deadline.schema.js';
import type { DeadlineRule } from '../../../common/src/deadlines.js';
import type { Executor } from '../db/client.js';

/** Record (or replace) the open deadline `field` of a record, with the rule it was counted by. */
export async function trackDeadline(
  tx: Executor,
  d: { entity: string; entityId: string; field: string; startOn: string; rule: DeadlineRule; due: string; provisional: boolean },
): Promise<void> {
  const values = {
    entity: d.entity,
    entityId: d.entityId,
    field: d.field,
    startOn: d.startOn,
    n: d.rule.n,
    unit: d.rule.unit,
    rollForward: d.rule.rollForward !== false,
    dueOn: d.due,
    provisional: d.provisional,
    closedAt: null,
    updatedAt: new Date(),
  };
  const { entity: _e, entityId: _i, field: _f, ...set } = values;
  await tx
    .insert(trackedDeadline)
    .values(values)
    .onConflictDoUpdate({ target: [trackedDeadline.entity, trackedDeadline.entityId, trackedDeadline.field], set });
}

/** Close a record's open deadlines (the step that answers them was taken). */
export async function closeDeadlines(tx: Executor, entity: string, entityId: string, fields: string[]): Promise<void> {
  if (!fields.length) return;
  await tx
    .update(trackedDeadline)
    .set({ closedAt: sql`now()`, updatedAt: new Date() })
    .where(
      and(eq(trackedDeadline.entity, entity), eq(trackedDeadline.entityId, entityId), inArray(trackedDeadline.field, fields), isNull(trackedDeadline.closedAt)),
    );
}
