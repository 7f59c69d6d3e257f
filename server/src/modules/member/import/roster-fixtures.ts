import ExcelJS from '../../../platform/exceljs.js';
import iconv from 'iconv-lite';
import { computeIdCheck } from '../../../../../common/src/id-number.js';

/** Messy rosters for the tests and the benchmark script, built the way Chinese offices' files look. */

/** A valid 18-digit ID number: Beijing Chaoyang area code, the birth date, a sequence whose last digit gives the sex. */
export function makeId(birthDate: string, seq: number, sex: 'M' | 'F' = seq % 2 === 1 ? 'M' : 'F', area = '110105'): string {
  let s = seq % 1000;
  if ((s % 2 === 1) !== (sex === 'M')) s = (s + 1) % 1000;
  const first17 = area + birthDate.replace(/-/g, '') + String(s).padStart(3, '0');
  return first17 + computeIdCheck(first17);
}

export async function xlsxOf(
  rows: unknown[][],
  opts: { sheetName?: string; textColumns?: number[]; before?: (wb: ExcelJS.Workbook) => void } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  opts.before?.(wb);
  const ws = wb.addWorksheet(opts.sheetName ?? 'Sheet1');
  for (const c of opts.textColumns ?? []) ws.getColumn(c).numFmt = '@';
  rows.forEach((r, i) => {
    if (r.length) ws.getRow(i + 1).values = r as ExcelJS.CellValue[];
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvText(rows: unknown[][]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function csvOf(rows: unknown[][], encoding: 'utf8' | 'utf8bom' | 'gbk'): Buffer {
  const text = csvText(rows);
  if (encoding === 'gbk') return iconv.encode(text, 'gbk');
  return Buffer.from((encoding === 'utf8bom' ? '\uFEFF' : '') + text, 'utf8');
}

/** A multipart/form-data body with the given fields and one file. */
export function multipartBody(fields: Record<string, string>, file: { name: string; content: Buffer; type?: string }) {
  const boundary = '----gonghui' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
    ),
  );
  parts.push(file.content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
