import crypto from 'node:crypto';
import { buildMemberRecord, idIndexOf, type MemberRecord } from '../member.record.js';
import type { KeyRing } from '../../../platform/crypto.js';
import type { RosterField } from '../../../../../common/src/roster-headers.js';
import type { ParsedChunk } from './roster-parse.js';
import type { RowError } from './roster-row.js';

/**
 * Seal a parsed chunk for staging: every valid row becomes its stored member record
 * (buildMemberRecord: ID and mobile encrypted, blind indexes, masks, name grams, row hash) and a
 * rejected row keeps only the blind index of its ID. Runs in the worker thread, so plaintext ID
 * numbers and mobiles never reach the main thread or the database.
 */

export interface SealedRow {
  rowNo: number;
  idIndex: string;
  rowHash: string;
  cardNo: string | null;
  /**
   * import_row.data as JSON text (the record's fields, new ids for member and event, card number
   * and the raw values under `raw`): one string per row crosses the thread boundary cheaply and is
   * written to the staging table as it is (COPY or one JSON parameter).
   */
  data: string;
}

export interface SealedInvalid {
  rowNo: number;
  errors: RowError[];
  raw: Record<string, string>;
  idIndex: string | null;
}

export interface SealedChunk {
  valid: SealedRow[];
  invalid: SealedInvalid[];
  rowsDone: number;
  /**
   * With a COPY batch id: the valid rows as COPY text lines of import_row (batch_id, row_no,
   * id_index, data, row_hash), UTF-8 in one buffer, `ends[i]` the end of valid[i]'s line; the rows'
   * `data` is then empty. The buffer is transferred from the worker, not copied, and never becomes
   * strings on the main thread: at a million rows the main thread's heap stays flat.
   */
  copy?: { bytes: Uint8Array; ends: Uint32Array };
}

/** COPY text format: backslash is the escape; JSON text has no raw tab or newline. */
export const copyText = (s: string) => (s.includes('\\') ? s.replace(/\\/g, '\\\\') : s);

/** The `data` JSON text of valid[i] of a chunk (from its COPY line when the chunk carries one). */
export function rowData(chunk: SealedChunk, i: number): string {
  if (!chunk.copy) return chunk.valid[i]!.data;
  const start = i === 0 ? 0 : chunk.copy.ends[i - 1]!;
  return dataOfCopyLine(Buffer.from(chunk.copy.bytes.buffer, chunk.copy.bytes.byteOffset + start, chunk.copy.ends[i]! - start).toString('utf8'));
}

/** The `data` JSON text of one COPY line of import_row (its fourth field, backslashes unescaped). */
export const dataOfCopyLine = (line: string) => line.split('\t')[3]!.replace(/\\\\/g, '\\');

/** Member fields a column of the roster feeds; a column missing from the file leaves stored values alone. */
const FIELD_KEYS: Partial<Record<RosterField, string[]>> = {
  mobile: ['mobileCipher', 'mobileIndex', 'mobileMasked'],
  ethnicity: ['ethnicity'],
  education: ['education'],
  politicalStatus: ['politicalStatus'],
  employmentForm: ['employmentForm', 'employmentFormText'],
  migrantWorker: ['migrantWorker'],
  occupation: ['occupation'],
  employerName: ['employerName'],
};

/** Random bytes drawn 8 KiB at a time: one call into the CSPRNG per ~500 ids instead of one per id. */
const pool = Buffer.alloc(8192);
let poolAt = pool.length;
let lastMs = 0;
let seq = 0;

/**
 * A UUID version 7 (RFC 9562: 48-bit Unix milliseconds, then random bits), as uuid's v7 makes them
 * but with pooled randomness — uuid asks the CSPRNG for 16 bytes per id, which was a tenth of the
 * worker's time. Ids made in the same millisecond carry a rising 12-bit counter in rand_a, so they
 * sort in the order made (the member and event indexes stay append-mostly).
 */
export function uuid7(): string {
  if (poolAt + 10 > pool.length) {
    crypto.randomFillSync(pool);
    poolAt = 0;
  }
  let ms = Date.now();
  if (ms > lastMs) {
    lastMs = ms;
    seq = 0;
  } else if (++seq > 0xfff) {
    lastMs++;
    seq = 0;
  }
  ms = lastMs;
  const b = Buffer.allocUnsafe(16);
  b.writeUIntBE(ms, 0, 6);
  b[6] = 0x70 | (seq >> 8);
  b[7] = seq & 0xff;
  pool.copy(b, 8, poolAt, poolAt + 8);
  poolAt += 8;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A text[] literal ({"a","b"}): the commit casts it instead of unnesting a jsonb array per row. */
export function pgTextArray(values: string[]): string {
  return '{' + values.map((v) => '"' + v.replace(/["\\]/g, '\\$&') + '"').join(',') + '}';
}

/** Optional member fields in staging order, with the roster column that feeds each. */
const OPTIONAL_KEYS: [key: string, field: RosterField][] = Object.entries(FIELD_KEYS).flatMap(([f, keys]) =>
  keys!.map((k) => [k, f as RosterField] as [string, RosterField]),
);

export function sealChunk(keys: KeyRing, chunk: ParsedChunk, present: ReadonlySet<RosterField>, copyBatchId?: string): SealedChunk {
  const optional = OPTIONAL_KEYS.filter(([, f]) => present.has(f)).map(([k]) => k);
  const sealed: SealedChunk = {
    rowsDone: chunk.rowsDone,
    invalid: chunk.invalid.map((r) => ({ rowNo: r.rowNo, errors: r.errors, raw: r.raw, idIndex: r.idNumber ? idIndexOf(keys, r.idNumber) : null })),
    valid: chunk.valid.map((v) => {
      const rec = buildMemberRecord(keys, v.fields) as unknown as Record<string, unknown> & MemberRecord;
      // Built property by property in one order (no spread, no delete: both turned these objects
      // into slow dictionaries and made JSON.stringify the worker's single largest step). id_index
      // and row_hash have columns of their own; the grams travel as a text[] literal; a field whose
      // column is missing from the file is left out, so the commit keeps the stored value.
      const data: Record<string, unknown> = {
        name: rec.name,
        nameGrams: pgTextArray(rec.nameGrams),
        idCipher: rec.idCipher,
        idKind: rec.idKind,
        idMasked: rec.idMasked,
        birthDate: rec.birthDate,
        sex: rec.sex,
        joinDate: rec.joinDate,
      };
      for (const k of optional) data[k] = rec[k];
      data.id = uuid7();
      data.eventId = uuid7();
      data.cardNo = v.cardNo;
      data.raw = v.raw;
      return { rowNo: v.rowNo, idIndex: rec.idIndex, rowHash: rec.rowHash, cardNo: v.cardNo, data: JSON.stringify(data) };
    }),
  };
  if (copyBatchId !== undefined && sealed.valid.length) {
    const ends = new Uint32Array(sealed.valid.length);
    let text = '';
    let at = 0;
    sealed.valid.forEach((r, i) => {
      const line = `${copyBatchId}\t${r.rowNo}\t${r.idIndex}\t${copyText(r.data)}\t${r.rowHash}\n`;
      text += line;
      at += Buffer.byteLength(line);
      ends[i] = at;
      r.data = '';
    });
    sealed.copy = { bytes: new TextEncoder().encode(text), ends };
  }
  return sealed;
}

/** A value both sides compute to make sure the worker derived the same keys as the main thread. */
export const keyProbe = (keys: KeyRing) => keys.blindIndex('gonghui-import-key-probe', 'probe');
