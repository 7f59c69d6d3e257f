/**
 * The limit for the export: the same rows written with the library alone, no database, no masking,
 * no HTTP. Reads sample rows (a header and up to a few thousand data rows taken from the server's
 * own CSV export) and writes `--rows` rows cycling through them: ExcelJS's streaming WorkbookWriter
 * for xlsx, a plain buffered write stream for CSV. Prints {ms, rows, bytes, peakRssMiB} as JSON.
 */
import fs from 'node:fs';
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from '../../server/src/platform/exceljs.js';

const args = process.argv.slice(2);
const opt = (k: string) => args[args.indexOf(k) + 1]!;
const format = opt('--format');
const rows = Number(opt('--rows'));
const sampleFile = opt('--sample');
const out = opt('--out');

const sample = JSON.parse(fs.readFileSync(sampleFile, 'utf8')) as { header: string[]; rows: string[][] };
const data = sample.rows.length ? sample.rows : [sample.header.map(() => '')];

function csvLine(cells: string[]): string {
  return cells.map((c) => (/[",\r\n]/.test(c) ? '"' + c.replaceAll('"', '""') + '"' : c)).join(',') + '\r\n';
}

const t0 = performance.now();
/** Wait while the stream's buffer is full: the same backpressure the server's export applies per page. */
function drained(w: Writable): Promise<void> {
  if (!w.writableNeedDrain) return Promise.resolve();
  return new Promise((r) => w.once('drain', () => r()));
}

if (format === 'xlsx') {
  const pass = new PassThrough({ highWaterMark: 256 * 1024 });
  const file = fs.createWriteStream(out);
  pass.pipe(file);
  const closed = new Promise<void>((r) => file.on('close', () => r()));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: pass, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('会员');
  ws.addRow(sample.header).commit();
  for (let i = 0; i < rows; i++) {
    ws.addRow(data[i % data.length]!).commit();
    if (i % 5000 === 4999) await drained(pass);
  }
  ws.commit();
  await wb.commit();
  await closed;
} else {
  const w = fs.createWriteStream(out, { highWaterMark: 1 << 16 });
  const write = async (s: string) => {
    if (!w.write(s)) await new Promise<void>((r) => w.once('drain', () => r()));
  };
  await write('\uFEFF' + csvLine(sample.header));
  for (let i = 0; i < rows; i++) await write(csvLine(data[i % data.length]!));
  await new Promise<void>((r) => w.end(() => r()));
}
const ms = performance.now() - t0;
const status = fs.readFileSync('/proc/self/status', 'utf8');
const hwm = Number(/^VmHWM:\s+(\d+)/m.exec(status)?.[1] ?? 0) / 1024;
console.log(JSON.stringify({ ms, rows, bytes: fs.statSync(out).size, peakRssMiB: hwm }));
