import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { importBatch, importError, importRow, member } from '../member.schema.js';
import { org } from '../../org/org.schema.js';
import { HOLDING_STATUSES } from '../member.service.js';
import { ownedScopeSql, type Scope } from '../../../platform/scope.js';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import type { Database, Executor } from '../../../db/client.js';
import { copyText, dataOfCopyLine } from './roster-seal.js';

/** Queries of the roster import: staging rows, their errors, and the set-based checks over them. */

export async function rows<T>(exec: Executor, q: SQL): Promise<T[]> {
  return ((await exec.execute(q)) as unknown as { rows: T[] }).rows;
}

/** Codes that describe the header, not a rejected row. */
export const WARNING_CODES = ['UNKNOWN_COLUMNS', 'DUPLICATE_COLUMN'] as const;
/** Row 0 carries a file-level failure (no header, unreadable file). */
export const FILE_ROW = 0;

export type ErrorRow = typeof importError.$inferInsert;

/** What is stored as `raw` of an import_error: the row's values (ID and mobile masked), the English message, and the ID's blind index for duplicate detection. */
export interface ErrorRaw {
  values?: Record<string, string>;
  messageEn: string;
  idIndex?: string;
}

/** Let timers and I/O run: PGlite executes on this thread, so a run of statements would otherwise starve the loop. */
export const yieldToLoop = () => new Promise<void>((r) => setImmediate(r));

/** A staged row as the worker sealed it: `data` is the JSON text of import_row.data. */
export interface StageRow {
  rowNo: number;
  idIndex: string;
  rowHash: string;
  data: string;
}

type CopyFrom = (typeof import('pg-copy-streams'))['from'];
let copyFromLoaded: Promise<CopyFrom | null> | null = null;
/** pg-copy-streams when installed (PostgreSQL COPY FROM STDIN); without it staging falls back to JSON inserts. */
const loadCopyFrom = () =>
  (copyFromLoaded ??= import('pg-copy-streams').then((m) => m.from ?? (m as unknown as { default: { from: CopyFrom } }).default.from).catch(() => null));

/**
 * Stage rows. PostgreSQL: one COPY … FROM STDIN per call on a connection of its own (no per-row
 * parsing of SQL or parameters: the database's own bulk path). PGlite, or without pg-copy-streams:
 * one JSON parameter per 250 rows (far cheaper than thousands of bound values), with a turn of the
 * event loop in between since PGlite runs on this thread.
 */
export async function stageRows(database: Database, batchId: string, list: StageRow[], lines?: Uint8Array[]) {
  if (!list.length) return;
  const copyFrom = database.engine === 'postgres' ? await loadCopyFrom() : null;
  if (lines && !copyFrom) {
    // Sealed as COPY lines but no COPY available here: take the JSON text back out of each line.
    const text = Buffer.concat(lines).toString('utf8').split('\n');
    list = list.map((r, i) => ({ ...r, data: dataOfCopyLine(text[i]!) }));
  }
  if (copyFrom) {
    // The sealer's COPY lines as they are (bytes transferred from the worker); otherwise written 500
    // rows at a time: no chunk-sized string or buffer (large objects that only a full GC frees).
    const pieces = function* () {
      if (lines) {
        yield* lines;
        return;
      }
      for (let i = 0; i < list.length; i += 500) {
        let text = '';
        for (const r of list.slice(i, i + 500)) text += `${batchId}\t${r.rowNo}\t${r.idIndex}\t${copyText(r.data)}\t${r.rowHash}\n`;
        yield Buffer.from(text);
      }
    };
    const client = await (database.driver as pg.Pool).connect();
    let ok = false;
    try {
      // Staging rows can be rebuilt from the file: no need to wait for the WAL flush of each chunk.
      await client.query('BEGIN');
      await client.query('SET LOCAL synchronous_commit = off');
      const stream = client.query(copyFrom('COPY import_row (batch_id, row_no, id_index, data, row_hash) FROM STDIN'));
      await pipeline(Readable.from(pieces()), stream);
      await client.query('COMMIT');
      ok = true;
    } finally {
      if (!ok) await client.query('ROLLBACK').catch(() => undefined);
      client.release(!ok);
    }
    return;
  }
  for (let i = 0; i < list.length; i += 250) {
    const payload =
      '[' +
      list
        .slice(i, i + 250)
        .map((r) => `{"r":${r.rowNo},"i":${JSON.stringify(r.idIndex)},"h":${JSON.stringify(r.rowHash)},"d":${r.data}}`)
        .join(',') +
      ']';
    await database.db.execute(sql`
      INSERT INTO import_row (batch_id, row_no, id_index, data, row_hash)
      SELECT ${batchId}, (e->>'r')::int, e->>'i', e->'d', e->>'h' FROM jsonb_array_elements(${payload}::jsonb) e`);
    await yieldToLoop();
  }
}

export async function insertErrors(exec: Executor, list: ErrorRow[]) {
  for (let i = 0; i < list.length; i += 500) {
    await exec.insert(importError).values(list.slice(i, i + 500));
    await yieldToLoop();
  }
}

/** One text[] parameter for a list (blind indexes, card numbers), instead of a bound parameter per value. */
const textArray = (values: string[]) => '{' + values.map((v) => '"' + v.replace(/["\\]/g, '\\$&') + '"').join(',') + '}';

export interface Holding {
  idIndex: string;
  orgId: string;
  orgName: string;
  orgPath: string;
}

/** People among `idIndexes` who hold a membership (active, retained, transferring) in a union other than `orgId`. */
export async function heldElsewhere(exec: Executor, orgId: string, idIndexes: string[]): Promise<Holding[]> {
  if (!idIndexes.length) return [];
  return exec
    .select({ idIndex: member.idIndex, orgId: member.orgId, orgName: org.name, orgPath: org.path })
    .from(member)
    .innerJoin(org, eq(org.id, member.orgId))
    .where(and(sql`${member.idIndex} = ANY(${textArray(idIndexes)}::text[])`, inArray(member.status, HOLDING_STATUSES), sql`${member.orgId} <> ${orgId}`));
}

/** Card numbers among `cardNos` that already belong to someone else than the person with that ID. */
export async function cardsTaken(exec: Executor, cardNos: string[]): Promise<{ cardNo: string; idIndex: string }[]> {
  if (!cardNos.length) return [];
  return exec
    .select({ cardNo: member.cardNo, idIndex: member.idIndex })
    .from(member)
    .where(sql`${member.cardNo} = ANY(${textArray(cardNos)}::text[])`);
}

/**
 * Rows whose ID number (or card number) appeared on an earlier row of the same file, rejected rows
 * included: move them from staging to the errors, naming the first row. Set-based.
 */
export async function rejectInFileDuplicates(exec: Executor, batchId: string, idHeader: string, cardHeader: string | null) {
  await exec.execute(sql`
    WITH ids AS (
      SELECT row_no, id_index FROM import_row WHERE batch_id = ${batchId}
      UNION
      SELECT row_no, raw->>'idIndex' FROM import_error WHERE batch_id = ${batchId} AND raw ? 'idIndex'
    ), firsts AS (
      SELECT id_index, min(row_no) AS first FROM ids GROUP BY id_index HAVING count(*) > 1
    ), dup AS (
      SELECT r.row_no, f.first, r.data->'raw' AS vals FROM import_row r JOIN firsts f ON f.id_index = r.id_index
      WHERE r.batch_id = ${batchId} AND r.row_no > f.first
    ), ins AS (
      INSERT INTO import_error (batch_id, row_no, "column", code, message, raw)
      SELECT ${batchId}, row_no, ${idHeader}, 'DUPLICATE_IN_FILE',
        '“' || ${idHeader} || '”与第' || first || '行重复：同一人在文件中出现多次，只导入第' || first || '行',
        jsonb_build_object('values', vals, 'messageEn', 'Same ID number as row ' || first || '; only row ' || first || ' is imported')
      FROM dup RETURNING row_no
    )
    DELETE FROM import_row r USING ins WHERE r.batch_id = ${batchId} AND r.row_no = ins.row_no`);
  if (!cardHeader) return;
  await exec.execute(sql`
    WITH firsts AS (
      SELECT data->>'cardNo' AS card, min(row_no) AS first FROM import_row
      WHERE batch_id = ${batchId} AND data->>'cardNo' IS NOT NULL GROUP BY 1 HAVING count(*) > 1
    ), dup AS (
      SELECT r.row_no, f.first, r.data->'raw' AS vals FROM import_row r JOIN firsts f ON f.card = r.data->>'cardNo'
      WHERE r.batch_id = ${batchId} AND r.row_no > f.first
    ), ins AS (
      INSERT INTO import_error (batch_id, row_no, "column", code, message, raw)
      SELECT ${batchId}, row_no, ${cardHeader}, 'CARD_NO_DUPLICATE_IN_FILE', '“' || ${cardHeader} || '”与第' || first || '行重复',
        jsonb_build_object('values', vals, 'messageEn', 'Same card number as row ' || first)
      FROM dup RETURNING row_no
    )
    DELETE FROM import_row r USING ins WHERE r.batch_id = ${batchId} AND r.row_no = ins.row_no`);
}

/** What a commit would do now: new memberships, changed and unchanged records (held-elsewhere rows are already gone). */
export async function predictCounts(exec: Executor, batchId: string) {
  const holding = sql.join(
    HOLDING_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const [r] = await rows<{ valid: number; created: number; updated: number; unchanged: number }>(
    exec,
    sql`
    SELECT count(*)::int AS valid,
      count(*) FILTER (WHERE m.id IS NULL OR m.status NOT IN (${holding}))::int AS created,
      count(*) FILTER (WHERE m.status IN (${holding}) AND m.row_hash IS DISTINCT FROM r.row_hash)::int AS updated,
      count(*) FILTER (WHERE m.status IN (${holding}) AND m.row_hash = r.row_hash)::int AS unchanged
    FROM import_row r LEFT JOIN member m ON m.id_index = r.id_index WHERE r.batch_id = ${batchId}`,
  );
  return r!;
}

export async function rejectedCount(exec: Executor, batchId: string): Promise<number> {
  const [r] = await rows<{ n: number }>(
    exec,
    sql`
    SELECT count(DISTINCT row_no)::int AS n FROM import_error
    WHERE batch_id = ${batchId} AND row_no > ${FILE_ROW} AND code NOT IN (${sql.join(
      WARNING_CODES.map((c) => sql`${c}`),
      sql`, `,
    )})`,
  );
  return r!.n;
}

export async function getBatch(exec: Executor, id: string) {
  const [b] = await exec
    .select({ batch: importBatch, orgName: org.name, orgPath: org.path, orgCode: org.code })
    .from(importBatch)
    .innerJoin(org, eq(org.id, importBatch.orgId))
    .where(eq(importBatch.id, id));
  return b;
}

export async function listBatches(exec: Executor, scope: Scope, p: { page: number; pageSize: number; orgId?: string; status?: string }) {
  const where = and(
    ownedScopeSql(scope, importBatch.orgId),
    p.orgId ? eq(importBatch.orgId, p.orgId) : undefined,
    p.status ? eq(importBatch.status, p.status) : undefined,
  );
  const [items, [count]] = await Promise.all([
    exec
      .select({ batch: importBatch, orgName: org.name })
      .from(importBatch)
      .innerJoin(org, eq(org.id, importBatch.orgId))
      .where(where)
      .orderBy(desc(importBatch.startedAt), desc(importBatch.id))
      .limit(p.pageSize)
      .offset((p.page - 1) * p.pageSize),
    exec
      .select({ n: sql<number>`count(*)::int` })
      .from(importBatch)
      .where(where),
  ]);
  return { items, total: count?.n ?? 0 };
}

/** Errors of a batch in row order, `limit` at a time after `afterRow` (keyset on the row number, whole rows at a time). */
export async function errorsPage(exec: Executor, batchId: string, afterRow: number, rowSpan: number) {
  return exec
    .select()
    .from(importError)
    .where(and(eq(importError.batchId, batchId), sql`${importError.rowNo} > ${afterRow}`, sql`${importError.rowNo} <= ${afterRow + rowSpan}`))
    .orderBy(asc(importError.rowNo), asc(importError.column), asc(importError.code));
}

export async function firstErrors(exec: Executor, batchId: string, limit: number) {
  return exec
    .select()
    .from(importError)
    .where(eq(importError.batchId, batchId))
    .orderBy(asc(importError.rowNo), asc(importError.column), asc(importError.code))
    .limit(limit);
}

export async function maxErrorRow(exec: Executor, batchId: string): Promise<number> {
  const [r] = await exec
    .select({ n: sql<number>`coalesce(max(${importError.rowNo}), 0)::int` })
    .from(importError)
    .where(eq(importError.batchId, batchId));
  return r?.n ?? 0;
}

export async function clearStaging(exec: Executor, batchId: string) {
  await exec.delete(importRow).where(eq(importRow.batchId, batchId));
}
