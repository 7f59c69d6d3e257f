import { describe, it, expect } from 'vitest';
import { computeIdCheck, ID_PROBLEM_MESSAGES, idNumberFromCell, maskIdNumber, normaliseIdInput, parseIdNumber, type IdProblem } from './id-number.js';

const TODAY = '2026-11-21';
const parse = (s: string) => parseIdNumber(s, TODAY);
const code = (s: string) => {
  const r = parse(s);
  return r.ok ? 'ok' : r.code;
};

describe('computeIdCheck (ISO 7064 MOD 11-2)', () => {
  it('gives X for the classic sample 11010519491231002X', () => {
    // 1·7+1·9+0·10+1·5+0·8+5·4+1·2+9·1+4·6+9·3+1·7+2·9+3·10+1·5+0·8+0·4+2·2 = 167; 167 mod 11 = 2 → 'X'.
    expect(computeIdCheck('11010519491231002')).toBe('X');
  });

  it('maps every remainder through 1 0 X 9 8 7 6 5 4 3 2', () => {
    // Hand-summed: 44030619900307123 → 252, 252 mod 11 = 10 → '2'.
    expect(computeIdCheck('44030619900307123')).toBe('2');
    // 41030219800101123 → 155, mod 11 = 1 → '0'.
    expect(computeIdCheck('41030219800101123')).toBe('0');
    // Only the last weight (2) counts: remainder 2 → 'X'; only the 8th (weight 1): remainder 1 → '0'.
    expect(computeIdCheck('00000000000000001')).toBe('X');
    expect(computeIdCheck('00000001000000000')).toBe('0');
    expect(computeIdCheck('00000000000000000')).toBe('1');
  });

  it('refuses anything but 17 digits', () => {
    expect(() => computeIdCheck('1101051949123100')).toThrow(RangeError);
    expect(() => computeIdCheck('1101051949123100X')).toThrow(RangeError);
  });
});

describe('parseIdNumber: valid numbers', () => {
  it('accepts the classic sample and reads birth date and sex', () => {
    expect(parse('11010519491231002X')).toEqual({
      ok: true,
      value: '11010519491231002X',
      kind: 'resident',
      birthDate: '1949-12-31',
      sex: 'F', // sequence 002: even
    });
  });

  it('reads an odd sequence as male and accepts check character 0', () => {
    expect(parse('440306199003071232')).toMatchObject({ ok: true, birthDate: '1990-03-07', sex: 'M' });
    expect(parse('410302198001011230')).toMatchObject({ ok: true, value: '410302198001011230', sex: 'M' });
  });

  it('accepts lower-case x, spaces, NBSP, ideographic space and full-width characters', () => {
    const want = '11010519491231002X';
    expect(parse('11010519491231002x')).toMatchObject({ ok: true, value: want });
    expect(parse('  110105 19491231 002X ')).toMatchObject({ ok: true, value: want });
    expect(parse('\u3000110105\u00a019491231\u3000002X')).toMatchObject({ ok: true, value: want });
    expect(parse('１１０１０５１９４９１２３１００２Ｘ')).toMatchObject({ ok: true, value: want });
    expect(parse('１１０１０５１９４９１２３１００２ｘ')).toMatchObject({ ok: true, value: want });
  });

  it('converts a legacy 15-digit number by inserting 19 and computing the check', () => {
    expect(parse('110105491231002')).toEqual({
      ok: true,
      value: '11010519491231002X',
      kind: 'resident',
      birthDate: '1949-12-31',
      sex: 'F',
      converted15: true,
    });
    expect(parse('440306900307123')).toMatchObject({ ok: true, value: '440306199003071232', sex: 'M', converted15: true });
  });

  it('recognises HK, Macao and Taiwan residence permits (810000 / 820000 / 830000)', () => {
    // Checks computed by hand with the same weights: sums 146, 207, 176 → remainders 3, 9, 0.
    expect(parse('810000199001010019')).toEqual({ ok: true, value: '810000199001010019', kind: 'hk', birthDate: '1990-01-01', sex: 'M' });
    expect(parse('820000198512300023')).toMatchObject({ ok: true, kind: 'mo', birthDate: '1985-12-30', sex: 'F' });
    expect(parse('830000200002290031')).toMatchObject({ ok: true, kind: 'tw', birthDate: '2000-02-29', sex: 'M' });
  });

  it('accepts a birth date of today and of 1900-01-01', () => {
    const todays = '11010520261121123';
    expect(parse(todays + computeIdCheck(todays))).toMatchObject({ ok: true, birthDate: '2026-11-21' });
    const oldest = '11010519000101123';
    expect(parse(oldest + computeIdCheck(oldest))).toMatchObject({ ok: true, birthDate: '1900-01-01' });
  });

  it('defaults today to the current date in China', () => {
    expect(parseIdNumber('11010519491231002X')).toMatchObject({ ok: true });
  });
});

describe('parseIdNumber: problems', () => {
  it('empty', () => {
    for (const s of ['', '   ', '\u3000', '\u00a0']) expect(code(s)).toBe('empty');
  });

  it('checksum: one wrong character', () => {
    expect(code('110105194912310021')).toBe('checksum');
    expect(code('11010519491231003X')).toBe('checksum');
    expect(code('110105194912310020')).toBe('checksum'); // ends in a single 0: not an Excel artefact
  });

  it('length', () => {
    expect(code('1101051949123100')).toBe('length');
    expect(code('11010519491231002X1')).toBe('length');
    expect(code('1101051949123')).toBe('length');
  });

  it('format: letters other than a final X', () => {
    expect(code('abc')).toBe('format');
    expect(code('11010519491231002Y')).toBe('format');
    expect(code('X1010519491231002X')).toBe('format');
    expect(code('11010519491X31002X')).toBe('format');
    expect(code('11010549123100X')).toBe('format'); // 15-digit numbers have no check character
    expect(code('110105-19491231-002X')).toBe('format');
  });

  it('birth_date: not a real date, in the future, or before 1900', () => {
    expect(code('110105199002301231')).toBe('birth_date'); // 30 February
    expect(code('110105199013011231')).toBe('birth_date'); // month 13
    expect(code('110105199004311231')).toBe('birth_date'); // 31 April
    expect(code('110105199002291231')).toBe('birth_date'); // 1990 is not a leap year
    const tomorrow = '11010520261122123';
    expect(code(tomorrow + computeIdCheck(tomorrow))).toBe('birth_date');
    const old = '11010518991231123';
    expect(code(old + computeIdCheck(old))).toBe('birth_date');
    expect(code('110105900230123')).toBe('birth_date'); // 15-digit, 1990-02-30
  });

  it('the future is judged against the given today', () => {
    const s = '11010520261122123';
    const id = s + computeIdCheck(s);
    expect(parseIdNumber(id, '2026-11-21').ok).toBe(false);
    expect(parseIdNumber(id, '2026-11-22').ok).toBe(true);
  });

  it('area: unknown province prefix, or 81/82/83 other than the permit codes', () => {
    for (const first17 of [
      '00000019900101123',
      '99000019900101123',
      '16010519900101123',
      '40010519900101123',
      '91000019900101123',
      '81000119900101123',
      '83010019900101123',
    ]) {
      expect(code(first17 + computeIdCheck(first17))).toBe('area');
    }
    expect(code('000105491231002')).toBe('area');
    expect(code('810000900101001')).toBe('area'); // permits have no 15-digit form
  });
});

describe('parseIdNumber: numbers mangled by Excel', () => {
  it('refuses scientific notation, decimal points and thousands separators', () => {
    expect(code('1.10105199001011E+17')).toBe('looks_numeric');
    expect(code('1.10105E+17')).toBe('looks_numeric');
    expect(code('1.10105e17')).toBe('looks_numeric');
    expect(code('１.１０１０５Ｅ＋１７')).toBe('looks_numeric');
    expect(code('110105199001011000.0')).toBe('looks_numeric');
    expect(code('110105491231002.')).toBe('looks_numeric');
    expect(code('110,105,199,001,011,000')).toBe('looks_numeric');
  });

  it('refuses 18 digits ending in zeros whose checksum fails, and 17 digits ending in 00', () => {
    expect(code('110105199001011000')).toBe('looks_numeric'); // 110105199001011234 with 15 significant digits
    expect(code('440306199003071200')).toBe('looks_numeric');
    expect(code('11010519900101100')).toBe('looks_numeric');
    expect(code('11010519900101123')).toBe('length');
  });

  it('cannot tell when the zeroed number happens to satisfy the checksum (about 1 in 11)', () => {
    // A known limitation of per-value checks: 110105199001080000 is a valid number.
    expect(parse('110105199001080000')).toMatchObject({ ok: true });
  });
});

describe('idNumberFromCell', () => {
  it('refuses numbers above 1e15: Excel kept only 15 significant digits', () => {
    expect(idNumberFromCell(Number('110105199001011234'), TODAY)).toEqual({ ok: false, code: 'looks_numeric' });
    expect(idNumberFromCell(1.10105199001011e17, TODAY)).toEqual({ ok: false, code: 'looks_numeric' });
    expect(idNumberFromCell(440306199003071232, TODAY)).toEqual({ ok: false, code: 'looks_numeric' });
  });

  it('accepts a legacy 15-digit number, which a double holds exactly', () => {
    expect(idNumberFromCell(110105491231002, TODAY)).toMatchObject({ ok: true, value: '11010519491231002X', converted15: true });
    expect(idNumberFromCell(1.5, TODAY)).toEqual({ ok: false, code: 'looks_numeric' });
    expect(idNumberFromCell(Number.NaN, TODAY)).toEqual({ ok: false, code: 'format' });
  });

  it('parses strings, bigints and exceljs rich text, hyperlink and formula values', () => {
    expect(idNumberFromCell(' 11010519491231002x ', TODAY)).toMatchObject({ ok: true, value: '11010519491231002X' });
    expect(idNumberFromCell(440306199003071232n, TODAY)).toMatchObject({ ok: true, value: '440306199003071232' });
    expect(idNumberFromCell({ richText: [{ text: '110105' }, { text: '19491231002X' }] }, TODAY)).toMatchObject({ ok: true });
    expect(idNumberFromCell({ text: '11010519491231002X', hyperlink: 'x' }, TODAY)).toMatchObject({ ok: true });
    expect(idNumberFromCell({ formula: 'A1', result: Number('110105199001011234') }, TODAY)).toEqual({ ok: false, code: 'looks_numeric' });
  });

  it('treats blank cells as empty and other values as format errors', () => {
    expect(idNumberFromCell(null, TODAY)).toEqual({ ok: false, code: 'empty' });
    expect(idNumberFromCell(undefined, TODAY)).toEqual({ ok: false, code: 'empty' });
    expect(idNumberFromCell(true, TODAY)).toEqual({ ok: false, code: 'format' });
    expect(idNumberFromCell(new Date(0), TODAY)).toEqual({ ok: false, code: 'format' });
  });
});

describe('maskIdNumber', () => {
  it('shows the first 6 and last 4 characters with 8 asterisks', () => {
    expect(maskIdNumber('410302198001011234')).toBe('410302********1234');
    expect(maskIdNumber('11010519491231002x')).toBe('110105********002X');
    expect(maskIdNumber('110105491231002')).toBe('110105********1002');
  });

  it('masks short or empty values completely', () => {
    expect(maskIdNumber('12345')).toBe('*****');
    expect(maskIdNumber('')).toBe('');
  });
});

describe('normaliseIdInput and messages', () => {
  it('normalises without validating', () => {
    expect(normaliseIdInput(' ａｂ１\u3000x ')).toBe('AB1X');
  });

  it('has zh and en messages for every problem, with the Excel advice', () => {
    const problems: IdProblem[] = ['empty', 'length', 'format', 'checksum', 'birth_date', 'area', 'looks_numeric'];
    for (const p of problems) {
      expect(ID_PROBLEM_MESSAGES[p].zh.length).toBeGreaterThan(0);
      expect(ID_PROBLEM_MESSAGES[p].en.length).toBeGreaterThan(0);
    }
    expect(ID_PROBLEM_MESSAGES.looks_numeric.zh).toBe('身份证号被 Excel 转成了数字，后几位已丢失：请将该列设置为“文本”格式后重新填写身份证号');
    expect(ID_PROBLEM_MESSAGES.looks_numeric.en).toMatch(/Text/);
  });
});
