/**
 * Unified Social Credit Code (统一社会信用代码), GB 32100-2015.
 * 18 characters from 0-9 A-H J-N P-R T U W-Y; the 18th is a check character:
 * weights 3^i mod 31, check = 31 − (Σ value×weight mod 31), where 31 becomes 0.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or null when one is outside the alphabet. */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i]!);
    if (v < 0) return null;
    sum += v * WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_ALPHABET[check]!;
}

export type UsccProblem = 'length' | 'charset' | 'checksum';

/** Normalise (trim, upper-case, full-width to half-width) and validate a credit code. */
export function checkUscc(input: string): { ok: true; value: string } | { ok: false; problem: UsccProblem } {
  const value = input
    .trim()
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase();
  if (value.length !== 18) return { ok: false, problem: 'length' };
  for (const c of value) if (!USCC_ALPHABET.includes(c)) return { ok: false, problem: 'charset' };
  if (usccCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, problem: 'checksum' };
  return { ok: true, value };
}

export const USCC_PROBLEM_MESSAGES: Record<UsccProblem, { zh: string; en: string }> = {
  length: { zh: '统一社会信用代码应为18位', en: 'The credit code must have 18 characters' },
  charset: {
    zh: '统一社会信用代码含有不允许的字符（不使用 I、O、S、V、Z）',
    en: 'The credit code contains characters outside its alphabet (no I, O, S, V, Z)',
  },
  checksum: { zh: '统一社会信用代码校验位不正确，请核对', en: 'The credit code check character is wrong' },
};
