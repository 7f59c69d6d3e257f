/**
 * Mainland China mobile numbers: 11 digits starting with 1 (MIIT numbering plan, 电信网编号计划;
 * today's mobile ranges begin 13–19). See docs/rules.md "Identifiers" and "Personal information and security".
 */
import { removeSpaces, toHalfWidth } from './text-normalise.js';

export type MobileProblem = 'format';

/** Hyphens, dashes and parentheses people type between groups of digits. */
const SEPARATORS = /[-\u2010-\u2015\u2212\u30FC()（）]/g;

/** Clean and validate a mobile number (docs/rules.md "Identifiers": 11 digits starting with 1, strip +86, spaces and dashes); a +86 / 0086 / 86 prefix is stripped only before exactly 11 digits. */
export function normaliseMobile(input: string): { ok: true; value: string } | { ok: false; code: MobileProblem } {
  let v = removeSpaces(toHalfWidth(input)).replace(SEPARATORS, '');
  const prefixed = /^(?:\+86|0086|86)(\d{11})$/.exec(v);
  if (prefixed) v = prefixed[1]!;
  if (!/^1[3-9]\d{9}$/.test(v)) return { ok: false, code: 'format' };
  return { ok: true, value: v };
}

/** Display mask of docs/rules.md "Personal information and security": first 3 + 4 asterisks + last 4 (`138****1234`); values too short to mask that way are fully masked. */
export function maskMobile(v: string): string {
  const r = normaliseMobile(v);
  const s = r.ok ? r.value : removeSpaces(toHalfWidth(v)).replace(SEPARATORS, '');
  if (s.length < 8) return '*'.repeat(s.length);
  return s.slice(0, 3) + '****' + s.slice(-4);
}

export const MOBILE_PROBLEM_MESSAGES: Record<MobileProblem, { zh: string; en: string }> = {
  format: {
    zh: '手机号应为以1开头的11位数字（可带 +86）',
    en: 'A mobile number has 11 digits starting with 1 (a +86 prefix is allowed)',
  },
};
