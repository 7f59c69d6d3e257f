/**
 * Working-day arithmetic on the official Chinese holiday calendar, with its make-up working days
 * (调休), as published each year by the General Office of the State Council (国务院办公厅关于
 * 部分节假日安排的通知). See docs/rules.md "Deadlines".
 *
 * The calendar comes from the `chinese-days` package. We read its published data file
 * (`dist/chinese-days.json`, documented in its README) rather than calling its functions, because
 * the package builds its tables at load time with local-time Date arithmetic: in a time zone west
 * of UTC (a browser abroad) every date shifts one day and, e.g., isWorkday('2025-09-28') answers
 * for the 27th. Here all dates are plain YYYY-MM-DD strings and weekdays are computed in UTC, so
 * the answers do not depend on the machine's time zone.
 */
import calendarData from 'chinese-days/dist/chinese-days.json';
import { STATUTORY_HOLIDAYS } from './statutory-holidays.js';

/** Dates an administrator adds or corrects (a year the package lacks, a local arrangement); they win over the package. */
export interface CalendarOverrides {
  /** Days off (YYYY-MM-DD), including the weekend days that a holiday period covers. */
  holidays: string[];
  /** Working days (YYYY-MM-DD), including the weekend days that are make-up working days. */
  workdays: string[];
}

/**
 * Days the receiving union has to contact an online join applicant (docs/rules.md "Members",
 * Shanghai practice: 15 working days; the employer is not notified). A default for the dated rule
 * table, not a fixed rule: other localities may set other figures.
 */
export const JOIN_REPLY_WORKING_DAYS = 15;

const PACKAGE_HOLIDAYS: Readonly<Record<string, string>> = (calendarData as { holidays: Record<string, string> }).holidays;
const PACKAGE_WORKDAYS: Readonly<Record<string, string>> = (calendarData as { workdays: Record<string, string> }).workdays;

/** The package's arrangement of one year: its days off (with the weekend days a holiday period covers) and its make-up working days. */
export function packageArrangement(year: number): CalendarOverrides {
  const prefix = `${year}-`;
  return {
    holidays: Object.keys(PACKAGE_HOLIDAYS)
      .filter((d) => d.startsWith(prefix))
      .sort(),
    workdays: Object.keys(PACKAGE_WORKDAYS)
      .filter((d) => d.startsWith(prefix))
      .sort(),
  };
}

/** Years for which the package has the State Council's arrangement (2004 onwards at the installed version). */
export const PACKAGE_CALENDAR_YEARS: readonly number[] = [...new Set(Object.keys(PACKAGE_HOLIDAYS).map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a real YYYY-MM-DD date; throws RangeError otherwise. */
function toDayNumber(isoDate: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    const t = Date.UTC(y, mo - 1, d);
    const back = new Date(t);
    if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d) return t / DAY_MS;
  }
  throw new RangeError(`not a YYYY-MM-DD date: ${isoDate}`);
}

function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

type Lookup = (isoDate: string, dayNumber: number) => boolean;

const STATUTORY = new Set(Object.values(STATUTORY_HOLIDAYS).flat());
const PACKAGE_YEAR_SET = new Set(PACKAGE_CALENDAR_YEARS);

/**
 * A working-day predicate: override holidays, then override workdays, then the package's data;
 * in a year neither the package nor an administrator covers, the statutory holidays the law fixes
 * (common/src/statutory-holidays.ts); then Monday–Friday.
 */
function lookup(extra?: CalendarOverrides): Lookup {
  const offs = new Set(extra?.holidays ?? []);
  const ons = new Set(extra?.workdays ?? []);
  const enteredYears = new Set([...offs, ...ons].map((d) => d.slice(0, 4)));
  return (iso, n) => {
    if (offs.has(iso)) return false;
    if (ons.has(iso)) return true;
    if (PACKAGE_HOLIDAYS[iso] !== undefined) return false;
    if (PACKAGE_WORKDAYS[iso] !== undefined) return true;
    if (STATUTORY.has(iso) && !enteredYears.has(iso.slice(0, 4)) && !PACKAGE_YEAR_SET.has(Number(iso.slice(0, 4)))) return false;
    const weekday = new Date(n * DAY_MS).getUTCDay(); // 0 = Sunday
    return weekday >= 1 && weekday <= 5;
  };
}

/** Whether a date is a working day on the official calendar with 调休 (docs/rules.md "Deadlines"); a date listed in both override lists counts as a holiday. */
export function isWorkingDay(isoDate: string, extra?: CalendarOverrides): boolean {
  return lookup(extra)(isoDate, toDayNumber(isoDate));
}

/** The n-th working day after `isoDate`, the start itself not counting (a deadline "within n working days", docs/rules.md "Deadlines"); n = 0 gives the start, n < 0 counts backwards. */
export function addWorkingDays(isoDate: string, n: number, extra?: CalendarOverrides): string {
  if (!Number.isInteger(n)) throw new RangeError('addWorkingDays needs a whole number of days');
  const isWork = lookup(extra);
  let day = toDayNumber(isoDate);
  const step = n > 0 ? 1 : -1;
  for (let left = Math.abs(n); left > 0;) {
    day += step;
    if (isWork(fromDayNumber(day), day)) left--;
  }
  return fromDayNumber(day);
}

/** Working days after `a` up to and including `b` (so addWorkingDays(a, k) = b gives k), negative when b is before a (docs/rules.md "Deadlines"). */
export function workingDaysBetween(a: string, b: string, extra?: CalendarOverrides): number {
  const from = toDayNumber(a);
  const to = toDayNumber(b);
  if (to < from) return -workingDaysBetween(b, a, extra);
  const isWork = lookup(extra);
  let count = 0;
  for (let day = from + 1; day <= to; day++) if (isWork(fromDayNumber(day), day)) count++;
  return count;
}

/**
 * Where a year's calendar comes from, so the UI can warn that a year needs an administrator's entry
 * (an administrator may add a year the package lacks). `weekdays_only`: only weekends and the
 * statutory holidays are known, without the year's arrangement — deadlines there are provisional.
 */
export function calendarCoverage(year: number, extra?: CalendarOverrides): 'package' | 'override' | 'weekdays_only' {
  const prefix = `${year}-`;
  if (extra && [...extra.holidays, ...extra.workdays].some((d) => d.startsWith(prefix))) return 'override';
  if (PACKAGE_CALENDAR_YEARS.includes(year)) return 'package';
  return 'weekdays_only';
}

export type CalendarOverrideProblem = { date: string; problem: 'invalid_date' | 'in_both_lists' };

/** Problems in an administrator's overrides: dates that are not real YYYY-MM-DD dates, and dates listed both as holiday and as workday. */
export function checkCalendarOverrides(extra: CalendarOverrides): CalendarOverrideProblem[] {
  const problems: CalendarOverrideProblem[] = [];
  const valid = (d: string) => {
    try {
      toDayNumber(d);
      return true;
    } catch {
      return false;
    }
  };
  for (const d of new Set([...extra.holidays, ...extra.workdays])) if (!valid(d)) problems.push({ date: d, problem: 'invalid_date' });
  const offs = new Set(extra.holidays);
  for (const d of new Set(extra.workdays)) if (offs.has(d) && valid(d)) problems.push({ date: d, problem: 'in_both_lists' });
  return problems;
}
