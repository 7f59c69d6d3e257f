import { todayInChina } from '../../../../../common/src/dates';
import { addMonths } from '../../../../../common/src/hardship-tier';

/** Today in China (YYYY-MM-DD), as the server counts deadlines. */
export function todayIso(): string {
  return todayInChina();
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The date `months` months before today, for "months worked in the city" (the rules count whole months from it). */
export function monthsAgo(months: number): string {
  return addMonths(todayIso(), -months);
}
