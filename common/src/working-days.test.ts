import { describe, it, expect, afterEach } from 'vitest';
import chineseDays from 'chinese-days';
import {
  addWorkingDays,
  calendarCoverage,
  checkCalendarOverrides,
  isWorkingDay,
  JOIN_REPLY_WORKING_DAYS,
  PACKAGE_CALENDAR_YEARS,
  workingDaysBetween,
} from './working-days.js';

const range = (from: string, to: string) => {
  const out: string[] = [];
  for (let t = Date.parse(from + 'T00:00:00Z'); t <= Date.parse(to + 'T00:00:00Z'); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};

describe('National Day 2025 (国办发明电〔2024〕12号: 1–8 October off, 28 September and 11 October worked)', () => {
  it('marks the holiday week and the two make-up Saturdays/Sundays', () => {
    for (const d of range('2025-10-01', '2025-10-08')) expect(isWorkingDay(d), d).toBe(false);
    expect(isWorkingDay('2025-09-28')).toBe(true); // Sunday, make-up
    expect(isWorkingDay('2025-10-11')).toBe(true); // Saturday, make-up
    expect(isWorkingDay('2025-09-27')).toBe(false); // ordinary Saturday
    expect(isWorkingDay('2025-10-12')).toBe(false); // ordinary Sunday
    expect(isWorkingDay('2025-10-09')).toBe(true);
  });

  it('adds working days across the holiday', () => {
    expect(addWorkingDays('2025-09-26', 1)).toBe('2025-09-28');
    expect(addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    expect(addWorkingDays('2025-09-30', 3)).toBe('2025-10-11');
    expect(addWorkingDays('2025-10-01', 1)).toBe('2025-10-09'); // starting on a holiday
  });

  it('counts working days across the holiday', () => {
    // 28, 29, 30 September; 9, 10, 11 October.
    expect(workingDaysBetween('2025-09-26', '2025-10-12')).toBe(6);
    expect(workingDaysBetween('2025-10-01', '2025-10-08')).toBe(0);
  });

  it('gives the 15-working-day join reply deadline', () => {
    expect(JOIN_REPLY_WORKING_DAYS).toBe(15);
    // 26, 28, 29, 30 Sep; 9, 10, 11, 13, 14, 15, 16, 17, 20, 21, 22 Oct.
    expect(addWorkingDays('2025-09-25', JOIN_REPLY_WORKING_DAYS)).toBe('2025-10-22');
  });
});

describe('Spring Festival 2026 (15–23 February off, 14 and 28 February worked)', () => {
  it('marks the holiday and the make-up Saturdays', () => {
    for (const d of range('2026-02-15', '2026-02-23')) expect(isWorkingDay(d), d).toBe(false);
    expect(isWorkingDay('2026-02-14')).toBe(true);
    expect(isWorkingDay('2026-02-28')).toBe(true);
    expect(isWorkingDay('2026-02-24')).toBe(true);
  });

  it('adds and counts across it', () => {
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
    expect(workingDaysBetween('2026-02-13', '2026-02-28')).toBe(6); // 14, 24, 25, 26, 27, 28
  });
});

describe('an ordinary week', () => {
  it('skips the weekend', () => {
    expect(isWorkingDay('2025-03-10')).toBe(true); // Monday
    expect(isWorkingDay('2025-03-15')).toBe(false); // Saturday
    expect(addWorkingDays('2025-03-14', 1)).toBe('2025-03-17');
    expect(addWorkingDays('2025-03-10', 5)).toBe('2025-03-17');
    expect(addWorkingDays('2025-03-15', 1)).toBe('2025-03-17'); // from a Saturday
  });

  it('treats n = 0 as the start and negative n as counting backwards', () => {
    expect(addWorkingDays('2025-03-15', 0)).toBe('2025-03-15');
    expect(addWorkingDays('2025-03-17', -1)).toBe('2025-03-14');
    expect(addWorkingDays('2025-10-09', -1)).toBe('2025-09-30');
    expect(() => addWorkingDays('2025-03-17', 1.5)).toThrow(RangeError);
  });

  it('is consistent between adding and counting, and antisymmetric', () => {
    for (const start of ['2025-09-20', '2025-12-31', '2026-02-10']) {
      for (const n of [1, 5, 15, 30]) expect(workingDaysBetween(start, addWorkingDays(start, n))).toBe(n);
    }
    expect(workingDaysBetween('2025-03-17', '2025-03-10')).toBe(-5);
    expect(workingDaysBetween('2025-03-10', '2025-03-10')).toBe(0);
  });

  it('refuses malformed or impossible dates', () => {
    expect(() => isWorkingDay('2025-02-30')).toThrow(RangeError);
    expect(() => isWorkingDay('2025-3-1')).toThrow(RangeError);
    expect(() => addWorkingDays('20250301', 1)).toThrow(RangeError);
  });
});

describe('overrides and years the package lacks', () => {
  it('knows 2004–2026 from the package and falls back to weekends and the statutory holidays after that', () => {
    expect(PACKAGE_CALENDAR_YEARS[0]).toBe(2004);
    expect(PACKAGE_CALENDAR_YEARS).toContain(2026);
    expect(calendarCoverage(2025)).toBe('package');
    expect(calendarCoverage(2030)).toBe('weekdays_only');
    expect(isWorkingDay('2030-01-01')).toBe(false); // a Tuesday, but 元旦 by law
    expect(isWorkingDay('2030-01-02')).toBe(true); // no arrangement known: an ordinary Wednesday
    expect(isWorkingDay('2030-01-05')).toBe(false); // Saturday
  });

  it('lets an administrator add a year', () => {
    const extra = { holidays: ['2030-01-01'], workdays: ['2030-01-05'] };
    expect(calendarCoverage(2030, extra)).toBe('override');
    expect(isWorkingDay('2030-01-01', extra)).toBe(false);
    expect(isWorkingDay('2030-01-05', extra)).toBe(true);
    expect(isWorkingDay('2030-01-02', extra)).toBe(true); // unlisted days fall back to the weekday rule
    expect(addWorkingDays('2029-12-31', 1, extra)).toBe('2030-01-02');
    expect(workingDaysBetween('2029-12-31', '2030-01-07', extra)).toBe(5); // 2, 3, 4, 5 (make-up), 7
  });

  it('lets overrides win over the package', () => {
    const extra = { holidays: ['2025-03-12'], workdays: ['2025-10-08'] };
    expect(isWorkingDay('2025-03-12', extra)).toBe(false);
    expect(isWorkingDay('2025-10-08', extra)).toBe(true);
    expect(addWorkingDays('2025-09-30', 1, extra)).toBe('2025-10-08');
  });

  it('reports bad override entries; a date in both lists counts as a holiday', () => {
    const extra = { holidays: ['2030-01-01', '2030-02-30'], workdays: ['2030-01-01', 'soon'] };
    expect(checkCalendarOverrides(extra)).toEqual([
      { date: '2030-02-30', problem: 'invalid_date' },
      { date: 'soon', problem: 'invalid_date' },
      { date: '2030-01-01', problem: 'in_both_lists' },
    ]);
    expect(isWorkingDay('2030-01-01', extra)).toBe(false);
    expect(checkCalendarOverrides({ holidays: ['2030-01-01'], workdays: [] })).toEqual([]);
  });
});

describe('agreement with the chinese-days API', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  // The package's own tables are built at import time in local time and shift a day west of UTC.
  it.skipIf(new Date().getTimezoneOffset() > 0)('matches isWorkday for every day of 2024–2026', () => {
    for (const d of range('2024-01-01', '2026-12-31')) expect(isWorkingDay(d), d).toBe(chineseDays.isWorkday(d));
  });

  it('does not depend on the machine time zone', () => {
    process.env.TZ = 'America/New_York';
    expect(isWorkingDay('2025-09-28')).toBe(true);
    expect(isWorkingDay('2025-10-13')).toBe(true);
    expect(addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    process.env.TZ = 'Asia/Shanghai';
    expect(isWorkingDay('2025-09-28')).toBe(true);
    expect(addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
  });
});

describe('a year the calendar package lacks', () => {
  it('counts the statutory holidays the law fixes (1 January 2027 is a holiday), provisionally', async () => {
    const { computeDeadline } = await import('./deadlines.js');
    // 15 working days from Friday 2026-12-18: 21–25, 28–31 December (9), 4–8 January (14) — 1 January is
    // 元旦 — and Monday 11 January is the 15th. Counting Monday to Friday only gave 8 January.
    expect(addWorkingDays('2026-12-18', 15)).toBe('2027-01-11');
    expect(isWorkingDay('2027-01-01')).toBe(false);
    expect(computeDeadline('2026-12-18', { n: 15, unit: 'working_days' })).toEqual({
      due: '2027-01-11',
      rule: { n: 15, unit: 'working_days' },
      provisional: true,
    });
    // Spring Festival 2027: New Year's Eve 5 February, days 1–3 to 8 February.
    expect(['2027-02-05', '2027-02-08'].map((d) => isWorkingDay(d))).toEqual([false, false]);
  });

  it('stops guessing once an administrator enters the year', () => {
    // The administrator's arrangement (whatever it says) replaces the statutory fallback for that year.
    const entered = { holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: ['2027-01-09'] };
    expect(isWorkingDay('2027-02-05', entered)).toBe(true);
    expect(isWorkingDay('2027-01-09', entered)).toBe(true);
    expect(addWorkingDays('2026-12-18', 15, entered)).toBe('2027-01-09'); // the entered make-up Saturday counts
  });
});
