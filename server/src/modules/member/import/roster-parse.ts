import {
  detectHeader,
  isBlankRow,
  HEADER_SEARCH_ROWS,
  ROSTER_COLUMN_BY_FIELD,
  type DetectedColumn,
  type HeaderDetection,
} from '../../../../../common/src/roster-headers.js';
import { detectFormat, readRoster, RosterFileError, type RosterRow, type RosterSource } from './roster-reader.js';
import { normaliseRow, type ImportFields, type RowError } from './roster-row.js';

/**
 * The parse loop shared by the worker thread and the in-process fallback: read rows, find the
 * header (the first sheet that has one), normalise every data row and hand them on in chunks. No
 * database here; the caller stores each chunk before asking for the next, so memory stays flat.
 */

export interface ValidRow {
  rowNo: number;
  fields: ImportFields;
  cardNo: string | null;
  raw: Record<string, string>;
}

export interface InvalidRow {
  rowNo: number;
  errors: RowError[];
  raw: Record<string, string>;
  /** The normalised ID number when it could be read, so duplicates among rejected rows are still found. */
  idNumber: string | null;
}

export interface ParsedChunk {
  valid: ValidRow[];
  invalid: InvalidRow[];
  /** Data rows (not blank) read so far. */
  rowsDone: number;
}

export interface HeaderInfo {
  rowNo: number;
  columns: DetectedColumn[];
  /** Warnings about the header itself (unknown or repeated columns), reported once. */
  warnings: RowError[];
}

export interface ParseHandlers {
  onHeader(h: HeaderInfo): void | Promise<void>;
  /** Resolves when the chunk is stored; the next chunk is not produced before. */
  onChunk(c: ParsedChunk): Promise<void>;
  isCancelled?(): boolean;
}

export interface ParseInput {
  source: RosterSource;
  fileName: string;
  today: string;
  chunkSize: number;
  /**
   * PostgreSQL staging: the batch id the sealer writes into ready COPY lines of import_row (see
   * SealedChunk.copy), so the rows reach the main thread as one transferred byte buffer per chunk.
   */
  copyBatchId?: string;
}

function headerWarnings(h: Extract<HeaderDetection, { ok: true }>): RowError[] {
  const out: RowError[] = [];
  if (h.unknown.length) {
    const names = h.unknown.map((u) => `“${u.header}”`).join('、');
    out.push({
      row: h.rowNo,
      column: null,
      code: 'UNKNOWN_COLUMNS',
      message: `以下列不是会员名册的栏目，已忽略：${names}`,
      messageEn: `These columns are not roster fields and were ignored: ${h.unknown.map((u) => u.header).join(', ')}`,
    });
  }
  for (const d of h.duplicates) {
    const first = h.columns.find((c) => c.field === d.field)!;
    out.push({
      row: h.rowNo,
      column: d.header,
      code: 'DUPLICATE_COLUMN',
      message: `“${d.header}”与“${first.header}”都表示${ROSTER_COLUMN_BY_FIELD.get(d.field)!.label}，只导入“${first.header}”列`,
      messageEn: `"${d.header}" and "${first.header}" both mean ${ROSTER_COLUMN_BY_FIELD.get(d.field)!.en}; only "${first.header}" is imported`,
    });
  }
  return out;
}

export async function parseRoster(input: ParseInput, h: ParseHandlers): Promise<{ total: number }> {
  const format = await detectFormat(input.source, input.fileName);
  let columns: DetectedColumn[] | null = null;
  let pending: RosterRow[] = [];
  let pendingNonBlank = 0;
  let sheet = -1;
  let firstProblem: Extract<HeaderDetection, { ok: false }> | null = null;
  let valid: ValidRow[] = [];
  let invalid: InvalidRow[] = [];
  let inChunk = 0;
  let total = 0;

  const flush = async () => {
    if (!inChunk) return;
    const c = { valid, invalid, rowsDone: total };
    valid = [];
    invalid = [];
    inChunk = 0;
    await h.onChunk(c);
  };
  const dataRow = async (r: RosterRow) => {
    const out = normaliseRow(r.rowNo, r.cells, columns!, input.today);
    if (out.kind === 'blank') return;
    total++;
    inChunk++;
    if (out.kind === 'valid') valid.push({ rowNo: out.rowNo, fields: out.fields, cardNo: out.cardNo, raw: out.raw });
    else invalid.push({ rowNo: out.rowNo, errors: out.errors, raw: out.raw, idNumber: out.idNumber });
    if (inChunk >= input.chunkSize) await flush();
  };
  const tryHeader = async (final: boolean): Promise<boolean> => {
    const d = detectHeader(pending);
    if (d.ok) {
      columns = d.columns;
      await h.onHeader({ rowNo: d.rowNo, columns: d.columns, warnings: headerWarnings(d) });
      const rest = pending.filter((r) => r.rowNo > d.rowNo);
      pending = [];
      for (const r of rest) await dataRow(r);
      return true;
    }
    if (d.problem === 'missing_required') throw new RosterFileError('HEADER_MISSING_REQUIRED', d.zh, d.en);
    if (final || pendingNonBlank >= HEADER_SEARCH_ROWS) {
      firstProblem ??= d;
      pending = [];
    }
    return false;
  };

  let skipSheet = false;
  for await (const r of readRoster(input.source, format)) {
    if (h.isCancelled?.()) throw new RosterFileError('CANCELLED', '导入已取消', 'The import was cancelled');
    if (r.sheet !== sheet) {
      if (!columns && pending.length) await tryHeader(true);
      if (columns) break; // the roster sheet is done; later sheets (instructions, lists) are not data
      sheet = r.sheet;
      pending = [];
      pendingNonBlank = 0;
      skipSheet = false;
    }
    if (columns) {
      await dataRow(r);
      continue;
    }
    if (skipSheet) continue;
    pending.push(r);
    if (!isBlankRow(r.cells)) pendingNonBlank++;
    if (pendingNonBlank >= HEADER_SEARCH_ROWS && !(await tryHeader(false))) skipSheet = true;
  }
  if (!columns && pending.length) await tryHeader(true);
  if (!columns) {
    const p = firstProblem ?? detectHeader([]);
    if (p.ok) throw new Error('unreachable');
    throw new RosterFileError('HEADER_NOT_FOUND', p.zh, p.en);
  }
  await flush();
  if (total === 0) throw new RosterFileError('NO_DATA', '表头下面没有数据行', 'There are no data rows below the header');
  return { total };
}
