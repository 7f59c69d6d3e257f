import { and, asc, desc, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { auditLog } from '../modules/audit/audit.schema.js';
import { estimatePast } from './estimate.js';
import { appendAudit, diffFields } from './audit.js';
import { errors } from './errors.js';
import { ownedScopeSql, orgScopeSql, scopeCovers } from './scope.js';
import { org } from '../modules/org/org.schema.js';
import type { Ctx } from './context.js';
import type { Executor } from '../db/client.js';

/**
 * The scoped list/get/write helper (docs/architecture.md, invariant 1, docs/architecture.md "Adding a
 * module"). A module states its table, the column naming the owning org, its filters and sorts;
 * the helper puts the caller's data scope into every query, counts with a cap, answers 404 for a
 * record outside the scope (existence is not leaked), refuses stale versions and writes the audit
 * entry in the same transaction. A module writes no scope SQL of its own.
 */

type Row<T extends PgTable> = T['$inferSelect'];
type Insert<T extends PgTable> = T['$inferInsert'];

/** A filter: from the parsed query's value to a condition (undefined: no condition). */
export type Filter<Q> = (value: NonNullable<Q>, ctx: Ctx) => SQL | undefined;

export interface ResourceSpec<T extends PgTable, Q extends Record<string, unknown>> {
  table: T;
  /** The audit entity name and the words for "not found" (zh, en). */
  entity: string;
  noun: [zh: string, en: string];
  /** The owning org of a row; `pathColumn` when the table is the org tree itself. */
  orgColumn: PgColumn;
  pathColumn?: PgColumn;
  idColumn: PgColumn;
  versionColumn?: PgColumn;
  /** Query keys → conditions. Keys the query leaves out (or empty) add nothing. */
  filters?: { [K in keyof Q]?: Filter<Q[K]> };
  /** Sort keys of the query's `sort` → the column or expression, ties broken by id. */
  sorts?: Record<string, AnyColumn | SQL>;
  /** Count no further than this (a page shows "1,000+"); undefined counts exactly. */
  countCap?: number;
  /**
   * Who may see a row, for records whose visibility is not their owning org's scope (a role: built-in
   * ones are seen by everyone, defined ones inside the defining org's scope). Replaces the scope
   * check of `get` (and so of `update` and `history`); 404 when it answers false.
   */
  visible?: (c: Ctx, row: Row<T>, exec: Executor) => Promise<boolean>;
}

export interface ListQuery {
  page: number;
  pageSize: number;
  sort?: string;
  order?: 'asc' | 'desc';
}

export interface Page<R> {
  items: R[];
  total: number;
  totalExact: boolean;
  /** Where the count stopped at its cap: the planner's estimate of all matches (an order of magnitude). */
  totalEstimate?: number;
  page: number;
  pageSize: number;
}

export interface Resource<T extends PgTable, Q extends Record<string, unknown>> {
  spec: ResourceSpec<T, Q>;
  /** The caller's scope as a predicate on this table. */
  inScope(c: Ctx): SQL;
  /** Conditions of the filters the query sets, plus the scope. */
  where(c: Ctx, q: Partial<Q>, extra?: (SQL | undefined)[]): SQL;
  /** One page with its (capped) count: one round trip for the rows, one for the count. */
  list<R = Row<T>>(
    c: Ctx,
    q: Partial<Q> & ListQuery,
    opts?: { extra?: (SQL | undefined)[]; select?: Record<string, unknown>; exec?: Executor; map?: (r: Row<T>) => R },
  ): Promise<Page<R>>;
  /** A record the caller may see, or 404; `lock` takes a row lock (inside a transaction). */
  get(c: Ctx, id: string, opts?: { exec?: Executor; lock?: boolean }): Promise<Row<T>>;
  /** Insert a row owned by an org in the caller's scope and audit it, inside the caller's transaction. */
  create(c: Ctx, tx: Executor, values: Insert<T>, audit: { action: string; changes?: Record<string, unknown>; orgId?: string }): Promise<Row<T>>;
  /** Update with the version check (409 on a stale version) and an audit entry of the changed fields. */
  update(
    c: Ctx,
    tx: Executor,
    id: string,
    version: number | undefined,
    set: Partial<Insert<T>>,
    audit: { action: string; changes?: Record<string, unknown>; detail?: string },
  ): Promise<{ before: Row<T>; after: Row<T> }>;
  /** The audit entries of one record (its history), newest first; the record must be in scope. */
  history(c: Ctx, id: string): Promise<HistoryEntry[]>;
}

export interface HistoryEntry {
  seq: number;
  at: string;
  actorName: string | null;
  action: string;
  changes: unknown;
  detail: string | null;
}

const col = (t: PgTable, c: PgColumn) => c as unknown as AnyColumn;

export function resource<T extends PgTable, Q extends Record<string, unknown>>(spec: ResourceSpec<T, Q>): Resource<T, Q> {
  const t = spec.table;
  const id = col(t, spec.idColumn);
  const scopeOf = (c: Ctx) => (spec.pathColumn ? orgScopeSql(c.actor.scope, spec.pathColumn, spec.idColumn) : ownedScopeSql(c.actor.scope, spec.orgColumn));
  const notFound = () => errors.notFound(spec.noun[0], spec.noun[1]);

  const where = (c: Ctx, q: Partial<Q>, extra: (SQL | undefined)[] = []) => {
    const parts: (SQL | undefined)[] = [scopeOf(c), ...extra];
    for (const [k, f] of Object.entries(spec.filters ?? {}) as [keyof Q, Filter<unknown> | undefined][]) {
      const v = q[k];
      if (f && v !== undefined && v !== null && v !== '') parts.push(f(v as never, c));
    }
    return and(...parts.filter((p): p is SQL => !!p))!;
  };

  // A primary-key read, then the owning org's path against the scope (two index look-ups, whatever
  // the size of the tree), rather than a scope predicate the planner might evaluate over every org.
  const get: Resource<T, Q>['get'] = async (c, rid, opts = {}) => {
    const exec = opts.exec ?? c.db;
    const base = (exec.select().from(t as never) as unknown as { where(w: SQL): { for(m: string): unknown } & PromiseLike<Row<T>[]> }).where(eq(id, rid));
    const [row] = (await (opts.lock ? (base.for('update') as PromiseLike<Row<T>[]>) : base)) as Row<T>[];
    if (!row) throw notFound();
    if (spec.visible) {
      if (!(await spec.visible(c, row, exec))) throw notFound();
      return row;
    }
    const orgId = (row as Record<string, unknown>)[orgKey(spec)] as string;
    const [o] = await exec.select({ id: org.id, path: org.path }).from(org).where(eq(org.id, orgId));
    if (!o || !scopeCovers(c.actor.scope, o)) throw notFound();
    return row;
  };

  return {
    spec,
    inScope: scopeOf,
    where,
    async list(c, q, opts = {}) {
      const exec = opts.exec ?? c.db;
      const cond = where(c, q, opts.extra);
      const sortExpr = (q.sort && spec.sorts?.[q.sort]) || id;
      const dir = q.order === 'asc' ? asc : desc;
      const rowsQ = (opts.select ? exec.select(opts.select as never) : exec.select())
        .from(t as never)
        .where(cond)
        .orderBy(q.order === 'asc' ? sql`${sortExpr} ASC NULLS LAST` : sql`${sortExpr} DESC NULLS LAST`, dir(id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize);
      const cap = spec.countCap;
      const countQ = cap
        ? sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${t} WHERE ${cond} LIMIT ${cap + 1}) capped`
        : sql`SELECT count(*)::int AS n FROM ${t} WHERE ${cond}`;
      const [rows, counted] = await Promise.all([rowsQ as unknown as Promise<Row<T>[]>, exec.execute(countQ) as unknown as Promise<{ rows: { n: number }[] }>]);
      const n = Number(counted.rows[0]?.n ?? 0);
      const exact = !cap || n <= cap;
      const totalEstimate = exact ? undefined : await estimatePast(exec, sql`SELECT 1 FROM ${t} WHERE ${cond}`, cap!);
      return {
        items: (opts.map ? rows.map(opts.map) : rows) as never,
        total: exact ? n : cap!,
        totalExact: exact,
        totalEstimate,
        page: q.page,
        pageSize: q.pageSize,
      };
    },
    get,
    async create(c, tx, values, audit) {
      const [row] = (await tx
        .insert(t)
        .values(values as never)
        .returning()) as Row<T>[];
      const r = row as Record<string, unknown>;
      await appendAudit(tx, {
        actorId: c.actor.userId,
        actorName: c.actor.username,
        ip: c.ip,
        orgId: audit.orgId ?? (r[orgKey(spec)] as string),
        action: audit.action,
        entity: spec.entity,
        entityId: String(r[idKey(spec)]),
        changes: audit.changes ?? diffFields(null, plain(r)),
      });
      return row!;
    },
    async update(c, tx, rid, version, set, audit) {
      const before = await get(c, rid, { exec: tx, lock: true });
      const b = before as Record<string, unknown>;
      const vKey = spec.versionColumn ? keyOf(t, spec.versionColumn) : undefined;
      if (vKey && version !== undefined && b[vKey] !== version) throw errors.versionConflict();
      const next = { ...set, ...(vKey ? { [vKey]: (b[vKey] as number) + 1 } : {}), ...('updatedAt' in b ? { updatedAt: new Date() } : {}) };
      const guard = vKey && version !== undefined ? and(eq(id, rid), eq(col(t, spec.versionColumn!), version)) : eq(id, rid);
      const [after] = (await tx
        .update(t)
        .set(next as never)
        .where(guard)
        .returning()) as Row<T>[];
      if (!after) throw errors.versionConflict();
      await appendAudit(tx, {
        actorId: c.actor.userId,
        actorName: c.actor.username,
        ip: c.ip,
        orgId: b[orgKey(spec)] as string,
        action: audit.action,
        entity: spec.entity,
        entityId: rid,
        changes: audit.changes ?? diffFields(plain(b), plain(after as Record<string, unknown>)),
        detail: audit.detail ?? null,
      });
      return { before, after: after! };
    },
    async history(c, rid) {
      await get(c, rid);
      return auditTrail(c.db, spec.entity, rid);
    },
  };
}

/**
 * The audit entries of one record, newest first (the last 200). For records that no org owns
 * (installation-wide rule data) the caller checks access itself; owned records use `history`.
 */
export async function auditTrail(exec: Executor, entity: string, id: string): Promise<HistoryEntry[]> {
  const rows = await exec
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, id)))
    .orderBy(desc(auditLog.seq))
    .limit(200);
  return rows.map((e) => ({ seq: e.seq, at: e.at.toISOString(), actorName: e.actorName, action: e.action, changes: e.changes, detail: e.detail }));
}

/** The JS property name of a column of the table. */
function keyOf(t: PgTable, c: PgColumn): string {
  for (const [k, v] of Object.entries(t)) if (v === c) return k;
  throw new Error(`column ${c.name} is not on the table`);
}
const orgKey = (s: { table: PgTable; orgColumn: PgColumn }) => keyOf(s.table, s.orgColumn);
const idKey = (s: { table: PgTable; idColumn: PgColumn }) => keyOf(s.table, s.idColumn);

/** A row without the columns an audit entry never records (ciphertexts, blind indexes, bookkeeping). */
function plain(r: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) {
    if (/Cipher$|Index$|^createdAt$|^updatedAt$|^version$/.test(k)) continue;
    out[k] = v instanceof Date ? v.toISOString() : v;
  }
  return out;
}
