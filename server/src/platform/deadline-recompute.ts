import { and, eq, isNull, type AnyColumn } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { addWorkingDays, workingDaysBetween, type CalendarOverrides } from '../../../common/src/working-days.js';
import { computeDeadline, type DayCount } from '../../../common/src/deadlines.js';
import { trackedDeadline } from './deadline.schema.js';
import { appendAudit } from './audit.js';
import type { Ctx } from './context.js';
import type { Executor } from '../db/client.js';

/**
 * When an administrator enters or corrects a year of the holiday calendar, every open deadline
 * counted in working days (and every calendar-day period that moves off a rest day) is counted
 * again on the new calendar, each change audited (docs/rules.md, "Deadlines"). Two kinds of
 * deadline are recomputed:
 *
 * - those a workflow step started (tracked with their rule in `tracked_deadline`, see
 *   platform/workflow.ts), whose owning record is updated through the table its module registered;
 * - stored working-day due dates of a module's own (join applications, warnings): the module
 *   registers a source that lists the open ones with their start day; the number of working days
 *   each had is counted on the calendar before the change and counted again on the new one.
 */

export interface DeadlineSource {
  /** The audit entity of the records. */
  entity: string;
  /** Open records whose due date counts working days from `start`; `n`, where the rule fixes it, is the number of working days (else it is counted on the calendar before the change). */
  open(exec: Executor): Promise<{ id: string; orgId: string; start: string; due: string; n?: number }[]>;
  save(exec: Executor, id: string, due: string): Promise<void>;
}

const sources: DeadlineSource[] = [];
const owners = new Map<string, { table: PgTable; id: PgColumn; org: PgColumn }>();

/** A module whose stored due dates count working days registers them here. */
export function registerDeadlineSource(s: DeadlineSource): void {
  if (!sources.some((x) => x.entity === s.entity)) sources.push(s);
}

/** A module whose records carry workflow deadlines names its table, so a recomputed date reaches the record. */
export function registerDeadlineOwner(entity: string, table: PgTable, id: PgColumn, org: PgColumn): void {
  owners.set(entity, { table, id, org });
}

/** Whether a workflow entity's deadlines reach its records when recomputed (a module on the workflow helper registers its table). */
export function hasDeadlineOwner(entity: string): boolean {
  return owners.has(entity);
}

export interface RecomputeResult {
  entity: string;
  checked: number;
  changed: number;
}

const keyOf = (t: PgTable, c: PgColumn) => Object.entries(t).find(([, v]) => v === c)?.[0];

/** Count every open deadline again on the `after` calendar; audit each one that moves. Runs in the caller's transaction. */
export async function recomputeDeadlines(c: Ctx, tx: Executor, before: CalendarOverrides, after: CalendarOverrides): Promise<RecomputeResult[]> {
  const out: RecomputeResult[] = [];
  const audit = (entity: string, id: string, orgId: string | null, from: string, to: string) =>
    appendAudit(tx, {
      actorId: c.actor.userId,
      actorName: c.actor.username,
      ip: c.ip,
      orgId,
      action: 'deadline.recomputed',
      entity,
      entityId: id,
      changes: { dueOn: { from, to } },
      detail: 'holiday calendar changed',
    });

  for (const s of sources) {
    const rows = await s.open(tx);
    let changed = 0;
    for (const r of rows) {
      const n = r.n ?? workingDaysBetween(r.start, r.due, before);
      const due = addWorkingDays(r.start, n, after);
      if (due === r.due) continue;
      await s.save(tx, r.id, due);
      await audit(s.entity, r.id, r.orgId, r.due, due);
      changed++;
    }
    out.push({ entity: s.entity, checked: rows.length, changed });
  }

  const tracked = await tx.select().from(trackedDeadline).where(isNull(trackedDeadline.closedAt));
  const byEntity = new Map<string, RecomputeResult>();
  for (const d of tracked) {
    const res = byEntity.get(d.entity) ?? { entity: d.entity, checked: 0, changed: 0 };
    byEntity.set(d.entity, res);
    res.checked++;
    const next = computeDeadline(d.startOn, { n: d.n, unit: d.unit as DayCount, rollForward: d.rollForward }, after);
    if (next.due === d.dueOn && next.provisional === d.provisional) continue;
    await tx
      .update(trackedDeadline)
      .set({ dueOn: next.due, provisional: next.provisional, updatedAt: new Date() })
      .where(and(eq(trackedDeadline.entity, d.entity), eq(trackedDeadline.entityId, d.entityId), eq(trackedDeadline.field, d.field)));
    if (next.due === d.dueOn) continue;
    const owner = owners.get(d.entity);
    let orgId: string | null = null;
    if (owner) {
      const field = d.field;
      const [row] = (await tx
        .update(owner.table)
        .set({ [field]: next.due } as never)
        .where(eq(owner.id as unknown as AnyColumn, d.entityId))
        .returning()) as Record<string, unknown>[];
      orgId = (row?.[keyOf(owner.table, owner.org) ?? ''] as string | undefined) ?? null;
    }
    await audit(d.entity, d.entityId, orgId, d.dueOn, next.due);
    res.changed++;
  }
  out.push(...byEntity.values());
  return out;
}
