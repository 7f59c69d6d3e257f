import { describe, expect, it } from 'vitest';
import {
  calendarReminder,
  calendarYear,
  calendarYears,
  checkCalendarYear,
  dateRuns,
  describeCalendarProblem,
  parseDateList,
  withCalendarYear,
} from './calendar-years.js';
import { addWorkingDays, isWorkingDay } from './working-days.js';

describe('a year of the calendar', () => {
  it('comes from the package (2026: 元旦 1–3 January, Sunday 4 January worked), or only the statutory holidays are known', () => {
    const y2026 = calendarYear(2026);
    expect(y2026).toMatchObject({ source: 'package', provisional: false });
    expect(y2026.holidays.slice(0, 3)).toEqual(['2026-01-01', '2026-01-02', '2026-01-03']);
    expect(y2026.workdays[0]).toBe('2026-01-04');
    expect(calendarYear(2027)).toMatchObject({ source: 'weekdays_only', provisional: true, workdays: [] });
    expect(calendarYear(2027).holidays[0]).toBe('2027-01-01');
  });

  it('lists the years around today, newest first, with any year entered', () => {
    expect(calendarYears('2026-12-04').map((y) => y.year)).toEqual([2027, 2026, 2025, 2024]);
    expect(calendarYears('2026-12-04', { holidays: ['2030-01-01'], workdays: [] }).map((y) => y.year)).toEqual([2030, 2027, 2026, 2025, 2024]);
  });
});

describe('entering a year', () => {
  it('names what is wrong: another year, a weekday given as make-up day, both lists, a statutory holiday left out', () => {
    const problems = checkCalendarYear(2027, { holidays: ['2027-01-01', '2028-01-01'], workdays: ['2027-01-06', '2027-01-01', '2027-02-20'] });
    expect(problems).toContainEqual({ field: 'holidays', date: '2028-01-01', problem: 'other_year' });
    expect(problems).toContainEqual({ field: 'workdays', date: '2027-01-06', problem: 'not_a_rest_day' });
    expect(problems).toContainEqual({ field: 'workdays', date: '2027-01-01', problem: 'in_both_lists' });
    expect(problems).toContainEqual({ field: 'holidays', date: '2027-10-01', problem: 'statutory_missing' });
    expect(problems.some((p) => p.date === '2027-02-20')).toBe(false); // a Saturday worked is a make-up day
    expect(describeCalendarProblem(2027, { field: 'workdays', date: '2027-01-06', problem: 'not_a_rest_day' }).zh).toBe(
      '2027-01-06 是周三，本来就是工作日，不是调休上班日',
    );
  });

  it('in a year the package covers, a day off dropped by a correction is worked again and a make-up day dropped is a rest day', () => {
    const y = calendarYear(2026);
    const after = withCalendarYear({ holidays: ['2030-01-01'], workdays: [] }, 2026, {
      holidays: y.holidays.filter((d) => d !== '2026-01-02'),
      workdays: y.workdays.filter((d) => d !== '2026-01-04'),
    });
    expect(isWorkingDay('2026-01-02', after)).toBe(true);
    expect(isWorkingDay('2026-01-04', after)).toBe(false);
    expect(isWorkingDay('2026-01-01', after)).toBe(false);
    expect(after.holidays).toContain('2030-01-01'); // other years kept
    expect(calendarYear(2026, after).holidays.slice(0, 2)).toEqual(['2026-01-01', '2026-01-03']);
  });

  it('replaces the year it enters: the entered 2027 moves the 15th working day after 18 December 2026 when 4 January is bridged', () => {
    const entered = withCalendarYear({ holidays: [], workdays: [] }, 2027, {
      holidays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04'],
      workdays: [],
    });
    expect(addWorkingDays('2026-12-18', 15, entered)).toBe('2027-01-12');
    const corrected = withCalendarYear(entered, 2027, { holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [] });
    expect(corrected.holidays).toEqual(['2027-01-01', '2027-01-02', '2027-01-03']);
    expect(addWorkingDays('2026-12-18', 15, corrected)).toBe('2027-01-11');
  });
});

describe('dates as typed', () => {
  it('reads single dates and runs separated by new lines, commas or 、, and names what it cannot read', () => {
    expect(parseDateList('2027-01-01~2027-01-03\n2027-02-05至2027-02-06、2027-05-01, 2027-02-31 soon')).toEqual({
      dates: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-05', '2027-02-06', '2027-05-01'],
      bad: ['2027-02-31', 'soon'],
    });
    expect(parseDateList('2027-03-01~2027-01-01').bad).toEqual(['2027-03-01~2027-01-01']);
    expect(dateRuns(['2027-01-03', '2027-01-01', '2027-01-02', '2027-02-20'])).toEqual([
      ['2027-01-01', '2027-01-03'],
      ['2027-02-20', '2027-02-20'],
    ]);
  });
});

describe('the reminder', () => {
  it('asks for next year from 1 November, and for the current year when it is missing', () => {
    expect(calendarReminder('2026-10-31')).toBeNull();
    expect(calendarReminder('2026-11-01')).toEqual({ year: 2027, late: false });
    expect(calendarReminder('2027-01-04')).toEqual({ year: 2027, late: true });
    expect(calendarReminder('2026-11-01', { holidays: ['2027-01-01'], workdays: [] })).toBeNull();
  });
});
