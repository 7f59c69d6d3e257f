import { cellText, toHalfWidth, type DetectedColumn, type RosterField } from '../../../../../common/src/roster-headers.js';
import { ID_PROBLEM_MESSAGES, idNumberFromCell, maskIdNumber } from '../../../../../common/src/id-number.js';
import { MOBILE_PROBLEM_MESSAGES, maskMobile, normaliseMobile } from '../../../../../common/src/mobile.js';
import {
  CHOSEN_EMPLOYMENT_FORMS,
  EDUCATION_LABELS,
  EDUCATION_LEVELS,
  EMPLOYMENT_FORM_LABELS,
  ETHNICITIES,
  ETHNICITY_EXTRAS,
  POLITICAL_STATUS_LABELS,
  POLITICAL_STATUSES,
  memberAgeProblem,
  normaliseEducation,
  normaliseEmploymentForm,
  normaliseEthnicity,
  normalisePoliticalStatus,
} from '../../../../../common/src/member-vocab.js';
import { MemberFieldsInput } from '../../../../../common/src/member-input.js';
import type { MemberFields } from '../member.record.js';
import type { Cell } from './roster-reader.js';

/**
 * One roster row to a member's fields, pure: full-width digits and spaces, Excel date serials and
 * the ways Chinese offices write dates, ID numbers that Excel turned into numbers, sex and birth
 * date checked against the ID number, vocabularies with their everyday synonyms. Every problem is
 * reported against the user's own column header and row number.
 */

export interface RowError {
  row: number;
  /** The user's header text, or null for a file-level problem. */
  column: string | null;
  code: string;
  message: string;
  messageEn: string;
}

/** The fields of a valid row. `joinDate` is '' when the file leaves it blank (commit keeps the stored date or uses today). */
export type ImportFields = MemberFields;

export type RowOutcome =
  | { kind: 'blank' }
  | { kind: 'valid'; rowNo: number; fields: ImportFields; cardNo: string | null; raw: Record<string, string> }
  | { kind: 'invalid'; rowNo: number; errors: RowError[]; raw: Record<string, string>; idNumber: string | null };

const DAY_MS = 86_400_000;
/** Excel's day 0 is 1899-12-30 once its phantom 1900-02-29 (serial 60) is passed. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const days = Math.floor(serial) + (serial < 60 ? 1 : 0);
  return new Date(EXCEL_EPOCH + days * DAY_MS).toISOString().slice(0, 10);
}

function isoOf(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return dt.toISOString().slice(0, 10);
}

export type DateParse = { ok: true; value: string; precision: 'day' | 'month' } | { ok: false } | null;

/**
 * A date cell: a Date (ExcelJS), an Excel serial (44260), or text written as 2021-03-05, 2021/3/5,
 * 2021.3.5, 2021年3月5日, 20210305 (a trailing time is ignored), or a month (2021.3, 2021年3月 → the 1st).
 * Null for a blank cell.
 */
export function parseDateCell(v: Cell): DateParse {
  if (v === null) return null;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { ok: false };
    const iso = isoOf(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
    return iso ? { ok: true, value: iso, precision: 'day' } : { ok: false };
  }
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 19000101 && v <= 21001231) return parseDateCell(String(v));
    const iso = v >= 1 && v < 100000 ? excelSerialToIso(v) : null;
    return iso ? { ok: true, value: iso, precision: 'day' } : { ok: false };
  }
  const s = toHalfWidth(String(v))
    .trim()
    .replace(/\s+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/, '')
    .replace(/\s+/g, '');
  if (!s) return null;
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const iso = isoOf(+m[1]!, +m[2]!, +m[3]!);
    return iso ? { ok: true, value: iso, precision: 'day' } : { ok: false };
  }
  m = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(s) ?? /^(\d{4})(\d{2})$/.exec(s);
  if (m) {
    const iso = isoOf(+m[1]!, +m[2]!, 1);
    return iso ? { ok: true, value: iso, precision: 'month' } : { ok: false };
  }
  if (/^\d{5}(\.\d+)?$/.test(s)) {
    const iso = excelSerialToIso(Number(s));
    return iso ? { ok: true, value: iso, precision: 'day' } : { ok: false };
  }
  return { ok: false };
}

const SEX_WORDS: Record<string, 'M' | 'F'> = { 男: 'M', 男性: 'M', m: 'M', male: 'M', 女: 'F', 女性: 'F', f: 'F', female: 'F' };
const YES = new Set(['是', 'y', 'yes', '1', 'true', '√', '✓', '✔', '农民工', '是农民工']);
const NO = new Set(['否', 'n', 'no', '0', 'false', '×', '✗', '非农民工', '不是']);
const SEX_ZH = { M: '男', F: '女' } as const;

/** Text of a cell with full-width characters and odd spaces folded, trimmed. */
function text(v: Cell): string {
  return toHalfWidth(cellText(v))
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Vocab {
  normalise: (s: string) => string | null;
  allowed: readonly string[];
  code: string;
  en: string;
}

const VOCABS: Partial<Record<RosterField, Vocab>> = {
  ethnicity: { normalise: normaliseEthnicity, allowed: [...ETHNICITIES, ...ETHNICITY_EXTRAS], code: 'ETHNICITY_INVALID', en: 'ethnicity' },
  education: { normalise: normaliseEducation, allowed: EDUCATION_LEVELS.map((e) => EDUCATION_LABELS[e].zh), code: 'EDUCATION_INVALID', en: 'education' },
  politicalStatus: {
    normalise: normalisePoliticalStatus,
    allowed: POLITICAL_STATUSES.map((p) => POLITICAL_STATUS_LABELS[p].zh),
    code: 'POLITICAL_STATUS_INVALID',
    en: 'political status',
  },
  employmentForm: {
    normalise: normaliseEmploymentForm,
    allowed: [...CHOSEN_EMPLOYMENT_FORMS.map((f) => EMPLOYMENT_FORM_LABELS[f].zh), '劳动合同制', '合同制'],
    code: 'EMPLOYMENT_FORM_INVALID',
    en: 'employment form',
  },
};

const DATE_HINT = '可写作 2021-03-05、2021/3/5、2021.3.5、2021年3月5日 或 20210305';
const DATE_HINT_EN = 'write it as 2021-03-05, 2021/3/5, 2021.3.5, 2021年3月5日 or 20210305';

/** The row's values for the error report: recognised columns only, ID number and mobile masked. */
function rawValues(cells: Cell[], columns: DetectedColumn[]): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const c of columns) {
    const v = text(cells[c.index] ?? null);
    if (!v) continue;
    raw[c.header] = c.field === 'idNumber' ? maskIdNumber(v) : c.field === 'mobile' ? maskMobile(v) : v.slice(0, 200);
  }
  return raw;
}

const byFieldCache = new WeakMap<DetectedColumn[], Map<RosterField, DetectedColumn>>();

/** Normalise and check one data row. `today` is the import date (YYYY-MM-DD, China time). */
export function normaliseRow(rowNo: number, cells: Cell[], columns: DetectedColumn[], today: string): RowOutcome {
  let byField = byFieldCache.get(columns);
  if (!byField) byFieldCache.set(columns, (byField = new Map(columns.map((c) => [c.field, c]))));
  const get = (f: RosterField) => {
    const col = byField.get(f);
    return col ? { header: col.header, value: cells[col.index] ?? null } : null;
  };
  if (columns.every((c) => text(cells[c.index] ?? null) === '')) return { kind: 'blank' };

  const errors: RowError[] = [];
  const err = (column: string | null, code: string, message: string, messageEn: string) => errors.push({ row: rowNo, column, code, message, messageEn });

  // Name: letters and the middle dot of minority names; spaces inside dropped as the form does.
  const nameCell = get('name')!;
  const name = text(nameCell.value).replace(/\s+/g, '');
  if (!name) err(nameCell.header, 'NAME_REQUIRED', `“${nameCell.header}”不能为空`, `${nameCell.header}: the name is required`);
  else if (name.length > 40 || !/^[\p{L}·•.]+$/u.test(name)) {
    err(
      nameCell.header,
      'NAME_INVALID',
      `“${nameCell.header}”只能包含文字和间隔号“·”，且不超过40字`,
      `${nameCell.header}: letters and the middle dot only, up to 40 characters`,
    );
  }

  // ID number: the person's key. A number cell beyond 15 digits has already lost digits.
  const idCell = get('idNumber')!;
  const id = idNumberFromCell(
    typeof idCell.value === 'string' ? toHalfWidth(idCell.value) : idCell.value instanceof Date ? cellText(idCell.value) : idCell.value,
    today,
  );
  if (!id.ok) {
    const m = ID_PROBLEM_MESSAGES[id.code];
    if (id.code === 'empty') err(idCell.header, 'ID_REQUIRED', `“${idCell.header}”不能为空`, `${idCell.header}: the ID number is required`);
    else if (id.code === 'looks_numeric') err(idCell.header, 'ID_NUMERIC', `“${idCell.header}”列：${m.zh}`, `${idCell.header} column: ${m.en}`);
    else err(idCell.header, 'ID_INVALID', `“${idCell.header}”：${m.zh}`, `${idCell.header}: ${m.en}`);
  }

  // Age on the import date: under 16 refused (劳动法 Art. 15), over 100 taken for a typing error to correct.
  const age = id.ok ? memberAgeProblem(id.birthDate, today) : null;
  if (age) err(idCell.header, age.code, `“${idCell.header}”：${age.zh}`, `${idCell.header}: ${age.en}`);

  const sexCell = get('sex');
  const sexText = sexCell ? text(sexCell.value).toLowerCase() : '';
  if (sexCell && sexText) {
    const sex = SEX_WORDS[sexText];
    if (!sex) err(sexCell.header, 'SEX_INVALID', `“${sexCell.header}”应填写“男”或“女”`, `${sexCell.header}: write 男 (male) or 女 (female)`);
    else if (id.ok && sex !== id.sex) {
      err(
        sexCell.header,
        'SEX_MISMATCH',
        `“${sexCell.header}”填写为“${SEX_ZH[sex]}”，与身份证号不一致（身份证号表明为${SEX_ZH[id.sex]}）`,
        `${sexCell.header} says ${sex} but the ID number says ${id.sex}`,
      );
    }
  }

  const date = (f: 'birthDate' | 'joinDate') => {
    const c = get(f);
    if (!c) return null;
    const d = parseDateCell(c.value);
    if (d && !d.ok)
      err(
        c.header,
        'DATE_INVALID',
        `“${c.header}”的“${text(c.value)}”不是有效日期，${DATE_HINT}`,
        `${c.header}: "${text(c.value)}" is not a valid date; ${DATE_HINT_EN}`,
      );
    return d && d.ok ? { ...d, header: c.header } : null;
  };
  const birth = date('birthDate');
  if (birth && id.ok) {
    const same = birth.precision === 'day' ? birth.value === id.birthDate : birth.value.slice(0, 7) === id.birthDate.slice(0, 7);
    if (!same)
      err(
        birth.header,
        'BIRTH_MISMATCH',
        `“${birth.header}”与身份证号不一致（身份证号中的出生日期为${id.birthDate}）`,
        `${birth.header} contradicts the ID number (which gives ${id.birthDate})`,
      );
  }
  const join = date('joinDate');
  if (join && join.value > today) err(join.header, 'JOIN_DATE_FUTURE', `“${join.header}”不能晚于今天`, `${join.header} is in the future`);
  else if (join && id.ok && join.value < id.birthDate)
    err(join.header, 'JOIN_DATE_BEFORE_BIRTH', `“${join.header}”早于出生日期`, `${join.header} is before the birth date`);

  let mobile: string | null = null;
  const mobileCell = get('mobile');
  const mobileText = mobileCell ? text(mobileCell.value) : '';
  if (mobileCell && mobileText) {
    const m = normaliseMobile(typeof mobileCell.value === 'number' ? String(mobileCell.value) : mobileText);
    if (m.ok) mobile = m.value;
    else
      err(
        mobileCell.header,
        'MOBILE_INVALID',
        `“${mobileCell.header}”：${MOBILE_PROBLEM_MESSAGES[m.code].zh}`,
        `${mobileCell.header}: ${MOBILE_PROBLEM_MESSAGES[m.code].en}`,
      );
  }

  const vocab: Record<string, string | null> = {};
  for (const [field, v] of Object.entries(VOCABS) as [RosterField, Vocab][]) {
    const c = get(field);
    const t = c ? text(c.value) : '';
    vocab[field] = null;
    if (!c || !t) continue;
    const n = v.normalise(t);
    if (n) vocab[field] = n;
    else
      err(
        c.header,
        v.code,
        `“${c.header}”的值“${t.slice(0, 20)}”无法识别，可填写：${v.allowed.join('、')}`,
        `${c.header}: unknown ${v.en} "${t.slice(0, 20)}"; allowed: ${v.allowed.join(', ')}`,
      );
  }

  let migrantWorker = false;
  const migrantCell = get('migrantWorker');
  const migrantText = migrantCell ? text(migrantCell.value).toLowerCase() : '';
  if (migrantCell && migrantText) {
    if (YES.has(migrantText) || migrantCell.value === true) migrantWorker = true;
    else if (!NO.has(migrantText))
      err(migrantCell.header, 'MIGRANT_WORKER_INVALID', `“${migrantCell.header}”应填写“是”或“否”`, `${migrantCell.header}: write 是 (yes) or 否 (no)`);
  }

  const free = (f: 'occupation' | 'employerName', max: number) => {
    const c = get(f);
    const t = c ? text(c.value) : '';
    if (c && t.length > max) err(c.header, 'TEXT_TOO_LONG', `“${c.header}”不能超过${max}字`, `${c.header}: at most ${max} characters`);
    return t || null;
  };
  const occupation = free('occupation', 60);
  const employerName = free('employerName', 100);

  let cardNo: string | null = null;
  const cardCell = get('cardNo');
  const cardText = cardCell ? text(cardCell.value).replace(/\s+/g, '').toUpperCase() : '';
  if (cardCell && cardText) {
    if (/^[A-Z0-9-]{1,20}$/.test(cardText)) cardNo = cardText;
    else
      err(
        cardCell.header,
        'CARD_NO_INVALID',
        `“${cardCell.header}”只能包含字母、数字和短横线，不超过20位`,
        `${cardCell.header}: letters, digits and dashes, up to 20`,
      );
  }

  const raw = rawValues(cells, columns);
  if (errors.length || !id.ok) return { kind: 'invalid', rowNo, errors, raw, idNumber: id.ok ? id.value : null };

  const fields: ImportFields = {
    name,
    idNumber: id.value,
    idKind: id.kind,
    birthDate: id.birthDate,
    sex: id.sex,
    mobile,
    ethnicity: vocab.ethnicity ?? null,
    education: vocab.education ?? null,
    politicalStatus: vocab.politicalStatus ?? null,
    // A blank cell is 未填 (unknown), never standard employment; the cell's own text is kept beside its category.
    employmentForm: vocab.employmentForm ?? 'unknown',
    migrantWorker,
    occupation,
    employerName,
    joinDate: join?.value ?? '',
  };
  const formCell = get('employmentForm');
  const formText = formCell ? text(formCell.value).slice(0, 40) : '';
  if (formText) fields.employmentFormText = formText;
  // The form's own schema has the last word, so an import never stores what the form would refuse.
  const check = MemberFieldsInput.safeParse({ ...fields, joinDate: fields.joinDate || today });
  if (!check.success) {
    for (const issue of check.error.issues) {
      const field = String(issue.path[0] ?? '') as RosterField;
      const header = columns.find((c) => c.field === field)?.header ?? null;
      const [zh, en] = issue.message.split(' / ');
      err(header, 'FIELD_INVALID', header ? `“${header}”：${zh}` : zh!, en ?? zh!);
    }
    return { kind: 'invalid', rowNo, errors, raw, idNumber: id.value };
  }
  return { kind: 'valid', rowNo, fields, cardNo, raw };
}
