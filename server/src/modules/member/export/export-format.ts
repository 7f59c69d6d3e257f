/**
 * The shape of a member-roster export: Chinese column headers, one row of cells per member, cells
 * neutralised against formula injection, CSV lines, and the download's file name header. Pure.
 */
import { EDUCATION_LABELS, EMPLOYMENT_FORM_LABELS, MEMBER_STATUS_LABELS, POLITICAL_STATUS_LABELS, ageOn } from '../../../../../common/src/member-vocab.js';

export const EXPORT_COLUMNS = [
  { header: '姓名', width: 10 },
  { header: '身份证号', width: 22 },
  { header: '手机号码', width: 14 },
  { header: '性别', width: 6 },
  { header: '年龄', width: 6 },
  { header: '民族', width: 10 },
  { header: '学历', width: 12 },
  { header: '政治面貌', width: 12 },
  { header: '用工形式', width: 16 },
  { header: '是否农民工', width: 10 },
  { header: '职业', width: 14 },
  { header: '工作单位', width: 30 },
  { header: '所属工会', width: 34 },
  { header: '入会日期', width: 12 },
  { header: '会员证号', width: 14 },
  { header: '会籍状态', width: 10 },
] as const;

/** What the export reads of a member (plus the union's name); ID number and mobile are already masked or decrypted. */
export interface ExportMember {
  name: string;
  idNumber: string;
  mobile: string | null;
  sex: string;
  birthDate: string;
  ethnicity: string | null;
  education: string | null;
  politicalStatus: string | null;
  employmentForm: string;
  migrantWorker: boolean;
  occupation: string | null;
  employerName: string | null;
  orgName: string;
  joinDate: string;
  cardNo: string;
  status: string;
}

export type Cell = string | number;

/**
 * Formula (CSV) injection: a spreadsheet reads a cell that starts with = + - @, a tab or a carriage
 * return as a formula (OWASP "CSV Injection"). Such text gets a leading apostrophe, which shows as
 * text and is never evaluated. XLSX cells written by ExcelJS are typed strings and never formulas,
 * but the same rule applies there too, so both formats carry the same values and an XLSX saved
 * again as CSV stays harmless.
 */
export function neutralise(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? "'" + v : v;
}

const label = <K extends string>(labels: Record<K, { zh: string }>, code: string | null): string =>
  code === null ? '' : ((labels as Record<string, { zh: string }>)[code]?.zh ?? code);

/** One member's cells in EXPORT_COLUMNS order; every text cell neutralised, age a number. */
export function exportCells(m: ExportMember, today: string): Cell[] {
  const text = [m.name, m.idNumber, m.mobile ?? '', m.sex === 'M' ? '男' : m.sex === 'F' ? '女' : m.sex].map(neutralise);
  const rest = [
    m.ethnicity ?? '',
    label(EDUCATION_LABELS, m.education),
    label(POLITICAL_STATUS_LABELS, m.politicalStatus),
    label(EMPLOYMENT_FORM_LABELS, m.employmentForm),
    m.migrantWorker ? '是' : '否',
    m.occupation ?? '',
    m.employerName ?? '',
    m.orgName,
    m.joinDate,
    m.cardNo,
    label(MEMBER_STATUS_LABELS, m.status),
  ].map(neutralise);
  return [...text, ageOn(m.birthDate, today), ...rest];
}

/** RFC 4180: quote a field holding a comma, quote, CR or LF (or edge spaces), doubling inner quotes. */
function csvField(v: Cell): string {
  const s = String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? '"' + s.replaceAll('"', '""') + '"' : s;
}

export function csvLine(cells: readonly Cell[]): string {
  return cells.map(csvField).join(',') + '\r\n';
}

/** UTF-8 byte order mark: without it Excel reads a CSV in the local ANSI code page and garbles Chinese. */
export const UTF8_BOM = '\uFEFF';

/** Content-Disposition with an ASCII fallback and the real (Chinese) name per RFC 6266 / RFC 5987 (filename*=UTF-8''…). */
export function attachmentDisposition(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*!]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  return `attachment; filename="${asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}
