/**
 * The limit for the xlsx import: reading the same file with ExcelJS alone (its streaming
 * WorkbookReader, the reader the import uses), touching every cell and nothing more.
 * Prints {ms, rows, cells, peakRssMiB} as JSON.
 */
import fs from 'node:fs';
import ExcelJS from '../../server/src/platform/exceljs.js';

const file = process.argv[2]!;
const t0 = performance.now();
let rows = 0;
let cells = 0;
const reader = new ExcelJS.stream.xlsx.WorkbookReader(fs.createReadStream(file, { highWaterMark: 256 * 1024 }), {
  worksheets: 'emit',
  sharedStrings: 'cache',
  styles: 'cache',
  hyperlinks: 'ignore',
  entries: 'ignore',
} as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookReader>[1]);
for await (const ws of reader as AsyncIterable<AsyncIterable<ExcelJS.Row>>) {
  for await (const row of ws) {
    rows++;
    const values = row.values as unknown[];
    for (let i = 1; i < values.length; i++) if (values[i] !== undefined) cells++;
  }
}
const ms = performance.now() - t0;
const hwm = Number(/^VmHWM:\s+(\d+)/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024;
console.log(JSON.stringify({ ms, rows, cells, peakRssMiB: hwm }));
