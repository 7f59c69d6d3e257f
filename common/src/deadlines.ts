/**
 * Every deadline of the platform is computed here, and says which days it counts (docs/rules.md,
 * "Deadlines"):
 *
 * - `working_days`: days on the official holiday calendar with its make-up working days (调休),
 *   e.g. the 15 working days a union has to answer an online join application;
 * - `calendar_days`, `months`, `years`: periods as the law counts them (民法典 Arts. 201–203,
 *   民事诉讼法 Art. 85): the start day is not counted; a period in months or years ends on the
 *   corresponding day, or on the last day of the month where there is none; a last day that falls
 *   on a rest day or statutory holiday moves to the first working day after it. Labour-dispute
 *   periods (劳动争议调解仲裁法 Arts. 14, 27, 29, 43, 48) count this way.
 *
 * A deadline whose counting crosses a year that the calendar does not cover is `provisional`: it is
 * counted on the statutory holidays of that year (全国年节及纪念日放假办法) without the make-up
 * arrangement, and is recomputed when an administrator enters the year.
 */
import { addWorkingDays, calendarCoverage, isWorkingDay, workingDaysBetween, type CalendarOverrides } from './working-days.js';
import { addDays } from './dates.js';

export type DayCount = 'working_days' | 'calendar_days' | 'months' | 'years';

/** A deadline rule: n units after the start. `rollForward: false` keeps a calendar period's last day even on a rest day. */
export interface DeadlineRule {
  n: number;
  unit: DayCount;
  rollForward?: boolean;
}

export const DAY_COUNT_LABELS: Record<DayCount, { zh: string; en: string }> = {
  working_days: { zh: '个工作日', en: 'working days' },
  calendar_days: { zh: '日（自然日）', en: 'calendar days' },
  months: { zh: '个月', en: 'months' },
  years: { zh: '年', en: 'years' },
};

/** "15个工作日" / "15 working days". */
export function describeRule(r: DeadlineRule): { zh: string; en: string } {
  return { zh: `${r.n}${DAY_COUNT_LABELS[r.unit].zh}`, en: `${r.n} ${DAY_COUNT_LABELS[r.unit].en}` };
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** The corresponding day `months` later, or the month's last day where there is none (a month from 01-31 ends 02-28 or 02-29). */
export function addMonthsClamped(isoDate: string, months: number): string {
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  const d = Number(isoDate.slice(8, 10));
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const nd = Math.min(d, daysInMonth(ny, nm));
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(nd).padStart(2, '0')}`;
}

/** The years whose calendar a count from `start` to `end` touches. */
function yearsBetween(start: string, end: string): number[] {
  const a = Number(start.slice(0, 4));
  const b = Number(end.slice(0, 4));
  const out: number[] = [];
  for (let y = Math.min(a, b); y <= Math.max(a, b); y++) out.push(y);
  return out;
}

export interface Deadline {
  due: string;
  rule: DeadlineRule;
  /** Counted (partly) on a year the calendar lacks: only weekends and the statutory holidays are known; recomputed when the year is entered. */
  provisional: boolean;
}

/** The due date of `rule` counted from `start` (the start day itself not counting). */
export function computeDeadline(start: string, rule: DeadlineRule, calendar?: CalendarOverrides): Deadline {
  let due: string;
  if (rule.unit === 'working_days') due = addWorkingDays(start, rule.n, calendar);
  else {
    due = rule.unit === 'calendar_days' ? addDays(start, rule.n) : addMonthsClamped(start, rule.unit === 'months' ? rule.n : rule.n * 12);
    if (rule.rollForward !== false) while (!isWorkingDay(due, calendar)) due = addDays(due, 1);
  }
  return { due, rule, provisional: isProvisional(start, due, calendar) };
}

/** Whether a deadline counted from `start` to `due` touches a year the calendar lacks (weekends and the statutory holidays only): it is recomputed when the year is entered. */
export function isProvisional(start: string, due: string, calendar?: CalendarOverrides): boolean {
  return yearsBetween(start, due).some((y) => calendarCoverage(y, calendar) === 'weekdays_only');
}

export interface DeadlineState {
  /** Days left until the due date (0 on the day), negative when overdue; counted in the rule's own days. */
  left: number;
  overdue: boolean;
  unit: 'working_days' | 'calendar_days';
}

/** How far `today` is from `due`, in working days for a working-day rule and in calendar days otherwise. */
export function deadlineState(due: string, today: string, unit: DayCount, calendar?: CalendarOverrides): DeadlineState {
  const working = unit === 'working_days';
  const left = working ? workingDaysBetween(today, due, calendar) : Math.round((Date.parse(due) - Date.parse(today)) / 86_400_000);
  return { left, overdue: due < today, unit: working ? 'working_days' : 'calendar_days' };
}
