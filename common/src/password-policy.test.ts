import { describe, it, expect } from 'vitest';
import { characterClasses, checkPassword, LEVEL3_PASSWORD_POLICY as P, passwordProblemMessage } from './password-policy.js';

describe('characterClasses', () => {
  it('counts lower, upper, digit and symbol classes', () => {
    expect(characterClasses('')).toBe(0);
    expect(characterClasses('abc')).toBe(1);
    expect(characterClasses('abcD')).toBe(2);
    expect(characterClasses('abcD1')).toBe(3);
    expect(characterClasses('abcD1@')).toBe(4);
    expect(characterClasses('工会')).toBe(1); // non-ASCII counts as a symbol
  });
});

describe('checkPassword (等保 level 3)', () => {
  it('accepts the demo password', () => {
    expect(checkPassword('Gonghui@2026', P)).toEqual([]);
    expect(checkPassword('Gonghui@2026', P, 'admin')).toEqual([]);
  });

  it('rejects fewer than 8 characters', () => {
    expect(checkPassword('Gh@2026', P)).toEqual(['too_short']);
    expect(checkPassword('Gh@20261', P)).toEqual([]);
  });

  it('rejects only two character classes', () => {
    expect(checkPassword('abcdefgh1', P)).toEqual(['too_few_classes']);
    expect(checkPassword('abcdefgh1A', P)).toEqual([]);
  });

  it('rejects a password containing the username, case-insensitively', () => {
    expect(checkPassword('Zhangsan@2026', P, 'zhangsan')).toEqual(['contains_username']);
    expect(checkPassword('xxADMIN#99', P, 'admin')).toEqual(['contains_username']);
    // Very short usernames would match too much ordinary text, so they are not checked.
    expect(checkPassword('Gonghui@2026', P, 'go')).toEqual([]);
  });

  it('rejects more than 128 characters', () => {
    expect(checkPassword('Aa1@'.repeat(33), P)).toEqual(['too_long']);
  });

  it('reports every problem at once', () => {
    expect(checkPassword('admin', P, 'admin')).toEqual(['too_short', 'too_few_classes', 'contains_username']);
  });

  it('has a bilingual message for every problem', () => {
    for (const p of ['too_short', 'too_long', 'too_few_classes', 'contains_username'] as const) {
      const m = passwordProblemMessage(p, P);
      expect(m.zh).toBeTruthy();
      expect(m.en).toBeTruthy();
    }
    expect(passwordProblemMessage('too_short', P).zh).toContain('8');
  });
});
