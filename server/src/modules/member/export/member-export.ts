import { PassThrough, type Writable } from 'node:stream';
import { and, asc, eq, gt, sql, type SQL } from 'drizzle-orm';
import ExcelJS from '../../../platform/exceljs.js';
import { member } from '../member.schema.js';
import { org } from '../../org/org.schema.js';
import { countMembers, memberSearchWhere } from '../member.repo.js';
import { searchOf } from '../member.service.js';
import { errors } from '../../../platform/errors.js';
import { appendAuditStandalone } from '../../../platform/audit.js';
import { todayInChina } from '../../../../../common/src/dates.js';
import { attachmentDisposition, csvLine, EXPORT_COLUMNS, exportCells, UTF8_BOM, type Cell } from './export-format.js';
import type { z } from 'zod';
import type { MemberExportQuery } from '../../../../../common/src/contracts/member.js';
import type { Ctx } from '../../../platform/context.js';

/**
 * Export of the current member search: exactly the rows GET /api/members finds
 * for the same filters, inside the caller's scope, streamed as CSV or XLSX. The result is never
 * held in memory: pages of EXPORT_PAGE rows by keyset (ORDER BY id, id > last) are written one after the
 * other, waiting for the client to take each page before reading the next. Each page is its own
 * short query, so other requests (and, on PGlite, the single connection) are not held up by a
 * long export. ID numbers and mobiles are masked unless the caller asks to unmask and holds
 * member.unmask; every export is audited when it starts, with its filters, format and row count.
 */
export type MemberExportParams = z.infer<typeof MemberExportQuery>;

export const EXPORT_PAGE = 5000;
const SETTLE_BYTES = 1 << 20;

export interface ExportStart {
  stream: PassThrough;
  contentType: string;
  disposition: string;
  rows: number;
}

interface SheetWriter {
  row(cells: Cell[]): void;
  /** Hand the rows of one page to the stream. */
  flush(): void;
  /** Resolves once the page written has moved on (compressed), so that rows never pile up in memory. */
  settle(): Promise<void>;
  end(): Promise<void>;
}

function csvWriter(out: Writable): SheetWriter {
  let page = UTF8_BOM + csvLine(EXPORT_COLUMNS.map((c) => c.header));
  return {
    row: (cells) => void (page += csvLine(cells)),
    flush: () => {
      if (page) out.write(page);
      page = '';
    },
    settle: () => drained(out),
    end: async () => void out.end(),
  };
}

function xlsxWriter(out: Writable): SheetWriter {
  // Inline strings (no shared-string table) keep memory flat whatever the row count.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Gonghui 智慧工会';
  const ws = wb.addWorksheet('会员名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  // ExcelJS's streaming writer hands committed rows to the zip's deflate stream without waiting for
  // it (exceljs utils/stream-buf.js ignores write() returning false), and deflate is slower than
  // writing rows: unchecked, most of the sheet would pile up in its buffer. So after each page we
  // wait until that buffer is down to SETTLE_BYTES. The buffer is reached through ExcelJS and
  // readable-stream internals; should they change, only this wait is lost (and memory grows).
  type Pipe = { writableLength?: number; _writableState?: { length?: number } };
  const sheetPipes = () => (ws as unknown as { stream?: { pipes?: Pipe[] } }).stream?.pipes ?? [];
  const backlog = (p: Pipe) => p.writableLength ?? p._writableState?.length ?? 0;
  return {
    // ExcelJS writes every string cell as a typed string, never as a formula (and the cells are neutralised anyway).
    row: (cells) => ws.addRow(cells).commit(),
    flush: () => undefined,
    settle: async () => {
      for (const p of sheetPipes()) while (backlog(p) > SETTLE_BYTES && !out.destroyed) await new Promise((r) => setTimeout(r, 5));
      await drained(out);
    },
    end: async () => {
      ws.commit();
      await wb.commit();
    },
  };
}

/** Resolves once the stream can take more (or has gone away), so a slow client slows the export instead of filling memory. */
function drained(out: Writable): Promise<void> {
  if (out.destroyed || !out.writableNeedDrain) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

/** The filters as the audit log keeps them: identifiers that were searched for are noted, never stored. */
function auditedFilters(p: MemberExportParams): Record<string, unknown> {
  const { format: _f, unmask: _u, ...filters } = p;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== '') out[k] = k === 'idNumber' || k === 'mobile' ? '[given]' : v;
  return out;
}

/** Check, audit and start an export; the rows follow on the returned stream. `pageSize` is for tests and benchmarks. */
export async function startMemberExport(
  c: Ctx,
  p: MemberExportParams,
  opts: { pageSize?: number; onRows?: (done: number) => void } = {},
): Promise<ExportStart> {
  const unmask = p.unmask === 'true';
  const audit = { actorId: c.actor.userId, actorName: c.actor.username, ip: c.ip, orgId: c.actor.orgId, action: 'member.export', entity: 'member' };
  if (unmask && !c.actor.permissions.has('member.unmask')) {
    await appendAuditStandalone(c.db, {
      ...audit,
      result: 'denied',
      changes: { filters: auditedFilters(p), format: p.format, unmasked: true },
      detail: 'unmask requires member.unmask',
    });
    throw errors.forbidden('member.unmask');
  }
  const where = memberSearchWhere(c.actor.scope, searchOf(c, { ...p, page: 1, pageSize: 1, sort: 'joinDate', order: 'asc' }));
  const rows = await countMembers(c.db, where);
  await appendAuditStandalone(c.db, { ...audit, changes: { filters: auditedFilters(p), format: p.format, unmasked: unmask, rows } });

  const out = new PassThrough({ highWaterMark: 256 * 1024 });
  const writer = p.format === 'csv' ? csvWriter(out) : xlsxWriter(out);
  void pump(c, where, unmask, writer, out, opts.pageSize ?? EXPORT_PAGE, opts.onRows).catch((e: unknown) => out.destroy(e as Error));
  const today = todayInChina().replaceAll('-', '');
  return {
    stream: out,
    rows,
    contentType: p.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    disposition: attachmentDisposition(`会员名册-${today}.${p.format}`, `members-${today}.${p.format}`),
  };
}

async function pump(c: Ctx, where: SQL, unmask: boolean, writer: SheetWriter, out: PassThrough, pageSize: number, onRows?: (done: number) => void) {
  const today = todayInChina();
  let last: string | null = null;
  let done = 0;
  for (;;) {
    if (out.destroyed) return; // the client went away
    const page = await c.db
      .select({
        id: member.id,
        name: member.name,
        idMasked: member.idMasked,
        idCipher: unmask ? member.idCipher : sql<string>`''`,
        mobileMasked: member.mobileMasked,
        mobileCipher: unmask ? member.mobileCipher : sql<string | null>`NULL`,
        sex: member.sex,
        birthDate: member.birthDate,
        ethnicity: member.ethnicity,
        education: member.education,
        politicalStatus: member.politicalStatus,
        employmentForm: member.employmentForm,
        migrantWorker: member.migrantWorker,
        occupation: member.occupation,
        employerName: member.employerName,
        orgName: org.name,
        joinDate: member.joinDate,
        cardNo: member.cardNo,
        status: member.status,
      })
      .from(member)
      .innerJoin(org, eq(org.id, member.orgId))
      .where(last ? and(where, gt(member.id, last)) : where)
      .orderBy(asc(member.id))
      .limit(pageSize);
    for (const m of page) {
      const idNumber = unmask ? c.keys.decrypt(m.idCipher) : m.idMasked;
      const mobile = unmask ? (m.mobileCipher ? c.keys.decrypt(m.mobileCipher) : null) : m.mobileMasked;
      writer.row(exportCells({ ...m, idNumber, mobile }, today));
    }
    writer.flush();
    await writer.settle();
    onRows?.((done += page.length));
    if (page.length < pageSize) break;
    last = page[page.length - 1]!.id;
  }
  if (!out.destroyed) await writer.end();
}
