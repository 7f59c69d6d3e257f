import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { org } from '../modules/org/org.schema.js';
import { MAX_ATTACHMENT_BYTES, UPLOAD_BODY_LIMIT } from '../../../common/src/contracts/hardship-files.js';
import { appendAudit } from './audit.js';
import { AppError, errors } from './errors.js';
import { scopeCovers } from './scope.js';
import type { Ctx } from './context.js';
import type { Executor } from '../db/client.js';

/**
 * The one attachment service (hardship scans, dispute evidence, signatures): files sent as base64
 * JSON, kept in the database (bytea), small files only. The checks are the same everywhere:
 * - size: at most MAX_ATTACHMENT_BYTES (413);
 * - type: PDF, JPEG or PNG decided by the file's first bytes (magic numbers), never by its name or
 *   the declared type (415); a caller may narrow the types (a drawn signature is PNG only);
 * - scope: a stored file is found through its own row's union (`org_id`), 404 outside the caller's
 *   scope — the same answer as a file that does not exist;
 * - audit: every upload, download and deletion is written in the audit log, on the owning record.
 */
export { MAX_ATTACHMENT_BYTES, UPLOAD_BODY_LIMIT };

export type Sniffed = 'application/pdf' | 'image/jpeg' | 'image/png';
const ALL: Sniffed[] = ['application/pdf', 'image/jpeg', 'image/png'];

export function sniffMime(b: Buffer): Sniffed | null {
  if (b.length >= 5 && b.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}

/** Decode base64 (plain or a data: URL) and check size and type; `allowed` narrows the types. */
export function decodeUpload(data: string, allowed: Sniffed[] = ALL): { bytes: Buffer; mime: Sniffed } {
  const b64 = data.replace(/^data:[^;,]*;base64,/, '');
  if (!/^[A-Za-z0-9+/=\s]*$/.test(b64)) throw errors.invalid('文件内容应为 base64 编码', 'File content must be base64');
  const bytes = Buffer.from(b64, 'base64');
  if (bytes.length === 0) throw errors.invalid('文件为空', 'The file is empty');
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    throw new AppError(
      413,
      'FILE_TOO_LARGE',
      `文件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB，请压缩或分页扫描`,
      `Files may not exceed ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`,
    );
  }
  const mime = sniffMime(bytes);
  if (!mime || !allowed.includes(mime)) {
    const names = allowed.map((m) => ({ 'application/pdf': 'PDF', 'image/jpeg': 'JPG', 'image/png': 'PNG' })[m]).join('、');
    throw new AppError(415, 'UNSUPPORTED_FILE_TYPE', `只接受 ${names} 文件（按文件内容判断）`, `Only ${names} files are accepted (judged by content)`);
  }
  return { bytes, mime };
}

/** An upload accepted: its bytes, type, size and SHA-256 (kept with the file and in the audit entry). */
export function acceptUpload(data: string, allowed: Sniffed[] = ALL) {
  const { bytes, mime } = decodeUpload(data, allowed);
  return { bytes, mime, size: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex') };
}

type AttachmentTable = PgTable & { id: AnyPgColumn; orgId: AnyPgColumn };

/** A stored attachment found through its own union: 404 outside the caller's scope, as for one that does not exist. */
export async function attachmentInScope<T extends AttachmentTable>(c: Ctx, table: T, id: string, what: { zh: string; en: string }): Promise<T['$inferSelect']> {
  const rows = (await c.db
    .select({ a: table as AttachmentTable, path: org.path })
    .from(table as AttachmentTable)
    .innerJoin(org, eq(org.id, table.orgId))
    .where(eq(table.id, id))) as unknown as { a: T['$inferSelect'] & { orgId: string }; path: string }[];
  const row = rows[0];
  if (!row || !scopeCovers(c.actor.scope, { id: row.a.orgId, path: row.path })) throw errors.notFound(what.zh, what.en);
  return row.a;
}

/** The audit entry of an attachment's upload, download or deletion, written on the record that owns it. */
export const auditAttachment = (
  c: Ctx,
  tx: Executor,
  e: { orgId: string; entity: string; entityId: string; action: string; changes: Record<string, unknown> },
) => appendAudit(tx, { actorId: c.actor.userId, actorName: c.actor.username, ip: c.ip, detail: null, ...e });
