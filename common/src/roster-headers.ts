/**
 * Finding the header row of a member roster (会员花名册) as Chinese offices really keep them: one or
 * more title rows above the header ("XX公司工会会员花名册", "填报日期：…"), header synonyms
 * (姓名/名字, 身份证号/公民身份号码/证件号码 …), columns in any order, full-width spaces, required
 * markers (*) and notes in brackets ("手机号码（选填）"), and extra columns that are ignored.
 * Pure: the server's import and the web app's template use the same list.
 */
import { toHalfWidth as toHalfWidthChars } from './text-normalise.js';

const WIDE_SPACE = /[\u3000\u00A0]/;

export type RosterField =
  | 'name'
  | 'idNumber'
  | 'mobile'
  | 'sex'
  | 'birthDate'
  | 'ethnicity'
  | 'education'
  | 'politicalStatus'
  | 'employmentForm'
  | 'migrantWorker'
  | 'occupation'
  | 'employerName'
  | 'joinDate'
  | 'cardNo'
  | 'remark';

export interface RosterColumnDef {
  field: RosterField;
  /** The header the template uses. */
  label: string;
  en: string;
  required: boolean;
  /** Header texts that mean this column (compared after `normaliseHeader`). */
  synonyms: string[];
}

/** The roster columns in template order. `remark` is recognised so that it is not reported, and then ignored. */
export const ROSTER_COLUMNS: readonly RosterColumnDef[] = [
  { field: 'name', label: '姓名', en: 'Name', required: true, synonyms: ['姓名', '名字', '会员姓名', '职工姓名', '员工姓名'] },
  {
    field: 'idNumber',
    label: '身份证号',
    en: 'ID number',
    required: true,
    synonyms: ['身份证号', '身份证号码', '公民身份号码', '公民身份证号码', '证件号码', '证件号', '身份证', '居民身份证号码', '身份证件号码'],
  },
  { field: 'mobile', label: '手机号码', en: 'Mobile', required: false, synonyms: ['手机', '手机号', '手机号码', '联系电话', '电话', '联系方式', '移动电话'] },
  { field: 'sex', label: '性别', en: 'Sex', required: false, synonyms: ['性别'] },
  { field: 'birthDate', label: '出生日期', en: 'Birth date', required: false, synonyms: ['出生日期', '出生年月', '出生年月日', '生日'] },
  { field: 'ethnicity', label: '民族', en: 'Ethnicity', required: false, synonyms: ['民族'] },
  { field: 'education', label: '学历', en: 'Education', required: false, synonyms: ['学历', '文化程度', '最高学历'] },
  { field: 'politicalStatus', label: '政治面貌', en: 'Political status', required: false, synonyms: ['政治面貌'] },
  {
    field: 'employmentForm',
    label: '用工形式',
    en: 'Employment form',
    required: false,
    synonyms: ['用工形式', '就业形态', '职工类型', '就业形式', '用工类型'],
  },
  { field: 'migrantWorker', label: '是否农民工', en: 'Migrant worker', required: false, synonyms: ['是否农民工', '农民工'] },
  { field: 'occupation', label: '职业', en: 'Occupation', required: false, synonyms: ['职业', '岗位', '工种', '职务', '岗位工种'] },
  { field: 'employerName', label: '工作单位', en: 'Employer', required: false, synonyms: ['工作单位', '用人单位', '单位名称', '所在单位'] },
  { field: 'joinDate', label: '入会时间', en: 'Join date', required: false, synonyms: ['入会时间', '入会日期', '入会年月'] },
  { field: 'cardNo', label: '会员证号', en: 'Card number', required: false, synonyms: ['会员证号', '会员卡号', '会员证号码', '会员卡号码', '会员证编号'] },
  { field: 'remark', label: '备注', en: 'Remark', required: false, synonyms: ['备注', '说明'] },
];

const BY_SYNONYM = new Map<string, RosterField>();
for (const c of ROSTER_COLUMNS) for (const s of c.synonyms) BY_SYNONYM.set(normaliseHeader(s), c.field);

export const ROSTER_COLUMN_BY_FIELD = new Map(ROSTER_COLUMNS.map((c) => [c.field, c] as const));

/** How many non-blank rows from the top may hold the header. */
export const HEADER_SEARCH_ROWS = 10;

/** Full-width ASCII (Ａ-ｚ, ０-９, punctuation) to half-width, ideographic space to a space. */
export function toHalfWidth(s: string): string {
  const half = toHalfWidthChars(s);
  return WIDE_SPACE.test(half) ? half.replace(/[\u3000\u00A0]/g, ' ') : half;
}

/** A header cell as it is compared: half-width, no spaces, no required markers, no bracketed notes, no trailing colon. */
export function normaliseHeader(text: string): string {
  return toHalfWidth(text)
    .replace(/[([【〔][^)\]】〕]*[)\]】〕]/g, '')
    .replace(/[\s*:：※★]/g, '')
    .toLowerCase();
}

/** Which roster field a header cell names, or null. */
export function matchHeader(text: string): RosterField | null {
  const n = normaliseHeader(text);
  return n ? (BY_SYNONYM.get(n) ?? null) : null;
}

export interface DetectedColumn {
  /** 0-based index of the cell in the row. */
  index: number;
  field: RosterField;
  /** The user's own header text, for messages. */
  header: string;
}

export interface HeaderRow {
  /** The row number the user sees (1-based). */
  rowNo: number;
  cells: readonly unknown[];
}

export type HeaderProblem = 'no_header' | 'missing_required';

export type HeaderDetection =
  | {
      ok: true;
      rowNo: number;
      columns: DetectedColumn[];
      unknown: { index: number; header: string }[];
      duplicates: { index: number; header: string; field: RosterField }[];
    }
  | { ok: false; problem: HeaderProblem; rowNo: number | null; missing: RosterField[]; zh: string; en: string };

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

export function isBlankRow(cells: readonly unknown[]): boolean {
  return cells.every((c) => toHalfWidth(cellText(c)).trim() === '');
}

const REQUIRED = ROSTER_COLUMNS.filter((c) => c.required);

/**
 * Find the header among the first `HEADER_SEARCH_ROWS` non-blank rows: the row whose cells name the
 * most roster columns (the earliest wins a tie). Title rows match nothing; a row must name at least
 * two columns to count as a header. The first column of each field wins; later ones are duplicates.
 */
export function detectHeader(rows: readonly HeaderRow[]): HeaderDetection {
  let best: { row: HeaderRow; score: number } | null = null;
  let seen = 0;
  for (const row of rows) {
    if (isBlankRow(row.cells)) continue;
    if (++seen > HEADER_SEARCH_ROWS) break;
    const fields = new Set(row.cells.map((c) => matchHeader(cellText(c))).filter((f) => f !== null));
    if (fields.size >= 2 && (!best || fields.size > best.score)) best = { row, score: fields.size };
  }
  if (!best) {
    const names = REQUIRED.map((c) => c.label).join('”和“');
    return {
      ok: false,
      problem: 'no_header',
      rowNo: null,
      missing: REQUIRED.map((c) => c.field),
      zh: `在前${HEADER_SEARCH_ROWS}行中没有找到表头行。请确认表格含有“${names}”等列标题（可下载导入模板对照）`,
      en: `No header row was found in the first ${HEADER_SEARCH_ROWS} rows. The sheet needs column headers such as 姓名 (name) and 身份证号 (ID number); download the template to compare`,
    };
  }
  const columns: DetectedColumn[] = [];
  const unknown: { index: number; header: string }[] = [];
  const duplicates: { index: number; header: string; field: RosterField }[] = [];
  best.row.cells.forEach((c, index) => {
    const header = cellText(c);
    if (!header) return;
    const field = matchHeader(header);
    if (!field) unknown.push({ index, header });
    else if (columns.some((x) => x.field === field)) duplicates.push({ index, header, field });
    else if (field !== 'remark') columns.push({ index, field, header });
  });
  const missing = REQUIRED.filter((r) => !columns.some((c) => c.field === r.field));
  if (missing.length) {
    const labels = missing.map((m) => `“${m.label}”`).join('、');
    const syn = missing.map((m) => `${m.label}（可写作：${m.synonyms.join('、')}）`).join('；');
    return {
      ok: false,
      problem: 'missing_required',
      rowNo: best.row.rowNo,
      missing: missing.map((m) => m.field),
      zh: `第${best.row.rowNo}行是表头，但缺少必填列${labels}。${syn}`,
      en: `Row ${best.row.rowNo} is the header, but the required column(s) ${missing.map((m) => `${m.label} (${m.en})`).join(', ')} are missing`,
    };
  }
  return { ok: true, rowNo: best.row.rowNo, columns, unknown, duplicates };
}
