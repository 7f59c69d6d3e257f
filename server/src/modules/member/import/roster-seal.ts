import { v7 as uuidv7 } from 'uuid';
import { buildMemberRecord, idIndexOf } from '../member.record.js';
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
}

/** Member fields a column of the roster feeds; a column missing from the file leaves stored values alone. */
const FIELD_KEYS: Partial<Record<RosterField, string[]>> = {
  mobile: ['mobileCipher', 'mobileIndex', 'mobileMasked'],
  ethnicity: ['ethnicity'], education: ['education'], politicalStatus: ['politicalStatus'], employmentForm: ['employmentForm'],
  migrantWorker: ['migrantWorker'], occupation: ['occupation'], employerName: ['employerName'],
};

/** A text[] literal ({"a","b"}): the commit casts it instead of unnesting a jsonb array per row. */
export function pgTextArray(values: string[]): string {
  return '{' + values.map((v) => '"' + v.replace(/["\\]/g, '\\$&') + '"').join(',') + '}';
}

/** The staged data of a row (see SealedRow.data); inverse of the JSON text. */
export const stagedData = (row: SealedRow): Record<string, unknown> => JSON.parse(row.data) as Record<string, unknown>;

export function sealChunk(keys: KeyRing, chunk: ParsedChunk, present: ReadonlySet<RosterField>): SealedChunk {
  const absent = Object.entries(FIELD_KEYS).filter(([f]) => !present.has(f as RosterField)).flatMap(([, k]) => k!);
  return {
    rowsDone: chunk.rowsDone,
    invalid: chunk.invalid.map((r) => ({ rowNo: r.rowNo, errors: r.errors, raw: r.raw, idIndex: r.idNumber ? idIndexOf(keys, r.idNumber) : null })),
    valid: chunk.valid.map((v) => {
      const { idIndex, rowHash, nameGrams, ...rec } = buildMemberRecord(keys, v.fields);
      // id_index and row_hash have their own columns; the grams travel as a text[] literal.
      const data: Record<string, unknown> = { ...rec, nameGrams: pgTextArray(nameGrams), id: uuidv7(), eventId: uuidv7(), cardNo: v.cardNo, raw: v.raw };
      for (const k of absent) delete data[k];
      return { rowNo: v.rowNo, idIndex, rowHash, cardNo: v.cardNo, data: JSON.stringify(data) };
    }),
  };
}

/** A value both sides compute to make sure the worker derived the same keys as the main thread. */
export const keyProbe = (keys: KeyRing) => keys.blindIndex('gonghui-import-key-probe', 'probe');
