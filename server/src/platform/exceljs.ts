import { createRequire } from 'node:module';
import { PassThrough } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type * as ExcelJSTypes from 'exceljs';

/**
 * ExcelJS, with one upstream bug mended before anything loads it: its streaming XML parser turns
 * each chunk into text on its own, so a Chinese character whose UTF-8 bytes straddle two chunks
 * becomes "��" (exceljs issues #2063/#2084, fixes unmerged). Real rosters are Chinese, so we
 * replace that one function with a version that decodes across chunk boundaries. Import ExcelJS
 * only through this module.
 */
const require = createRequire(import.meta.url);
const parseSaxPath = require.resolve('exceljs/lib/utils/parse-sax.js');
const { SaxesParser } = createRequire(parseSaxPath)('saxes') as { SaxesParser: new () => SaxParser };

interface SaxParser {
  on(event: string, fn: (value: unknown) => void): void;
  write(s: string): void;
}

async function* parseSaxUtf8(input: unknown) {
  // Old-style streams are upgraded to async iterables, as the original does.
  const src = input as { pipe?: (d: PassThrough) => unknown; [Symbol.asyncIterator]?: unknown };
  const iterable = (src.pipe && !src[Symbol.asyncIterator] ? src.pipe(new PassThrough()) : src) as AsyncIterable<Buffer | string>;
  const parser = new SaxesParser();
  const decoder = new StringDecoder('utf8');
  let error: unknown;
  let events: { eventType: string; value: unknown }[] = [];
  parser.on('error', (e) => (error = e));
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  for await (const chunk of iterable) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.write(Buffer.from(chunk)));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.end();
  if (rest) {
    parser.write(rest);
    if (error) throw error;
    yield events;
  }
}

require(parseSaxPath);
require.cache[parseSaxPath]!.exports = parseSaxUtf8;

const ExcelJS = require('exceljs') as typeof ExcelJSTypes;
// The namespace half keeps `ExcelJS.Worksheet`-style type references working for importers.
// eslint-disable-next-line @typescript-eslint/no-namespace
declare namespace ExcelJS {
  export type Workbook = ExcelJSTypes.Workbook;
  export type Worksheet = ExcelJSTypes.Worksheet;
  export type Row = ExcelJSTypes.Row;
  export type Cell = ExcelJSTypes.Cell;
  export type CellValue = ExcelJSTypes.CellValue;
  export type DataValidation = ExcelJSTypes.DataValidation;
}
export default ExcelJS;
