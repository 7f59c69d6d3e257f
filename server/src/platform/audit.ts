import crypto from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import { auditLog } from '../modules/audit/audit.schema.js';
import type { Db, Executor } from '../db/client.js';

export interface AuditEntry {
  actorId?: string | null;
  actorName?: string | null;
  orgId?: string | null;
  action: string;
  entity?: string | null;
  entityId?: string | null;
  changes?: Record<string, unknown> | null;
  ip?: string | null;
  result?: 'ok' | 'denied' | 'failed';
  detail?: string | null;
}

const GENESIS = '0'.repeat(64);
const SECRET_FIELDS = /password|secret|hash|token|totp/i;

/** Stable JSON with sorted keys: jsonb reorders keys, the hash must not depend on order. */
export function canonicalJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return '[' + v.map(canonicalJson).join(',') + ']';
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return (
      '{' +
      Object.keys(o)
        .filter((k) => o[k] !== undefined)
        .sort()
        .map((k) => JSON.stringify(k) + ':' + canonicalJson(o[k]))
        .join(',') +
      '}'
    );
  }
  return JSON.stringify(v);
}

function entryHash(prevHash: string, e: { seq: number; at: Date } & AuditEntry): string {
  const body = canonicalJson({
    seq: e.seq,
    at: e.at.toISOString(),
    actorId: e.actorId ?? null,
    actorName: e.actorName ?? null,
    orgId: e.orgId ?? null,
    action: e.action,
    entity: e.entity ?? null,
    entityId: e.entityId ?? null,
    changes: e.changes ?? null,
    ip: e.ip ?? null,
    result: e.result ?? 'ok',
    detail: e.detail ?? null,
  });
  return crypto
    .createHash('sha256')
    .update(prevHash + '\n' + body)
    .digest('hex');
}

/**
 * Which fields changed between two versions of a record, with secret values left out. Only the
 * names of secret fields are recorded, never their values.
 */
export function diffFields(before: Record<string, unknown> | null, after: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(after)) {
    if (['updatedAt', 'createdAt', 'version'].includes(k)) continue;
    const a = before?.[k];
    const b = after[k];
    if (canonicalJson(a) === canonicalJson(b)) continue;
    out[k] = SECRET_FIELDS.test(k) ? '[redacted]' : before ? { from: a ?? null, to: b ?? null } : b;
  }
  return out;
}

/**
 * Append one entry, in the caller's transaction so the audit and the write commit together.
 * An advisory transaction lock serialises appenders so the chain has no forks.
 */
export async function appendAudit(exec: Executor, entry: AuditEntry): Promise<void> {
  await exec.execute(sql`SELECT pg_advisory_xact_lock(727002)`);
  const last = await exec.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const seq = (last[0]?.seq ?? 0) + 1;
  const prevHash = last[0]?.hash ?? GENESIS;
  const at = new Date();
  const hash = entryHash(prevHash, { ...entry, seq, at });
  await exec.insert(auditLog).values({
    seq,
    at,
    prevHash,
    hash,
    actorId: entry.actorId ?? null,
    actorName: entry.actorName ?? null,
    orgId: entry.orgId ?? null,
    action: entry.action,
    entity: entry.entity ?? null,
    entityId: entry.entityId ?? null,
    changes: entry.changes ?? null,
    ip: entry.ip ?? null,
    result: entry.result ?? 'ok',
    detail: entry.detail ?? null,
  });
}

/** Append outside any business transaction (failed logins, denials). */
export async function appendAuditStandalone(db: Db, entry: AuditEntry): Promise<void> {
  await db.transaction((tx) => appendAudit(tx, entry));
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  firstBroken?: { seq: number; reason: string };
}

/**
 * Recompute the chain in pages; report the first entry whose hash or link does not match. `start`
 * is where the chain begins when older entries were archived (the archived head); the checkpoints
 * of the newest entries are checked by verifyAuditLog (platform/audit-tail.ts).
 */
export async function verifyAuditChain(db: Db, pageSize = 5000, start?: { seq: number; hash: string }): Promise<ChainReport> {
  let prevHash = start?.hash ?? GENESIS;
  let expectedSeq = (start?.seq ?? 0) + 1;
  let checked = 0;
  let after = start?.seq ?? 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.seq, after)).orderBy(asc(auditLog.seq)).limit(pageSize);
    if (!rows.length) return { ok: true, checked };
    for (const r of rows) {
      if (r.seq !== expectedSeq) return { ok: false, checked, firstBroken: { seq: r.seq, reason: `missing entry before ${r.seq} (expected ${expectedSeq})` } };
      if (r.prevHash !== prevHash) return { ok: false, checked, firstBroken: { seq: r.seq, reason: 'link to previous entry broken' } };
      const h = entryHash(prevHash, {
        seq: r.seq,
        at: r.at,
        actorId: r.actorId,
        actorName: r.actorName,
        orgId: r.orgId,
        action: r.action,
        entity: r.entity,
        entityId: r.entityId,
        changes: r.changes as Record<string, unknown> | null,
        ip: r.ip,
        result: r.result as AuditEntry['result'],
        detail: r.detail,
      });
      if (h !== r.hash) return { ok: false, checked, firstBroken: { seq: r.seq, reason: 'content does not match its hash' } };
      prevHash = r.hash;
      expectedSeq++;
      checked++;
      after = r.seq;
    }
  }
}
