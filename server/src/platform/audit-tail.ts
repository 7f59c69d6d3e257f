import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { asc, desc, eq, lte, sql } from 'drizzle-orm';
import { auditAnchor, auditCheckpoint, auditLog } from '../modules/audit/audit.schema.js';
import { appendAudit, verifyAuditChain, type ChainReport } from './audit.js';
import { addMonthsClamped } from '../../../common/src/deadlines.js';
import { todayInChina } from '../../../common/src/dates.js';
import type { Db } from '../db/client.js';

/**
 * The tail of the audit log (docs/architecture.md, invariant 5, docs/operations.md "The audit log").
 *
 * The hash chain shows an altered or missing entry in the middle, but not the newest entries cut
 * away: the chain that remains is intact. So the platform signs checkpoints — the head's sequence
 * number and hash — with a key that is not the data key (Ed25519, `DATA_DIR/audit-signing.key` or
 * GONGHUI_AUDIT_SIGNING_KEY), writes them to the database and appends them to a file outside it
 * (`DATA_DIR/audit-checkpoints.log`, or GONGHUI_AUDIT_CHECKPOINT_FILE; ship it to a log server).
 * `audit verify` then requires the log to reach every signed checkpoint with the same hash.
 * Entries written after the last checkpoint are protected by the next one (every 5 minutes).
 *
 * Entries are kept at least 6 months (网络安全法 Art. 21). Older ones can be archived to a signed
 * file (`audit archive`); the database keeps an anchor with the archived head so the chain that
 * remains still verifies. A trigger refuses any other UPDATE or DELETE of the log.
 */

export interface AuditSigner {
  /** Short fingerprint of the public key. */
  keyId: string;
  sign(data: string): string;
  verify(data: string, signature: string): boolean;
  /** Where checkpoints are appended outside the database (null: database only). */
  file: string | null;
}

export function loadAuditSigner(opts: { pem?: string; dataDir: string; persist: boolean; file?: string | null }): AuditSigner {
  let pem = opts.pem;
  const keyFile = path.join(opts.dataDir, 'audit-signing.key');
  if (!pem && fs.existsSync(keyFile)) pem = fs.readFileSync(keyFile, 'utf8');
  if (!pem) {
    pem = crypto.generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    if (opts.persist) {
      fs.mkdirSync(opts.dataDir, { recursive: true });
      fs.writeFileSync(keyFile, pem, { mode: 0o600, flag: 'wx' });
    }
  }
  const privateKey = crypto.createPrivateKey(pem);
  const publicKey = crypto.createPublicKey(privateKey);
  const keyId = crypto
    .createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
  return {
    keyId,
    sign: (data) => crypto.sign(null, Buffer.from(data), privateKey).toString('base64'),
    verify: (data, sig) => {
      try {
        return crypto.verify(null, Buffer.from(data), publicKey, Buffer.from(sig, 'base64'));
      } catch {
        return false;
      }
    },
    file: opts.file === undefined ? (opts.persist ? path.join(opts.dataDir, 'audit-checkpoints.log') : null) : opts.file,
  };
}

export interface Checkpoint {
  seq: number;
  hash: string;
  at: string;
  keyId: string;
  signature: string;
}

const payload = (c: { seq: number; hash: string; at: string; keyId: string }) => `gonghui-audit-checkpoint:${c.seq}:${c.hash}:${c.at}:${c.keyId}`;

/** Sign the head of the log now (nothing when it has not moved since the last checkpoint). */
export async function writeCheckpoint(db: Db, signer: AuditSigner): Promise<Checkpoint | null> {
  const [head] = await db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  if (!head) return null;
  const [last] = await db.select({ seq: auditCheckpoint.seq }).from(auditCheckpoint).orderBy(desc(auditCheckpoint.seq)).limit(1);
  if (last && last.seq >= head.seq) return null;
  const base = { seq: head.seq, hash: head.hash, at: new Date().toISOString(), keyId: signer.keyId };
  const cp: Checkpoint = { ...base, signature: signer.sign(payload(base)) };
  if (signer.file) fs.appendFileSync(signer.file, JSON.stringify(cp) + '\n', { mode: 0o600 });
  await db
    .insert(auditCheckpoint)
    .values({ seq: cp.seq, hash: cp.hash, at: new Date(cp.at), keyId: cp.keyId, signature: cp.signature })
    .onConflictDoNothing();
  return cp;
}

/** Checkpoints from the external file and the database, each checked against the signing key. */
async function checkpoints(db: Db, signer: AuditSigner): Promise<{ valid: Checkpoint[]; forged: number }> {
  const all: Checkpoint[] = [];
  if (signer.file && fs.existsSync(signer.file)) {
    for (const line of fs.readFileSync(signer.file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        all.push(JSON.parse(line) as Checkpoint);
      } catch {
        // a torn last line (crash while appending) is not a checkpoint
      }
    }
  }
  for (const r of await db.select().from(auditCheckpoint).orderBy(asc(auditCheckpoint.seq))) {
    all.push({ seq: r.seq, hash: r.hash, at: r.at.toISOString(), keyId: r.keyId, signature: r.signature });
  }
  const valid = all.filter((c) => c.keyId === signer.keyId && signer.verify(payload(c), c.signature));
  return { valid, forged: all.filter((c) => c.keyId === signer.keyId).length - valid.length };
}

export interface AuditReport extends ChainReport {
  /** The newest signed checkpoint the log was checked against. */
  checkpoint?: { seq: number; at: string };
  /** Entries archived away (the chain starts after them). */
  archivedUpTo?: number;
}

/**
 * Verify the whole log: the chain (from the archive anchor, if entries were archived), and every
 * signed checkpoint — the log must still hold each checkpoint's entry with the same hash, so the
 * deletion of the newest entries is found.
 */
export async function verifyAuditLog(db: Db, signer: AuditSigner, pageSize?: number): Promise<AuditReport> {
  const [anchor] = await db.select().from(auditAnchor).orderBy(desc(auditAnchor.uptoSeq)).limit(1);
  if (anchor && !signer.verify(`gonghui-audit-archive:${anchor.uptoSeq}:${anchor.lastHash}:${anchor.fileSha256}`, anchor.signature)) {
    return { ok: false, checked: 0, firstBroken: { seq: anchor.uptoSeq, reason: 'archive anchor signature invalid' } };
  }
  const chain = await verifyAuditChain(db, pageSize, anchor ? { seq: anchor.uptoSeq, hash: anchor.lastHash } : undefined);
  const report: AuditReport = { ...chain, ...(anchor ? { archivedUpTo: anchor.uptoSeq } : {}) };
  if (!chain.ok) return report;
  const { valid, forged } = await checkpoints(db, signer);
  if (forged) return { ...report, ok: false, firstBroken: { seq: 0, reason: `${forged} checkpoint(s) with an invalid signature` } };
  const [head] = await db.select({ seq: auditLog.seq }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const headSeq = head?.seq ?? anchor?.uptoSeq ?? 0;
  let newest: Checkpoint | undefined;
  for (const c of valid) {
    if (anchor && c.seq <= anchor.uptoSeq) continue;
    if (c.seq > headSeq) {
      return {
        ...report,
        ok: false,
        firstBroken: { seq: headSeq + 1, reason: `newest entries deleted: a signed checkpoint of ${c.at} reaches entry ${c.seq}, the log ends at ${headSeq}` },
      };
    }
    const [e] = await db.select({ hash: auditLog.hash }).from(auditLog).where(eq(auditLog.seq, c.seq));
    if (!e || e.hash !== c.hash) return { ...report, ok: false, firstBroken: { seq: c.seq, reason: 'entry differs from its signed checkpoint' } };
    if (!newest || c.seq > newest.seq) newest = c;
  }
  return newest ? { ...report, checkpoint: { seq: newest.seq, at: newest.at } } : report;
}

/** The earliest day whose entries may be archived: six months before today (网络安全法 Art. 21). */
export function archivableBefore(today = todayInChina()): string {
  return addMonthsClamped(today, -6);
}

/**
 * Archive the entries before `before` (a China date at least six months ago) to a signed JSON-lines
 * file, then remove them from the database, leaving a signed anchor so the rest still verifies.
 * Refuses a later date; nothing is removed unless the file was written and checked.
 */
export async function archiveAuditLog(
  db: Db,
  signer: AuditSigner,
  before: string,
  outFile: string,
  actor = 'cli',
): Promise<{ archived: number; uptoSeq: number | null; file: string }> {
  const limit = archivableBefore();
  if (before > limit)
    throw new Error(
      `审计日志须保存至少6个月（网络安全法第二十一条）：只能归档 ${limit} 之前的记录 / entries must be kept 6 months: archive only before ${limit}`,
    );
  const verified = await verifyAuditLog(db, signer);
  if (!verified.ok) throw new Error(`审计链不完整，不能归档 / the chain is broken, nothing archived: ${verified.firstBroken?.reason}`);
  const cutoff = new Date(before + 'T00:00:00+08:00');
  // The contiguous prefix of the chain up to the last entry before the cut-off.
  const [{ upto }] = (await db
    .select({ upto: sql<number | null>`max(${auditLog.seq})` })
    .from(auditLog)
    .where(sql`${auditLog.at} < ${cutoff}`)) as [{ upto: number | null }];
  if (upto === null) return { archived: 0, uptoSeq: null, file: outFile };
  const rows = await db
    .select()
    .from(auditLog)
    .where(lte(auditLog.seq, Number(upto)))
    .orderBy(asc(auditLog.seq));
  if (!rows.length) return { archived: 0, uptoSeq: null, file: outFile };
  const last = rows[rows.length - 1]!;
  const body = rows.map((r) => JSON.stringify({ ...r, at: r.at.toISOString() })).join('\n') + '\n';
  const sha = crypto.createHash('sha256').update(body).digest('hex');
  const signature = signer.sign(`gonghui-audit-archive:${last.seq}:${last.hash}:${sha}`);
  fs.writeFileSync(
    outFile,
    body + JSON.stringify({ archive: { uptoSeq: last.seq, lastHash: last.hash, sha256: sha, keyId: signer.keyId, signature } }) + '\n',
    { mode: 0o600, flag: 'wx' },
  );
  if (crypto.createHash('sha256').update(fs.readFileSync(outFile, 'utf8').slice(0, body.length)).digest('hex') !== sha)
    throw new Error('archive file could not be read back');
  await db.transaction(async (tx) => {
    await tx.insert(auditAnchor).values({
      uptoSeq: last.seq,
      lastHash: last.hash,
      fileName: path.basename(outFile),
      fileSha256: sha,
      keyId: signer.keyId,
      signature,
      archivedAt: new Date(),
    });
    await tx.execute(sql`SELECT set_config('gonghui.audit_archive', 'on', true)`);
    await tx.delete(auditLog).where(lte(auditLog.seq, last.seq));
    await tx.execute(sql`SELECT set_config('gonghui.audit_archive', 'off', true)`);
    await appendAudit(tx, {
      actorName: actor,
      action: 'audit.archive',
      detail: `archived entries 1…${last.seq} before ${before} to ${path.basename(outFile)} (sha256 ${sha.slice(0, 16)}…)`,
    });
  });
  return { archived: rows.length, uptoSeq: last.seq, file: outFile };
}
