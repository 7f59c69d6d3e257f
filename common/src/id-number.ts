/**
 * Resident identity numbers (公民身份号码), GB 11643-1999, and the residence permits for Hong Kong,
 * Macao and Taiwan residents (港澳台居民居住证, area codes 810000 / 820000 / 830000), which use the
 * same layout: 6-digit area code, 8-digit birth date, 3-digit sequence (odd = male), check
 * character by ISO 7064 MOD 11-2. See docs/rules.md "Identifiers".
 */
import { todayInChina } from './dates.js';
import { removeSpaces, toHalfWidth } from './text-normalise.js';

export type IdProblem = 'empty' | 'length' | 'format' | 'checksum' | 'birth_date' | 'area' | 'looks_numeric';
export type IdKind = 'resident' | 'hk' | 'mo' | 'tw';
export type IdSex = 'M' | 'F';

export type IdNumberResult = { ok: true; value: string; kind: IdKind; birthDate: string; sex: IdSex; converted15?: boolean } | { ok: false; code: IdProblem };

/** ISO 7064 MOD 11-2 weights (2^(17−i) mod 11) as listed in GB 11643-1999 §8.2. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** Check character indexed by (Σ digit×weight) mod 11, GB 11643-1999 §8.2. */
const CHECK_CHARS = '10X98765432';

/** Province-level prefixes of GB/T 2260 (11–65), 71 Taiwan, 81 Hong Kong, 82 Macao, and 83 (Taiwan residents' permits). */
const PROVINCE_PREFIXES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

/** Area codes of the HK/MO/TW residence permits (国务院办公厅《港澳台居民居住证申领发放办法》, 2018). */
const PERMIT_AREAS: Record<string, Exclude<IdKind, 'resident'>> = { '810000': 'hk', '820000': 'mo', '830000': 'tw' };

/** Earliest birth date accepted: the brief's floor, 1900-01-01 (15-digit numbers imply 19xx anyway). */
const EARLIEST_BIRTH = '1900-01-01';

/** Check character for the first 17 digits of an 18-digit number, by ISO 7064 MOD 11-2 (GB 11643-1999 §8.2); throws on anything but 17 digits. */
export function computeIdCheck(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('computeIdCheck needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Clean a typed or pasted value (GB 11643-1999 uses only 0-9 and upper-case X): trim, drop spaces incl. U+3000/NBSP, full-width to half-width, upper-case. */
export function normaliseIdInput(input: string): string {
  return removeSpaces(toHalfWidth(input)).toUpperCase();
}

/** Whether a value carries the marks of a spreadsheet number: scientific notation, a decimal point or thousands separators. */
function numericNotation(v: string): boolean {
  return /^\d+(\.\d*)?E[+-]?\d+$/.test(v) || /^\d+\.\d*$/.test(v) || /^\d{1,3}(,\d{3})+(\.\d*)?$/.test(v);
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate(); // day 0 of the next month = last day of month m
  return d <= days;
}

/** The birth date as YYYY-MM-DD when it is a real date between 1900-01-01 and today, else null. */
function birthDateOf(yyyymmdd: string, today: string): string | null {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (!isRealDate(y, m, d)) return null;
  const iso = `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
  if (iso < EARLIEST_BIRTH || iso > today) return null;
  return iso;
}

/** The kind of number its area code denotes, or null when the area code is not a valid one. */
function kindOfArea(area: string): IdKind | null {
  const permit = PERMIT_AREAS[area];
  if (permit) return permit;
  const prefix = area.slice(0, 2);
  if (!PROVINCE_PREFIXES.has(prefix)) return null;
  // 81/82/83 only occur as the exact permit codes above.
  if (prefix === '81' || prefix === '82' || prefix === '83') return null;
  return 'resident';
}

/** Validate and normalise an 18-digit ID number or residence-permit number, converting a legacy 15-digit one (GB 11643-1999 §4, Annex; docs/rules.md "Identifiers"). */
export function parseIdNumber(input: string, today: string = todayInChina()): IdNumberResult {
  const v = normaliseIdInput(input);
  if (v === '') return { ok: false, code: 'empty' };
  if (numericNotation(v)) return { ok: false, code: 'looks_numeric' };
  if (!/^[0-9X]+$/.test(v)) return { ok: false, code: 'format' };

  if (v.length === 15) {
    if (!/^\d{15}$/.test(v)) return { ok: false, code: 'format' };
    const kind = kindOfArea(v.slice(0, 6));
    // Residence permits date from 2018 and never had a 15-digit form.
    if (kind !== 'resident') return { ok: false, code: 'area' };
    const birthDate = birthDateOf('19' + v.slice(6, 12), today);
    if (!birthDate) return { ok: false, code: 'birth_date' };
    const first17 = v.slice(0, 6) + '19' + v.slice(6);
    return {
      ok: true,
      value: first17 + computeIdCheck(first17),
      kind,
      birthDate,
      sex: sexOfSequence(v.slice(12, 15)),
      converted15: true,
    };
  }

  if (v.length === 17 && /^\d+00$/.test(v)) return { ok: false, code: 'looks_numeric' };
  if (v.length !== 18) return { ok: false, code: 'length' };
  if (!/^\d{17}[\dX]$/.test(v)) return { ok: false, code: 'format' };

  const kind = kindOfArea(v.slice(0, 6));
  if (!kind) return { ok: false, code: 'area' };
  const birthDate = birthDateOf(v.slice(6, 14), today);
  if (!birthDate) return { ok: false, code: 'birth_date' };
  if (computeIdCheck(v.slice(0, 17)) !== v[17]) {
    // Excel keeps 15 significant digits, so an ID stored as a number ends in zeros.
    return { ok: false, code: v.endsWith('00') ? 'looks_numeric' : 'checksum' };
  }
  return { ok: true, value: v, kind, birthDate, sex: sexOfSequence(v.slice(14, 17)) };
}

function sexOfSequence(seq: string): IdSex {
  return Number(seq[2]) % 2 === 1 ? 'M' : 'F';
}

/** Parse a spreadsheet cell (exceljs value, CSV string or number): numbers above 1e15 have lost digits beyond Excel's 15 significant digits, so they are refused as 'looks_numeric'. */
export function idNumberFromCell(cell: unknown, today: string = todayInChina()): IdNumberResult {
  if (cell === null || cell === undefined) return { ok: false, code: 'empty' };
  if (typeof cell === 'string') return parseIdNumber(cell, today);
  if (typeof cell === 'bigint') return parseIdNumber(cell.toString(), today);
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return { ok: false, code: 'format' };
    if (cell > 1e15 || !Number.isInteger(cell)) return { ok: false, code: 'looks_numeric' };
    return parseIdNumber(String(cell), today);
  }
  if (typeof cell === 'object') {
    // exceljs shapes: rich text { richText: [{ text }] }, hyperlink { text }, formula { result }.
    const o = cell as { richText?: unknown; text?: unknown; result?: unknown };
    if (Array.isArray(o.richText)) {
      return parseIdNumber(o.richText.map((r) => (r && typeof r === 'object' && typeof r.text === 'string' ? r.text : '')).join(''), today);
    }
    if (typeof o.text === 'string') return parseIdNumber(o.text, today);
    if ('result' in o) return idNumberFromCell(o.result, today);
  }
  return { ok: false, code: 'format' };
}

/** Display mask required by docs/rules.md "Personal information and security": first 6 + 8 asterisks + last 4 (`410302********1234`); short values are fully masked. */
export function maskIdNumber(v: string): string {
  const s = normaliseIdInput(v);
  if (s.length < 15) return '*'.repeat(s.length);
  return s.slice(0, 6) + '********' + s.slice(-4);
}

export const ID_PROBLEM_MESSAGES: Record<IdProblem, { zh: string; en: string }> = {
  empty: { zh: '请填写身份证号', en: 'Please enter the ID number' },
  length: { zh: '身份证号应为18位（旧版为15位）', en: 'An ID number has 18 characters (15 for the old format)' },
  format: {
    zh: '身份证号只能由数字组成，最后一位可以是X',
    en: 'An ID number consists of digits; only the last character may be X',
  },
  checksum: {
    zh: '身份证号校验位不正确，请逐位核对',
    en: 'The check character of the ID number is wrong; please check each digit',
  },
  birth_date: {
    zh: '身份证号中的出生日期无效（须为1900年以后、不晚于今天的真实日期）',
    en: 'The birth date in the ID number is not valid (a real date from 1900 up to today)',
  },
  area: {
    zh: '身份证号前6位地区码无效',
    en: 'The area code (first 6 digits) of the ID number is not valid',
  },
  looks_numeric: {
    zh: '身份证号被 Excel 转成了数字，后几位已丢失：请将该列设置为“文本”格式后重新填写身份证号',
    en: 'Excel turned the ID number into a number and its last digits are lost: set the column to "Text" format and enter the ID numbers again',
  },
};
