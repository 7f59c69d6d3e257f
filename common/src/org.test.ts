import { describe, it, expect } from 'vitest';
import { canParent, childLevel, ORG_LEVELS, termEnd, termStatus } from './org.js';

describe('termEnd', () => {
  it('adds whole calendar years', () => {
    expect(termEnd('2023-05-30', 5)).toBe('2028-05-30');
    expect(termEnd('2024-12-31', 3)).toBe('2027-12-31');
  });

  it('moves 29 February to 1 March in a non-leap end year, keeps it in a leap one', () => {
    expect(termEnd('2024-02-29', 3)).toBe('2027-03-01');
    expect(termEnd('2024-02-29', 4)).toBe('2028-02-29');
  });
});

describe('termStatus', () => {
  const today = '2026-11-21';

  it('is unknown without a start or a length', () => {
    expect(termStatus(null, 5, today, 90)).toBe('unknown');
    expect(termStatus('2023-01-01', null, today, 90)).toBe('unknown');
  });

  it('is expired on and after the end date', () => {
    expect(termStatus('2021-11-21', 5, today, 90)).toBe('expired'); // ends today
    expect(termStatus('2020-01-01', 5, today, 90)).toBe('expired');
  });

  it('is expiring within the warning window, inclusive of its last day', () => {
    expect(termStatus('2021-11-22', 5, today, 90)).toBe('expiring'); // ends tomorrow
    expect(termStatus('2024-02-19', 3, today, 90)).toBe('expiring'); // ends 2027-02-19, exactly 90 days
    expect(termStatus('2024-02-20', 3, today, 90)).toBe('ok'); // 91 days
  });

  it('honours a custom warning window', () => {
    expect(termStatus('2024-02-20', 3, today, 180)).toBe('expiring');
    expect(termStatus('2021-12-01', 5, today, 5)).toBe('ok');
  });

  it('is ok for a term well inside its span', () => {
    expect(termStatus('2025-06-01', 5, today, 90)).toBe('ok');
  });
});

describe('canParent', () => {
  it('allows strictly lower levels under a federation', () => {
    expect(canParent('city', 'county')).toBe(true);
    expect(canParent('county', 'street')).toBe(true);
    expect(canParent('street', 'grassroots')).toBe(true);
    // Grassroots unions may hang directly under any federation, e.g. big employers under the city.
    expect(canParent('city', 'grassroots')).toBe(true);
    expect(canParent('county', 'grassroots')).toBe(true);
  });

  it('refuses same or higher levels and anything under a grassroots union', () => {
    expect(canParent('county', 'county')).toBe(false);
    expect(canParent('street', 'county')).toBe(false);
    expect(canParent('grassroots', 'grassroots')).toBe(false);
    for (const l of ORG_LEVELS) expect(canParent('grassroots', l)).toBe(false);
  });
});

describe('childLevel', () => {
  it('is the next level down, none below grassroots', () => {
    expect(childLevel('city')).toBe('county');
    expect(childLevel('street')).toBe('grassroots');
    expect(childLevel('grassroots')).toBeNull();
  });
});
