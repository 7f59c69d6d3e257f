import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { hardshipAttachment } from './hardship.schema.js';
import { org } from '../org/org.schema.js';
import { requireFileInScope } from './file.record.js';
import { actorOf, auditOf } from './hardship.shared.js';
import { MAX_ATTACHMENT_BYTES, UPLOAD_BODY_LIMIT, type AttachmentInput } from '../../../../common/src/contracts/hardship-files.js';
import { appendAudit } from '../../platform/audit.js';
import { AppError, errors } from '../../platform/errors.js';
import { scopeCovers } from '../../platform/scope.js';
import type { Ctx } from '../../platform/context.js';

/**
 * Scans attached to a file, stored in the database (bytea): small files only. The type is decided
 * by the file's first bytes (magic numbers), never by its name or the declared type.
 */
export { MAX_ATTACHMENT_BYTES, UPLOAD_BODY_LIMIT };

export type Sniffed = 'application/pdf' | 'image/jpeg' | 'image/png';

export function sniffMime(b: Buffer): Sniffed | null {
  if (b.length >= 5 && b.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}

/** Decode base64 (plain or a data: URL) and check size and type; `allowed` narrows the types. */
export function decodeUpload(data: string, allowed: Sniffed[] = ['application/pdf', 'image/jpeg', 'image/png']): { bytes: Buffer; mime: Sniffed } {
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

export async function addAttachment(c: Ctx, fileId: string, input: AttachmentInput) {
  return c.db.transaction(async (tx) => {
    const f = await requireFileInScope(c, tx, fileId);
    const { bytes, mime } = decodeUpload(input.data);
    const id = uuidv7();
    const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
    await tx.insert(hardshipAttachment).values({
      id,
      fileId,
      orgId: f.orgId,
      kind: input.kind,
      fileName: input.fileName,
      mime,
      size: bytes.length,
      sha256,
      data: bytes,
      uploadedBy: c.actor.userId,
    });
    await appendAudit(
      tx,
      auditOf(actorOf(c), f.orgId, 'hardship.attachment_add', fileId, {
        changes: { attachmentId: id, kind: input.kind, fileName: input.fileName, mime, size: bytes.length, sha256 },
      }),
    );
    return { id, kind: input.kind, fileName: input.fileName, mime, size: bytes.length, sha256 };
  });
}

async function requireAttachmentInScope(c: Ctx, id: string) {
  const [row] = await c.db
    .select({ a: hardshipAttachment, path: org.path })
    .from(hardshipAttachment)
    .innerJoin(org, eq(org.id, hardshipAttachment.orgId))
    .where(eq(hardshipAttachment.id, id));
  if (!row || !scopeCovers(c.actor.scope, { id: row.a.orgId, path: row.path })) throw errors.notFound('附件', 'attachment');
  return row.a;
}

/** Download a scan (sensitive): audited like an unmask. */
export async function readAttachment(c: Ctx, id: string) {
  const a = await requireAttachmentInScope(c, id);
  await c.db.transaction((tx) =>
    appendAudit(tx, auditOf(actorOf(c), a.orgId, 'hardship.attachment_read', a.fileId, { changes: { attachmentId: id, fileName: a.fileName } })),
  );
  return a;
}

export async function deleteAttachment(c: Ctx, id: string) {
  const a = await requireAttachmentInScope(c, id);
  await c.db.transaction(async (tx) => {
    await tx.delete(hardshipAttachment).where(eq(hardshipAttachment.id, id));
    await appendAudit(
      tx,
      auditOf(actorOf(c), a.orgId, 'hardship.attachment_delete', a.fileId, { changes: { attachmentId: id, fileName: a.fileName, sha256: a.sha256 } }),
    );
  });
}
