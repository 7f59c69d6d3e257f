import { describe, it, expect } from 'vitest';
import { checkUscc, usccCheckChar, USCC_ALPHABET } from './uscc.js';

// Worked by hand with the GB 32100-2015 weights (1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28):
// 91350100M000100Y4 → 9·1 + 1·3 + 3·9 + 5·27 + 1·26 + M(21)·20 + 1·8 + Y(30)·30 + 4·28 = 1640;
// 1640 mod 31 = 28; 31 − 28 = 3, so the check character is '3'.
const SAMPLE = '91350100M000100Y43';

describe('usccCheckChar', () => {
  it('computes the check character of the commonly cited sample', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('maps a remainder of 0 to check 0 (31 → 0), not to an out-of-range index', () => {
    // All zeros: sum 0, 31 − 0 = 31 → '0'.
    expect(usccCheckChar('00000000000000000')).toBe('0');
  });

  it('maps the check value to a letter when it exceeds 9', () => {
    // '1' followed by zeros: sum 1, 31 − 1 = 30 → the 31st alphabet character, 'Y'.
    expect(usccCheckChar('10000000000000000')).toBe('Y');
    // '2' followed by zeros: sum 2, check 29 → 'X'.
    expect(usccCheckChar('20000000000000000')).toBe('X');
    // Last position weight 28: '…1' gives sum 28, check 3.
    expect(usccCheckChar('00000000000000001')).toBe('3');
  });

  it('refuses wrong length and characters outside the alphabet', () => {
    expect(usccCheckChar('91350100M000100Y')).toBeNull();
    expect(usccCheckChar('91350100M000100Y4X')).toBeNull();
    expect(usccCheckChar('91350100O000100Y4')).toBeNull();
    expect(usccCheckChar('91350100m000100Y4')).toBeNull(); // callers normalise case first
  });

  it('uses an alphabet of 31 characters without I O S V Z', () => {
    expect(USCC_ALPHABET).toHaveLength(31);
    for (const c of 'IOSVZ') expect(USCC_ALPHABET).not.toContain(c);
  });
});

describe('checkUscc', () => {
  it('accepts valid codes of several registration categories', () => {
    expect(checkUscc(SAMPLE)).toEqual({ ok: true, value: SAMPLE });
    // Built with the same algorithm: enterprise (91), public institution (12), trade union (81).
    for (const first17 of ['91110108MA01A2B3C', '12439904544657334', '81439902123208821']) {
      const code = first17 + usccCheckChar(first17)!;
      expect(checkUscc(code)).toEqual({ ok: true, value: code });
    }
    expect(checkUscc('000000000000000000')).toEqual({ ok: true, value: '000000000000000000' });
  });

  it('rejects a wrong check character', () => {
    expect(checkUscc('91350100M000100Y44')).toEqual({ ok: false, problem: 'checksum' });
    expect(checkUscc('91350100M000100Y4Y')).toEqual({ ok: false, problem: 'checksum' });
  });

  it('detects a single mistyped character', () => {
    expect(checkUscc('91350100M000100Y53')).toEqual({ ok: false, problem: 'checksum' });
    expect(checkUscc('91350100N000100Y43')).toEqual({ ok: false, problem: 'checksum' });
  });

  it('accepts lower case, surrounding spaces and full-width characters, returning the normal form', () => {
    expect(checkUscc('91350100m000100y43')).toEqual({ ok: true, value: SAMPLE });
    expect(checkUscc('  91350100M000100Y43 ')).toEqual({ ok: true, value: SAMPLE });
    expect(checkUscc('９１３５０１００Ｍ０００１００Ｙ４３')).toEqual({ ok: true, value: SAMPLE });
    expect(checkUscc('９１３５０１００ｍ０００１００ｙ４３')).toEqual({ ok: true, value: SAMPLE });
  });

  it('rejects the letters I, O, S, V and Z as charset problems', () => {
    for (const c of 'IOSVZ') {
      expect(checkUscc(`91350100${c}000100Y43`)).toEqual({ ok: false, problem: 'charset' });
    }
    expect(checkUscc('91350100M000100Y4-')).toEqual({ ok: false, problem: 'charset' });
  });

  it('rejects wrong lengths', () => {
    expect(checkUscc('')).toEqual({ ok: false, problem: 'length' });
    expect(checkUscc('91350100M000100Y4')).toEqual({ ok: false, problem: 'length' });
    expect(checkUscc('91350100M000100Y433')).toEqual({ ok: false, problem: 'length' });
    // Old 15-digit business registration numbers are not credit codes.
    expect(checkUscc('350100400012345')).toEqual({ ok: false, problem: 'length' });
  });
});
