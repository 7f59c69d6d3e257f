import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { hardshipAttachment } from './hardship.schema.js';
import { requireFileInScope } from './file.record.js';
import type { AttachmentInput } from '../../../../common/src/contracts/hardship-files.js';
import { acceptUpload, attachmentInScope, auditAttachment } from '../../platform/attachments.js';
import type { Ctx } from '../../platform/context.js';

/**
 * Scans attached to a hardship file, on the platform's attachment service (server/src/platform/attachments.ts:
 * size, type by content, scope through the attachment's own union, audit on the file).
 */
export { MAX_ATTACHMENT_BYTES, UPLOAD_BODY_LIMIT, decodeUpload, sniffMime, type Sniffed } from '../../platform/attachments.js';

const WHAT = { zh: '附件', en: 'attachment' };
const onFile = (a: { orgId: string; fileId: string }, action: string, changes: Record<string, unknown>) => ({
  orgId: a.orgId,
  entity: 'hardship_file',
  entityId: a.fileId,
  action,
  changes,
});

export async function addAttachment(c: Ctx, fileId: string, input: AttachmentInput) {
  return c.db.transaction(async (tx) => {
    const f = await requireFileInScope(c, tx, fileId);
    const { bytes, mime, size, sha256 } = acceptUpload(input.data);
    const id = uuidv7();
    await tx
      .insert(hardshipAttachment)
      .values({ id, fileId, orgId: f.orgId, kind: input.kind, fileName: input.fileName, mime, size, sha256, data: bytes, uploadedBy: c.actor.userId });
    await auditAttachment(
      c,
      tx,
      onFile({ orgId: f.orgId, fileId }, 'hardship.attachment_add', { attachmentId: id, kind: input.kind, fileName: input.fileName, mime, size, sha256 }),
    );
    return { id, kind: input.kind, fileName: input.fileName, mime, size, sha256 };
  });
}

/** Download a scan (sensitive): audited like an unmask. */
export async function readAttachment(c: Ctx, id: string) {
  const a = await attachmentInScope(c, hardshipAttachment, id, WHAT);
  await c.db.transaction((tx) => auditAttachment(c, tx, onFile(a, 'hardship.attachment_read', { attachmentId: id, fileName: a.fileName })));
  return a;
}

export async function deleteAttachment(c: Ctx, id: string) {
  const a = await attachmentInScope(c, hardshipAttachment, id, WHAT);
  await c.db.transaction(async (tx) => {
    await tx.delete(hardshipAttachment).where(eq(hardshipAttachment.id, id));
    await auditAttachment(c, tx, onFile(a, 'hardship.attachment_delete', { attachmentId: id, fileName: a.fileName, sha256: a.sha256 }));
  });
}
