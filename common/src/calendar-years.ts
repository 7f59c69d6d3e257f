/**
 * The holiday calendar year by year, as an administrator sees and enters it (docs/rules.md,
 * "Deadlines"): each year's days off and make-up working days (调休) as published by the General
 * Office of the State Council (国务院办公厅关于部分节假日安排的通知), where they come from, the checks
 * an entered year must pass, and the reminder to enter next year's arrangement.
 *
 * The stored form stays the overrides of common/src/working-days.ts (dates that win over the
 * package); a year entered here replaces that year's overrides.
 */
import { STATUTORY_HOLIDAYS } from './statutory-holidays.js';
import { calendarCoverage, isWorkingDay, packageArrangement, PACKAGE_CALENDAR_YEARS, type CalendarOverrides } from './working-days.js';

export const CALENDAR_YEAR_MIN = PACKAGE_CALENDAR_YEARS[0] ?? 2004;
export const CALENDAR_YEAR_MAX = 2100;

/** The day from which administrators are reminded to enter next year's arrangement (it is usually published in November). */
export const REMINDER_FROM = '11-01';

export type CalendarSource = 'package' | 'override' | 'weekdays_only';

export interface CalendarYear {
  year: number;
  /** `package`: the State Council's arrangement from the calendar package; `override`: entered or corrected by an administrator; `weekdays_only`: not known yet. */
  source: CalendarSource;
  /** Days off other than ordinary weekends, with the weekend days a holiday period covers. */
  holidays: string[];
  /** Weekend days that are working days (调休上班). */
  workdays: string[];
  /** Deadlines that reach into this year are provisional (counted on weekends and the statutory holidays only). */
  provisional: boolean;
}

const DAY_MS = 86_400_000;
const isoOf = (t: number) => new Date(t).toISOString().slice(0, 10);
const weekend = (iso: string) => {
  const w = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return w === 0 || w === 6;
};

function daysOf(year: number): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += DAY_MS) out.push(isoOf(t));
  return out;
}

function ofYear(extra: CalendarOverrides | undefined, year: number): CalendarOverrides {
  const p = `${year}-`;
  return { holidays: (extra?.holidays ?? []).filter((d) => d.startsWith(p)), workdays: (extra?.workdays ?? []).filter((d) => d.startsWith(p)) };
}

/** A year's arrangement in force: from the administrator's entry, else the package, else the statutory holidays alone. */
export function calendarYear(year: number, extra?: CalendarOverrides): CalendarYear {
  const source = calendarCoverage(year, extra);
  if (source === 'package') return { year, source, ...packageArrangement(year), provisional: false };
  if (source === 'weekdays_only') return { year, source, holidays: [...(STATUTORY_HOLIDAYS[year] ?? [])], workdays: [], provisional: true };
  const own = new Set(ofYear(extra, year).holidays);
  const days = daysOf(year);
  return {
    year,
    source,
    provisional: false,
    holidays: days.filter((d) => !isWorkingDay(d, extra) && (!weekend(d) || own.has(d))),
    workdays: days.filter((d) => weekend(d) && isWorkingDay(d, extra)),
  };
}

/**
 * The years an administrator looks after: every year entered, the years around today, and the next
 * year once it may be entered; newest first.
 */
export function calendarYears(today: string, extra?: CalendarOverrides): CalendarYear[] {
  const y = Number(today.slice(0, 4));
  const years = new Set<number>([y - 2, y - 1, y, y + 1]);
  for (const d of [...(extra?.holidays ?? []), ...(extra?.workdays ?? [])]) years.add(Number(d.slice(0, 4)));
  return [...years]
    .filter((x) => x >= CALENDAR_YEAR_MIN && x <= CALENDAR_YEAR_MAX)
    .sort((a, b) => b - a)
    .map((x) => calendarYear(x, extra));
}

export type CalendarYearProblem =
  | { field: 'holidays' | 'workdays'; date: string; problem: 'invalid_date' | 'other_year' | 'in_both_lists' | 'not_a_rest_day' }
  | { field: 'holidays'; date: string; problem: 'statutory_missing' }
  | { field: 'holidays'; date: null; problem: 'no_holidays' };

const validDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && isoOf(Date.parse(`${d}T00:00:00Z`)) === d;

/**
 * What is wrong with an administrator's entry of a year: dates that are not dates or not of the
 * year, a date both off and working, a make-up working day that is a working day anyway (a make-up
 * day is a weekend day, or a day the package has off), and — for a year the package lacks — a
 * statutory holiday left out (全国年节及纪念日放假办法 fixes them) or no holiday at all.
 */
export function checkCalendarYear(year: number, entry: CalendarOverrides): CalendarYearProblem[] {
  const problems: CalendarYearProblem[] = [];
  const prefix = `${year}-`;
  const pkg = packageArrangement(year);
  const pkgOff = new Set(pkg.holidays);
  for (const field of ['holidays', 'workdays'] as const) {
    for (const date of new Set(entry[field])) {
      if (!validDate(date)) problems.push({ field, date, problem: 'invalid_date' });
      else if (!date.startsWith(prefix)) problems.push({ field, date, problem: 'other_year' });
      else if (field === 'workdays' && entry.holidays.includes(date)) problems.push({ field, date, problem: 'in_both_lists' });
      else if (field === 'workdays' && !weekend(date) && !pkgOff.has(date)) problems.push({ field, date, problem: 'not_a_rest_day' });
    }
  }
  if (!PACKAGE_CALENDAR_YEARS.includes(year)) {
    const off = new Set(entry.holidays);
    for (const date of STATUTORY_HOLIDAYS[year] ?? []) if (!off.has(date)) problems.push({ field: 'holidays', date, problem: 'statutory_missing' });
    if (!entry.holidays.length) problems.push({ field: 'holidays', date: null, problem: 'no_holidays' });
  }
  return problems;
}

const WEEKDAY_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** One problem in words, zh and en. */
export function describeCalendarProblem(year: number, p: CalendarYearProblem): { zh: string; en: string } {
  const d = p.date ?? '';
  switch (p.problem) {
    case 'invalid_date':
      return { zh: `${d} 不是有效日期`, en: `${d} is not a valid date` };
    case 'other_year':
      return { zh: `${d} 不在 ${year} 年内`, en: `${d} is not in ${year}` };
    case 'in_both_lists':
      return { zh: `${d} 同时出现在放假日和调休上班日中`, en: `${d} is both a day off and a working day` };
    case 'not_a_rest_day':
      return {
        zh: `${d} 是${WEEKDAY_ZH[new Date(`${d}T00:00:00Z`).getUTCDay()]}，本来就是工作日，不是调休上班日`,
        en: `${d} is a weekday and a working day anyway, not a make-up working day`,
      };
    case 'statutory_missing':
      return { zh: `缺少法定节假日 ${d}（全国年节及纪念日放假办法）`, en: `The statutory holiday ${d} is missing` };
    case 'no_holidays':
      return { zh: '请至少填写一个放假日', en: 'Enter at least one day off' };
  }
}

/**
 * The overrides after an administrator enters (or corrects) `year`: that year's previous entries are
 * replaced, other years kept. In a year the package covers, a day the package has off that the entry
 * leaves out becomes a working day again, and a make-up day it leaves out a rest day.
 */
export function withCalendarYear(extra: CalendarOverrides, year: number, entry: CalendarOverrides): CalendarOverrides {
  const prefix = `${year}-`;
  const holidays = new Set(entry.holidays);
  const workdays = new Set(entry.workdays);
  const pkg = packageArrangement(year);
  for (const d of pkg.holidays) if (!holidays.has(d) && !weekend(d)) workdays.add(d);
  for (const d of pkg.workdays) if (!workdays.has(d)) holidays.add(d);
  return {
    holidays: [...extra.holidays.filter((d) => !d.startsWith(prefix)), ...holidays].sort(),
    workdays: [...extra.workdays.filter((d) => !d.startsWith(prefix)), ...workdays].sort(),
  };
}

/**
 * Dates typed as a list: separated by spaces, commas, 、 or new lines; `2027-02-05~2027-02-11` (or
 * 至) is a run of days. Returns the dates in order and the pieces that are not dates.
 */
export function parseDateList(text: string): { dates: string[]; bad: string[] } {
  const dates = new Set<string>();
  const bad: string[] = [];
  for (const piece of text.split(/[\s,，、;；]+/).filter(Boolean)) {
    const m = /^(\d{4}-\d{2}-\d{2})(?:(?:~|～|至|--)(\d{4}-\d{2}-\d{2}))?$/.exec(piece);
    if (!m || !validDate(m[1]!) || (m[2] && !validDate(m[2]))) {
      bad.push(piece);
      continue;
    }
    const from = Date.parse(`${m[1]}T00:00:00Z`);
    const to = m[2] ? Date.parse(`${m[2]}T00:00:00Z`) : from;
    if (to < from || to - from > 60 * DAY_MS) {
      bad.push(piece);
      continue;
    }
    for (let t = from; t <= to; t += DAY_MS) dates.add(isoOf(t));
  }
  return { dates: [...dates].sort(), bad };
}

/** Consecutive dates as runs, for display: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-20'] → [['2027-01-01', '2027-01-03'], ['2027-02-20', '2027-02-20']]. */
export function dateRuns(dates: readonly string[]): [string, string][] {
  const runs: [string, string][] = [];
  for (const d of [...dates].sort()) {
    const last = runs[runs.length - 1];
    if (last && Date.parse(`${d}T00:00:00Z`) - Date.parse(`${last[1]}T00:00:00Z`) === DAY_MS) last[1] = d;
    else runs.push([d, d]);
  }
  return runs;
}

/**
 * The year an administrator should enter now, if any: the current year when it is still missing
 * (deadlines are provisional today), or next year from 1 November on.
 */
export function calendarReminder(today: string, extra?: CalendarOverrides): { year: number; late: boolean } | null {
  const y = Number(today.slice(0, 4));
  if (calendarCoverage(y, extra) === 'weekdays_only') return { year: y, late: true };
  if (today.slice(5) >= REMINDER_FROM && calendarCoverage(y + 1, extra) === 'weekdays_only') return { year: y + 1, late: false };
  return null;
}
