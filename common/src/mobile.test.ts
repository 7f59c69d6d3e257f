import { describe, it, expect } from 'vitest';
import { maskMobile, MOBILE_PROBLEM_MESSAGES, normaliseMobile } from './mobile.js';

const ok = (value: string) => ({ ok: true, value });
const bad = { ok: false, code: 'format' };

describe('normaliseMobile', () => {
  it('accepts 11 digits starting 13–19', () => {
    for (const n of ['13812341234', '14512341234', '15012341234', '16612341234', '17712341234', '18812341234', '19912341234']) {
      expect(normaliseMobile(n)).toEqual(ok(n));
    }
  });

  it('strips spaces, dashes, parentheses and full-width characters', () => {
    expect(normaliseMobile(' 138 1234 1234 ')).toEqual(ok('13812341234'));
    expect(normaliseMobile('138-1234-1234')).toEqual(ok('13812341234'));
    expect(normaliseMobile('(138)1234\u30001234')).toEqual(ok('13812341234'));
    expect(normaliseMobile('１３８－１２３４－１２３４')).toEqual(ok('13812341234'));
    expect(normaliseMobile('138—1234–1234')).toEqual(ok('13812341234'));
    expect(normaliseMobile('\u00a013812341234')).toEqual(ok('13812341234'));
  });

  it('strips +86, 0086 and 86 when 11 digits follow', () => {
    expect(normaliseMobile('+8613812341234')).toEqual(ok('13812341234'));
    expect(normaliseMobile('+86 138 1234 1234')).toEqual(ok('13812341234'));
    expect(normaliseMobile('(+86) 138-1234-1234')).toEqual(ok('13812341234'));
    expect(normaliseMobile('＋８６１３８１２３４１２３４')).toEqual(ok('13812341234'));
    expect(normaliseMobile('008613812341234')).toEqual(ok('13812341234'));
    expect(normaliseMobile('8613812341234')).toEqual(ok('13812341234'));
  });

  it('does not strip a prefix that is not followed by exactly 11 digits', () => {
    expect(normaliseMobile('861381234123')).toEqual(bad); // 86 + 10 digits
    expect(normaliseMobile('+86138123412345')).toEqual(bad);
    expect(normaliseMobile('+8513812341234')).toEqual(bad);
  });

  it('refuses wrong lengths, second digits 0–2, letters and landlines', () => {
    for (const n of ['', '1381234123', '138123412345', '12812341234', '11012341234', '10086123456', '1381234123a', '010-12345678', '23812341234']) {
      expect(normaliseMobile(n)).toEqual(bad);
    }
  });
});

describe('maskMobile', () => {
  it('shows the first 3 and last 4 digits', () => {
    expect(maskMobile('13812341234')).toBe('138****1234');
    expect(maskMobile('+86 138-1234-5678')).toBe('138****5678');
  });

  it('masks invalid values the same way when long enough, fully when short', () => {
    expect(maskMobile('010-12345678')).toBe('010****5678');
    expect(maskMobile('12345')).toBe('*****');
  });
});

it('has zh and en messages', () => {
  expect(MOBILE_PROBLEM_MESSAGES.format.zh).toContain('11位');
  expect(MOBILE_PROBLEM_MESSAGES.format.en).toContain('11 digits');
});
