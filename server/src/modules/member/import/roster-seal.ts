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
  raw: Record<string, string>;
  /** import_row.data: the record's fields, new ids for member and event, card number and raw values. */
  data: Record<string, unknown>;
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

export function sealChunk(keys: KeyRing, chunk: ParsedChunk, present: ReadonlySet<RosterField>): SealedChunk {
  const absent = Object.entries(FIELD_KEYS).filter(([f]) => !present.has(f as RosterField)).flatMap(([, k]) => k!);
  return {
    rowsDone: chunk.rowsDone,
    invalid: chunk.invalid.map((r) => ({ rowNo: r.rowNo, errors: r.errors, raw: r.raw, idIndex: r.idNumber ? idIndexOf(keys, r.idNumber) : null })),
    valid: chunk.valid.map((v) => {
      const rec = buildMemberRecord(keys, v.fields);
      const data: Record<string, unknown> = { ...rec, id: uuidv7(), eventId: uuidv7(), cardNo: v.cardNo, raw: v.raw };
      for (const k of absent) delete data[k];
      return { rowNo: v.rowNo, idIndex: rec.idIndex, rowHash: rec.rowHash, cardNo: v.cardNo, raw: v.raw, data };
    }),
  };
}

/** A value both sides compute to make sure the worker derived the same keys as the main thread. */
export const keyProbe = (keys: KeyRing) => keys.blindIndex('gonghui-import-key-probe', 'probe');
