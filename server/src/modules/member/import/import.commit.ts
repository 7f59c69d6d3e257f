import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { importBatch, importRow } from '../member.schema.js';
import { forgetGramStats, HOLDING_STATUSES } from '../member.service.js';
import { todayInChina } from '../../../../../common/src/dates.js';
import { AppError } from '../../../platform/errors.js';
import { appendAudit } from '../../../platform/audit.js';
import * as repo from './import.repo.js';
import { dropStoredFile, holdBatch } from './import.recovery.js';
import { actorIdOf, heldElsewhereError, jobs, requireBatchInScope, requireImportTarget, timed, type ImportJob } from './import.service.js';
import type { Ctx } from '../../../platform/context.js';
import type { Tx } from '../../../db/client.js';

/**
 * Roster import, second half: the commit. One transaction (an interrupted commit leaves nothing),
 * working through the staging rows a chunk at a time with set-based statements — never the whole
 * file in memory: people who meanwhile joined another union are rejected, changed records updated
 * (the row hash decides), people who had left rejoin, new people are inserted with a card number
 * and a 'joined' event; staging rows are deleted and one audit entry records the counts.
 * Idempotent: the same file again finds every row unchanged.
 */

/** Serialises commits across processes; also tells a stale 'committing' batch (process died) from a running one. */
const COMMIT_LOCK = 727010;

const holding = () =>
  sql.join(
    HOLDING_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );

/** Optional columns: absent from the file (key missing in the staged data) → the stored value stays. */
const OPTIONAL: [column: string, key: string, cast: string][] = [
  ['mobile_cipher', 'mobileCipher', ''],
  ['mobile_index', 'mobileIndex', ''],
  ['mobile_masked', 'mobileMasked', ''],
  ['ethnicity', 'ethnicity', ''],
  ['education', 'education', ''],
  ['political_status', 'politicalStatus', ''],
  ['employment_form', 'employmentForm', ''],
  ['employment_form_text', 'employmentFormText', ''],
  ['migrant_worker', 'migrantWorker', '::boolean'],
  ['occupation', 'occupation', ''],
  ['employer_name', 'employerName', ''],
];

/** The SET list that copies a staged row (alias r) onto a member (alias m). Column names are constants. */
function setFromStaged(): SQL {
  const parts = [
    `name = r.data->>'name'`,
    `name_grams = (r.data->>'nameGrams')::text[]`,
    `id_cipher = r.data->>'idCipher'`,
    `id_kind = r.data->>'idKind'`,
    `id_masked = r.data->>'idMasked'`,
    `birth_date = (r.data->>'birthDate')::date`,
    `sex = r.data->>'sex'`,
    `row_hash = r.row_hash`,
    // A blank employment-form cell (未填) does not erase a form already on record.
    ...OPTIONAL.map(([col, key, cast]) =>
      col === 'employment_form'
        ? `${col} = CASE WHEN r.data ? '${key}' AND r.data->>'${key}' <> 'unknown' THEN r.data->>'${key}' ELSE m.${col} END`
        : `${col} = CASE WHEN r.data ? '${key}' THEN (r.data->>'${key}')${cast} ELSE m.${col} END`,
    ),
    `version = m.version + 1`,
    `updated_at = now()`,
  ];
  return sql.raw(parts.join(', '));
}

export interface CommitOptions {
  /** Staging rows per step (default 5,000 on PostgreSQL; 1,000 on PGlite, where every statement runs on the event-loop thread). */
  chunkSize?: number;
}

/** Claim the batch ('preview' → 'committing') and commit it in the background. */
export async function commitImport(c: Ctx, id: string, opts: CommitOptions = {}): Promise<{ batchId: string }> {
  const b = await requireBatchInScope(c, c.db, id);
  await requireImportTarget(c, c.db, b.batch.orgId);
  const release = jobs.has(id) ? null : await holdBatch(c, id).catch(() => null);
  const claimed = !release
    ? []
    : await c.db
        .transaction(async (tx) => {
          let ok = b.batch.status === 'preview';
          if (b.batch.status === 'committing' && !jobs.has(id)) {
            const [lock] = await repo.rows<{ free: boolean }>(tx, sql`SELECT pg_try_advisory_xact_lock(${COMMIT_LOCK}) AS free`);
            ok = lock!.free; // no commit holds the lock anywhere: the process that claimed it died
          }
          if (!ok) return [];
          return tx
            .update(importBatch)
            .set({ status: 'committing', rowsDone: 0, message: null })
            .where(and(eq(importBatch.id, id), eq(importBatch.status, b.batch.status))) // compare-and-set: a concurrent claim wins once
            .returning({ id: importBatch.id });
        })
        .catch(async (e) => {
          await release?.();
          throw e;
        });
  if (!claimed.length) {
    await release?.();
    const zh =
      {
        parsing: '文件还在解析中，请等预览完成后再提交',
        committing: '该批次正在提交',
        done: '该批次已提交',
        cancelled: '该批次已取消',
        failed: '该批次导入失败，请修正文件后重新上传',
      }[b.batch.status] ?? '该批次不能提交';
    throw new AppError(409, 'IMPORT_NOT_COMMITTABLE', zh, `This batch cannot be committed (status ${b.batch.status})`);
  }
  const job: ImportJob = { phase: 'committing', phaseStartedAt: Date.now(), rowsDone: 0, cancelled: false, done: Promise.resolve() };
  jobs.set(id, job);
  job.done = runCommit(c, id, b.batch.orgId, job, opts.chunkSize ?? (c.database.engine === 'postgres' ? 5000 : 1000)).finally(async () => {
    jobs.delete(id);
    await release!();
  });
  return { batchId: id };
}

/**
 * A commit this large refreshes the planner's statistics of the tables it filled: 10,000 new or
 * changed members, or a tenth of the table (at least 500) — the embedded database has no autovacuum
 * to do it, and on PostgreSQL autovacuum may come minutes later.
 */
export function needsAnalyze(written: number, rowsBefore: number): boolean {
  return written >= 10_000 || (written >= 500 && written >= rowsBefore / 10);
}

interface Counts {
  created: number;
  updated: number;
  unchanged: number;
}

async function runCommit(c: Ctx, id: string, orgId: string, job: ImportJob, chunkSize: number): Promise<void> {
  const today = todayInChina();
  let written = 0;
  try {
    await c.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${COMMIT_LOCK})`);
      // Fresh statistics: the staging rows were just written, and without them the planner
      // may join chunk × member by nested scans.
      await timed('commit: analyze', async () => {
        await tx.execute(sql`ANALYZE import_row`);
        await tx.execute(sql`ANALYZE member`);
      });
      const total: Counts = { created: 0, updated: 0, unchanged: 0 };
      let after = 0;
      let done = 0;
      for (;;) {
        const page = await repo.rows<{ row_no: number }>(
          tx,
          sql`
          SELECT row_no FROM import_row WHERE batch_id = ${id} AND row_no > ${after} ORDER BY row_no LIMIT ${chunkSize}`,
        );
        if (!page.length) break;
        const lo = page[0]!.row_no;
        const hi = page[page.length - 1]!.row_no;
        const n = await commitRange(c, tx, { id, orgId, lo, hi, rows: page.length, today });
        await repo.yieldToLoop();
        total.created += n.created;
        total.updated += n.updated;
        total.unchanged += n.unchanged;
        after = hi;
        done += page.length;
        job.rowsDone = done;
        // PostgreSQL: progress through another connection, visible while this transaction runs.
        // PGlite has one connection, held by this transaction: progress stays in memory.
        if (c.database.engine === 'postgres') await c.db.update(importBatch).set({ rowsDone: done }).where(eq(importBatch.id, id));
      }
      await timed('commit: clear staging', () => repo.clearStaging(tx, id));
      const rejected = await repo.rejectedCount(tx, id);
      const finished = await tx
        .update(importBatch)
        .set({ status: 'done', ...total, rejected, rowsDone: done, message: null, finishedAt: new Date() })
        .where(and(eq(importBatch.id, id), eq(importBatch.status, 'committing')))
        .returning({ id: importBatch.id });
      // Marked failed meanwhile (taken for interrupted): roll the whole commit back.
      if (!finished.length)
        throw new AppError(
          409,
          'IMPORT_NOT_COMMITTABLE',
          '该批次已被标记为中断，本次提交已回滚',
          'The batch was marked interrupted; this commit was rolled back',
        );
      const [b] = await repo.rows<{ total: number; file_name: string }>(tx, sql`SELECT total, file_name FROM import_batch WHERE id = ${id}`);
      await appendAudit(tx, {
        actorId: actorIdOf(c),
        actorName: c.actor.username,
        ip: c.ip,
        orgId,
        action: 'member.import',
        entity: 'import_batch',
        entityId: id,
        changes: { total: b!.total, ...total, rejected },
        detail: `roster ${b!.file_name}`.slice(0, 300),
      });
      written = total.created + total.updated;
    });
    dropStoredFile(c, id);
  } catch (e) {
    const reason = e instanceof AppError ? e.zh : (e as Error).message.slice(0, 300);
    await c.db
      .update(importBatch)
      .set({ status: 'preview', rowsDone: 0, message: `提交失败，未写入任何数据，可重试：${reason}` })
      .where(and(eq(importBatch.id, id), eq(importBatch.status, 'committing')))
      .catch(() => undefined);
  }
  // A large commit changes the tables' shape (a union grows from nothing to tens of thousands): fresh
  // statistics, so that list, search and dashboard plans follow; the one-character search strategy
  // reads them anew (member.service.ts, oneCharPlan).
  if (written > 0) {
    await timed('commit: analyze after', async () => {
      const [t] = await repo.rows<{ n: number }>(c.db, sql`SELECT greatest(reltuples, 0)::float8 AS n FROM pg_class WHERE oid = 'member'::regclass`);
      if (!needsAnalyze(written, t?.n ?? 0)) return;
      await c.db.execute(sql`ANALYZE member`);
      await c.db.execute(sql`ANALYZE membership_event`);
      await c.db.execute(sql`ANALYZE member_org_tally`);
      forgetGramStats(c.database);
    }).catch(() => undefined);
  }
}

interface Range {
  id: string;
  orgId: string;
  lo: number;
  hi: number;
  /** Staged rows in lo..hi. */
  rows: number;
  today: string;
}

interface Hit {
  row_no: number;
  id_index: string;
  card_no: string | null;
  member_org: string | null;
  member_status: string | null;
  same_hash: boolean | null;
  card_owner: string | null;
}

const HOLDING = new Set<string>(HOLDING_STATUSES);

async function commitRange(c: Ctx, tx: Tx, r: Range): Promise<Counts> {
  const inRange = sql`r.batch_id = ${r.id} AND r.row_no BETWEEN ${r.lo} AND ${r.hi}`;
  // One probe per staged row tells what the commit must do with it: the rows that meet an existing
  // record (by blind index) or a card number in use come back; a roster of new people returns
  // nothing and goes straight to the insert. The chunk drives the probes (LATERAL … LIMIT 1 on the
  // unique indexes): joined freely, the planner may start from member_org_status_idx when it
  // believes the union small — but the union grows inside this very transaction, and every chunk
  // rescanned all rows committed before it (quadratic: a 20,000-row roster took minutes).
  const hits = await timed('commit: probe', () =>
    repo.rows<Hit>(
      tx,
      sql`
    SELECT r.row_no, r.id_index, r.data->>'cardNo' AS card_no, m.org_id AS member_org, m.status AS member_status,
      m.row_hash = r.row_hash AS same_hash, k.id_index AS card_owner
    FROM import_row r
    LEFT JOIN LATERAL (SELECT x.org_id, x.status, x.row_hash FROM member x WHERE x.id_index = r.id_index LIMIT 1) m ON true
    LEFT JOIN LATERAL (SELECT y.id_index FROM member y WHERE y.card_no = r.data->>'cardNo' LIMIT 1) k ON true
    WHERE ${inRange} AND (m.org_id IS NOT NULL OR k.id_index IS NOT NULL)`,
    ),
  );
  if (!hits.length) return { created: await timed('commit: insert', () => insertNew(c, tx, r)), updated: 0, unchanged: 0 };

  const rejected = await recheck(c, tx, r, hits);
  let unchanged = 0;
  let changed = 0;
  let left = 0;
  for (const h of hits) {
    if (rejected.has(h.row_no) || !h.member_status) continue;
    if (!HOLDING.has(h.member_status)) left++;
    else if (h.member_org === r.orgId) {
      if (h.same_hash) unchanged++;
      else changed++;
    }
  }
  let updated = 0;
  if (changed) {
    await repo.yieldToLoop();
    const [u] = await repo.rows<{ n: number }>(
      tx,
      sql`
      WITH hit AS (
        SELECT r.row_no, m.id FROM import_row r
        CROSS JOIN LATERAL (SELECT x.id, x.org_id, x.status, x.row_hash FROM member x WHERE x.id_index = r.id_index LIMIT 1) m
        WHERE ${inRange} AND m.org_id = ${r.orgId} AND m.status IN (${holding()}) AND m.row_hash IS DISTINCT FROM r.row_hash),
      u AS (
        UPDATE member m SET ${setFromStaged()}, join_date = COALESCE(NULLIF(r.data->>'joinDate', '')::date, m.join_date)
        FROM hit JOIN import_row r ON r.batch_id = ${r.id} AND r.row_no = hit.row_no
        WHERE m.id = hit.id
        RETURNING 1)
      SELECT count(*)::int AS n FROM u`,
    );
    updated = u!.n;
  }
  let rejoined = 0;
  if (left) {
    // Someone who left (anywhere) rejoins here: same record, event 'rejoined'.
    await repo.yieldToLoop();
    const [j] = await repo.rows<{ n: number }>(
      tx,
      sql`
      WITH u AS (
        UPDATE member m SET ${setFromStaged()}, org_id = ${r.orgId}, status = 'active', join_date = COALESCE(NULLIF(r.data->>'joinDate', '')::date, ${r.today}::date)
        FROM import_row r
        WHERE ${inRange} AND m.id_index = r.id_index AND m.status NOT IN (${holding()})
        RETURNING m.id, m.join_date, r.data->>'eventId' AS event_id),
      e AS (
        INSERT INTO membership_event (id, member_id, org_id, kind, on_date, ref_id, actor_id)
        SELECT event_id::uuid, id, ${r.orgId}, 'rejoined', join_date, ${r.id}, ${actorIdOf(c)} FROM u RETURNING 1)
      SELECT count(*)::int AS n FROM e`,
    );
    rejoined = j!.n;
  }
  // Rows with no record and not rejected are new people.
  const accounted = new Set(hits.filter((h) => h.member_status || rejected.has(h.row_no)).map((h) => h.row_no)).size;
  const created = accounted < r.rows ? await insertNew(c, tx, r) : 0;
  return { created: created + rejoined, updated, unchanged };
}

/** New people: a member with a card number and a 'joined' event each. */
async function insertNew(c: Ctx, tx: Tx, r: Range): Promise<number> {
  const inRange = sql`r.batch_id = ${r.id} AND r.row_no BETWEEN ${r.lo} AND ${r.hi}`;
  await repo.yieldToLoop();
  // The staged ids are read out of the jsonb once (ids). Joining ins to import_row on
  // (r.data->>'id')::uuid instead made a populated table a nested loop over chunk × chunk jsonb
  // extractions (the planner expects ~1 new row once member is large): ~5 s per 2,000 rows.
  const [created] = await repo.rows<{ n: number }>(
    tx,
    sql`
    WITH ids AS MATERIALIZED (
      SELECT (r.data->>'id')::uuid AS id, (r.data->>'eventId')::uuid AS event_id FROM import_row r WHERE ${inRange}),
    ins AS (
      INSERT INTO member (id, org_id, name, name_grams, id_cipher, id_index, id_kind, id_masked, birth_date, sex, mobile_cipher, mobile_index, mobile_masked,
        ethnicity, education, political_status, employment_form, employment_form_text, migrant_worker, occupation, employer_name, join_date, card_no, status, row_hash,
        legal_basis, consent_status)
      SELECT (r.data->>'id')::uuid, ${r.orgId}, r.data->>'name', (r.data->>'nameGrams')::text[], r.data->>'idCipher', r.id_index,
        r.data->>'idKind', r.data->>'idMasked', (r.data->>'birthDate')::date, r.data->>'sex', r.data->>'mobileCipher', r.data->>'mobileIndex', r.data->>'mobileMasked',
        r.data->>'ethnicity', r.data->>'education', r.data->>'politicalStatus', COALESCE(r.data->>'employmentForm', 'unknown'), r.data->>'employmentFormText',
        COALESCE((r.data->>'migrantWorker')::boolean, false), r.data->>'occupation', r.data->>'employerName',
        COALESCE(NULLIF(r.data->>'joinDate', '')::date, ${r.today}::date),
        COALESCE(r.data->>'cardNo', 'GH' || lpad(nextval('member_card_seq')::text, 10, '0')), 'active', r.row_hash,
        -- A roster from the employer's HR records: processed under 个人信息保护法 Art. 13 (2), the
        -- member's own consent is collected when they first use the worker portal (docs/operations.md).
        'hr_management', 'to_collect'
      FROM import_row r
      WHERE ${inRange} AND NOT EXISTS (SELECT 1 FROM member x WHERE x.id_index = r.id_index)
      ORDER BY r.row_no
      RETURNING id, join_date),
    e AS (
      INSERT INTO membership_event (id, member_id, org_id, kind, on_date, ref_id, actor_id)
      SELECT ids.event_id, ins.id, ${r.orgId}, 'joined', ins.join_date, ${r.id}, ${actorIdOf(c)}
      FROM ins JOIN ids ON ids.id = ins.id
      RETURNING 1)
    SELECT count(*)::int AS n FROM e`,
  );
  return created!.n;
}

/**
 * Between preview and commit someone may have joined another union or taken a card number: reject
 * those rows now (errors recorded, staging rows removed). Returns the rejected row numbers.
 */
async function recheck(c: Ctx, tx: Tx, r: Range, hits: Hit[]): Promise<Set<number>> {
  const rejected = new Set<number>();
  const elsewhere = hits.filter((h) => h.member_status && HOLDING.has(h.member_status) && h.member_org !== r.orgId);
  const cardTaken = hits.filter((h) => h.card_owner && h.card_owner !== h.id_index);
  if (!elsewhere.length && !cardTaken.length) return rejected;
  const held = elsewhere.length
    ? await repo.heldElsewhere(
        tx,
        r.orgId,
        elsewhere.map((h) => h.id_index),
      )
    : [];
  const heldBy = new Map(held.map((h) => [h.idIndex, h]));
  const rowNos = [...new Set([...elsewhere, ...cardTaken].map((h) => h.row_no))];
  const raws = await repo.rows<{ row_no: number; raw: Record<string, string> | null }>(
    tx,
    sql`
    SELECT row_no, data->'raw' AS raw FROM import_row WHERE batch_id = ${r.id} AND row_no = ANY(${'{' + rowNos.join(',') + '}'}::int[])`,
  );
  const rawOf = new Map(raws.map((x) => [x.row_no, x.raw ?? {}]));
  const errs: repo.ErrorRow[] = [];
  for (const s of hits) {
    const raw = rawOf.get(s.row_no);
    if (!raw) continue;
    // The staged values are keyed by the user's headers; the ID column is the one holding a masked ID.
    const idHeader = Object.keys(raw).find((k) => /^[\dX]{6}\*{8}[\dX]{4}$/.test(raw[k]!)) ?? '身份证号';
    const h = heldBy.get(s.id_index);
    const e = h
      ? heldElsewhereError(c, s.row_no, idHeader, h)
      : s.card_owner && s.card_owner !== s.id_index
        ? {
            row: s.row_no,
            column: '会员证号',
            code: 'CARD_NO_TAKEN',
            message: '会员证号已被其他会员使用',
            messageEn: 'The card number belongs to another member',
          }
        : null;
    if (e) {
      rejected.add(s.row_no);
      errs.push({ batchId: r.id, rowNo: e.row, column: e.column, code: e.code, message: e.message, raw: { values: raw, messageEn: e.messageEn } });
    }
  }
  if (!errs.length) return rejected;
  await repo.insertErrors(tx, errs);
  await tx.delete(importRow).where(
    and(
      eq(importRow.batchId, r.id),
      inArray(
        importRow.rowNo,
        errs.map((e) => e.rowNo),
      ),
    ),
  );
  return rejected;
}
