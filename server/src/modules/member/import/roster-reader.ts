import fs from 'node:fs';
import { Readable } from 'node:stream';
import { isUtf8 } from 'node:buffer';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import ExcelJS from '../../../platform/exceljs.js';

/**
 * Streams the rows of a roster file: xlsx through ExcelJS's streaming WorkbookReader (rows are
 * never all in memory), CSV through csv-parse after working out the encoding — valid UTF-8 (with or
 * without BOM) is read as UTF-8, anything else as GB18030 (a superset of the GBK that Chinese Excel
 * writes), and UTF-16 with a BOM ("Unicode text") as UTF-16. Row numbers are the ones the user
 * sees in their spreadsheet, blank rows included.
 */

/** A cell flattened to a plain value: rich text, hyperlinks and formula results become their text or result. */
export type Cell = string | number | boolean | Date | null;

export interface RosterRow {
  /** 0-based worksheet index (always 0 for CSV). */
  sheet: number;
  /** 1-based row number as the spreadsheet shows it. */
  rowNo: number;
  cells: Cell[];
}

export type RosterSource = { path: string } | { bytes: Uint8Array };
export type RosterFormat = 'csv' | 'xlsx';

/** A problem with the whole file (not one row). */
export class RosterFileError extends Error {
  constructor(
    public readonly code: string,
    public readonly zh: string,
    public readonly en: string,
  ) {
    super(en);
  }
}

const HEAD_BYTES = 64 * 1024;

async function readHead(src: RosterSource): Promise<Uint8Array> {
  if ('bytes' in src) return src.bytes.subarray(0, HEAD_BYTES);
  const fh = await fs.promises.open(src.path, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

function openStream(src: RosterSource): Readable {
  return 'bytes' in src
    ? Readable.from([Buffer.from(src.bytes.buffer, src.bytes.byteOffset, src.bytes.byteLength)])
    : fs.createReadStream(src.path, { highWaterMark: 256 * 1024 });
}

/** Work out the format from the first bytes (a zip is xlsx), refusing old binary .xls and other files. */
export async function detectFormat(src: RosterSource, fileName: string): Promise<RosterFormat> {
  const head = await readHead(src);
  if (head.length === 0) throw new RosterFileError('FILE_EMPTY', '文件是空的', 'The file is empty');
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw new RosterFileError(
      'FILE_XLS',
      '不支持旧版 Excel 97-2003（.xls）格式：请在 Excel 中“另存为” .xlsx 或 CSV 后再导入',
      'Old Excel 97-2003 (.xls) files are not supported: save the sheet as .xlsx or CSV and import that',
    );
  }
  if (/\.(xlsx|xlsm)$/i.test(fileName))
    throw new RosterFileError('FILE_UNREADABLE', '文件不是有效的 .xlsx 文件，可能已损坏', 'The file is not a valid .xlsx workbook; it may be damaged');
  // Text: no NUL bytes except in UTF-16.
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!utf16 && head.subarray(0, 4096).includes(0)) {
    throw new RosterFileError('FILE_TYPE', '无法识别的文件类型：请上传 .xlsx 或 .csv 文件', 'Unknown file type: upload an .xlsx or .csv file');
  }
  return 'csv';
}

export type CsvEncoding = 'utf8' | 'gb18030' | 'utf16le' | 'utf16be';

/** UTF-16 by its BOM; otherwise UTF-8 when every byte of the file is valid UTF-8 (checked streaming), else GB18030. */
export async function detectCsvEncoding(src: RosterSource): Promise<CsvEncoding> {
  const head = await readHead(src);
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf16be';
  if ('bytes' in src) return isUtf8(src.bytes) ? 'utf8' : 'gb18030';
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of fs.createReadStream(src.path, { highWaterMark: 1024 * 1024 })) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return 'utf8';
  } catch {
    return 'gb18030';
  }
}

/** The delimiter the first lines use most: comma, tab (Excel "Unicode text") or semicolon (some locales). */
function guessDelimiter(sample: string): string {
  const lines = sample
    .split(/\r?\n/)
    .slice(0, 20)
    .join('\n')
    .replace(/"[^"]*"/g, '');
  const count = (c: string) => lines.split(c).length - 1;
  const [best] = [',', '\t', ';'].map((d) => [d, count(d)] as const).sort((a, b) => b[1] - a[1]);
  return best![1] > 0 ? best![0] : ',';
}

async function* readCsv(src: RosterSource): AsyncGenerator<RosterRow> {
  const encoding = await detectCsvEncoding(src);
  const head = await readHead(src);
  const delimiter = guessDelimiter(iconv.decode(Buffer.from(head), encoding));
  // relax_column_count accepts rows of any length, but csv-parse still builds (and drops) a CsvError,
  // stack trace included, for every row whose length differs from the *first* record's — with a
  // one-cell title row above the header that is every row, and it was the worker's largest cost.
  // Comparing each row with the one before instead builds an error only where the length changes.
  const csv = parse({
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    trim: false,
    on_record: (rec: string[]) => {
      (csv as unknown as { state: { expectedRecordLength: number } }).state.expectedRecordLength = rec.length;
      return rec;
    },
  });
  const parser = openStream(src)
    .pipe(iconv.decodeStream(encoding, { stripBOM: true }))
    .pipe(csv);
  let rowNo = 0;
  for await (const rec of parser as AsyncIterable<string[]>) {
    rowNo++;
    yield { sheet: 0, rowNo, cells: rec.map((v) => (v === '' ? null : v)) };
  }
}

/** ExcelJS cell values: rich text, hyperlinks, formulas and errors, flattened. */
export function flattenCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as { richText?: { text?: string }[]; text?: unknown; result?: unknown; error?: string; formula?: string; sharedFormula?: string };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text ?? '').join('');
    if ('result' in o || 'formula' in o || 'sharedFormula' in o) return flattenCell(o.result);
    if (typeof o.text === 'string') return o.text;
    if (typeof o.error === 'string') return o.error;
  }
  return String(v);
}

async function* readXlsx(src: RosterSource): AsyncGenerator<RosterRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(openStream(src), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  } as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookReader>[1]);
  let sheet = -1;
  try {
    for await (const ws of reader as AsyncIterable<AsyncIterable<ExcelJS.Row>>) {
      sheet++;
      for await (const row of ws) {
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        for (let i = 1; i < values.length; i++) cells.push(flattenCell(values[i]));
        yield { sheet, rowNo: row.number, cells };
      }
    }
  } catch (e) {
    if (e instanceof RosterFileError) throw e;
    throw new RosterFileError(
      'FILE_UNREADABLE',
      `无法读取该 Excel 文件，可能已损坏或加密（${(e as Error).message}）`,
      `The workbook cannot be read; it may be damaged or password-protected (${(e as Error).message})`,
    );
  }
}

/** Every row of the file in order (blank rows of CSV included; xlsx omits rows that were never written). */
export async function* readRoster(src: RosterSource, format: RosterFormat): AsyncGenerator<RosterRow> {
  yield* format === 'xlsx' ? readXlsx(src) : readCsv(src);
}
