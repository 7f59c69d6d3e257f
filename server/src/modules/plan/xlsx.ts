import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { appendAuditStandalone } from '../../platform/audit.js';
import { sendFile } from '../hardship/hardship.shared.js';
import type { Ctx } from '../../platform/context.js';

/** One sheet with a bold header row, sent as an xlsx download after its audit entry (the ledger, the projects list, the assessment results). */
export async function sendSheet(
  c: Ctx,
  reply: FastifyReply,
  o: {
    fileName: string;
    sheet: string;
    columns: [header: string, width: number][];
    rows: (string | number | null)[][];
    audit: { action: string; entity: string; entityId: string; changes: Record<string, unknown> };
  },
) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(o.sheet);
  ws.columns = o.columns.map(([header, width]) => ({ header, width }));
  for (const r of o.rows) ws.addRow(r.map((v) => v ?? ''));
  ws.getRow(1).font = { bold: true };
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  await appendAuditStandalone(c.db, {
    actorId: c.actor.userId,
    actorName: c.actor.username,
    ip: c.ip,
    orgId: c.actor.orgId,
    ...o.audit,
    changes: { rows: o.rows.length, ...o.audit.changes },
    detail: null,
  });
  return sendFile(reply, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', o.fileName, bytes);
}
