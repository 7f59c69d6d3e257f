/** Today's date in China (UTC+8, no daylight saving), as YYYY-MM-DD: legal dates are local dates. */
let dayFrom = NaN;
let dayUntil = NaN;
let todayIs = '';
export function todayInChina(now?: Date): string {
  if (now) return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  // Asked per row of an import: the day is kept with its bounds (China midnight to midnight) and
  // recomputed only when the clock leaves them (the next day, or a clock set back as tests do).
  const t = Date.now();
  if (t >= dayFrom && t < dayUntil) return todayIs;
  const local = t + 8 * 3600_000;
  dayFrom = local - (local % 86_400_000) - 8 * 3600_000;
  dayUntil = dayFrom + 86_400_000;
  todayIs = new Date(local).toISOString().slice(0, 10);
  return todayIs;
}

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(isoDate + 'T00:00:00Z') + days * 86400_000).toISOString().slice(0, 10);
}

/** Calendar days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 86400_000);
}
