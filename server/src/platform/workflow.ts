import { and, eq, type AnyColumn } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { missingFields, permissionFor, type Machine, type TransitionDef } from '../../../common/src/workflow.js';
import { computeDeadline, type DeadlineRule } from '../../../common/src/deadlines.js';
import { todayInChina } from '../../../common/src/dates.js';
import { appendAudit } from './audit.js';
import { AppError, errors } from './errors.js';
import { trackDeadline, closeDeadlines } from './deadline-track.js';
import type { Ctx } from './context.js';
import type { Executor } from '../db/client.js';

/**
 * The workflow helper: one transition of a declared machine (common/src/workflow.ts), enforced the
 * same way for every module. It checks the caller's permission for the step, the record's state and
 * the step's required fields; sets the new state (guarded by state and version, so two clicks
 * cannot both succeed); starts the deadline the step declares (computed in common/src/deadlines.ts,
 * tracked so a calendar change recomputes it) and ends the ones it closes; and writes the audit entry
 * in the same transaction.
 */

export interface WorkflowTable {
  table: PgTable;
  id: PgColumn;
  status: PgColumn;
  version: PgColumn;
}

export interface StepOptions<S extends string> {
  /** The record as read (in scope, locked) by the service. */
  row: { id: string; status: string; version: number; orgId: string };
  /** Required when the step may lead to several states. */
  to?: S;
  /** The request body, for the required-fields check. */
  input?: Record<string, unknown>;
  /** Further columns to set with the step. */
  set?: Record<string, unknown>;
  /** The day the step's deadline counts from (default: today in China). */
  startOn?: string;
  /** The deadline's rule when the service reads it from rule data (a configurable period), instead of the declared one. */
  rule?: DeadlineRule;
  /** What the audit entry records besides the state change. */
  changes?: Record<string, unknown>;
  detail?: string | null;
}

export function wrongState(m: Machine, action: string, status: string) {
  const t = m.transitions[action];
  const st = m.states[status];
  return new AppError(
    409,
    'WRONG_STATUS',
    `当前状态“${st?.zh ?? status}”不能${t?.zh ?? action}`,
    `A record that is ${st?.en ?? status} does not allow “${t?.en ?? action}”`,
    { status, action },
  );
}

const key = (t: PgTable, c: PgColumn) => {
  for (const [k, v] of Object.entries(t)) if (v === c) return k;
  throw new Error(`column ${c.name} is not on the table`);
};

/**
 * The checks of a transition without applying it: the caller's permission for the step (from this
 * state), the record's state and, when `input` is given, the step's required fields. A service calls
 * it first when rules of its own (eligibility, whose turn it is) must be checked after these and
 * before the step.
 */
export function guard<S extends string, A extends string>(
  c: Ctx,
  m: Machine<S, A>,
  action: A,
  row: { status: string },
  input?: Record<string, unknown>,
): TransitionDef<S> {
  const t = m.transitions[action];
  if (!t) throw new Error(`unknown transition ${action} of ${m.entity}`);
  const permission = permissionFor(t as TransitionDef<string>, row.status);
  if (!c.actor.permissions.has(permission)) throw errors.forbidden(permission);
  if (!(t.from as readonly string[]).includes(row.status)) throw wrongState(m, action, row.status);
  const missing = input ? missingFields(t, input) : [];
  if (missing.length) {
    throw new AppError(400, 'VALIDATION_FAILED', `请填写：${missing.join('、')}`, `Required: ${missing.join(', ')}`, {
      fields: missing.map((f) => ({ path: `body.${f}`, message: '此步骤必须填写', messageEn: 'required for this step' })),
    });
  }
  return t;
}

/** Apply one transition inside the caller's transaction; returns the updated row. */
export async function step<S extends string, A extends string>(c: Ctx, tx: Executor, m: Machine<S, A>, w: WorkflowTable, action: A, o: StepOptions<S>) {
  const t = guard(c, m, action, o.row, o.input ?? {});
  const to = o.to ?? t.to[0]!;
  if (!(t.to as readonly string[]).includes(to)) throw new Error(`${m.entity}.${action} cannot lead to ${to}`);
  const set: Record<string, unknown> = { ...(o.set ?? {}), [key(w.table, w.status)]: to, [key(w.table, w.version)]: o.row.version + 1 };
  if ('updatedAt' in w.table) set.updatedAt = new Date();
  let deadline: { field: string; due: string; provisional: boolean } | null = null;
  if (t.starts && (!t.starts.when || (t.starts.when as readonly string[]).includes(to))) {
    const start = o.startOn ?? todayInChina();
    const rule = o.rule ?? t.starts.rule;
    const d = computeDeadline(start, rule, await c.settings.calendar(tx));
    set[t.starts.field] = d.due;
    deadline = { field: t.starts.field, due: d.due, provisional: d.provisional };
    await trackDeadline(tx, { entity: m.entity, entityId: o.row.id, field: t.starts.field, startOn: start, rule, due: d.due, provisional: d.provisional });
  }
  for (const f of t.ends ?? []) set[f] = null;
  if (t.ends?.length) await closeDeadlines(tx, m.entity, o.row.id, [...t.ends]);
  const [after] = (await tx
    .update(w.table)
    .set(set as never)
    .where(
      and(eq(w.id as unknown as AnyColumn, o.row.id), eq(w.status as unknown as AnyColumn, o.row.status), eq(w.version as unknown as AnyColumn, o.row.version)),
    )
    .returning()) as Record<string, unknown>[];
  if (!after) throw errors.versionConflict();
  await appendAudit(tx, {
    actorId: c.actor.userId,
    actorName: c.actor.username,
    ip: c.ip,
    orgId: o.row.orgId,
    action: t.audit,
    entity: m.entity,
    entityId: o.row.id,
    changes: { status: { from: o.row.status, to }, ...(deadline ? { [deadline.field]: deadline.due } : {}), ...(o.changes ?? {}) },
    detail: o.detail ?? null,
  });
  return after;
}
