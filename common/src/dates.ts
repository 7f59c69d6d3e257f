/** Today's date in China (UTC+8, no daylight saving), as YYYY-MM-DD: legal dates are local dates. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(isoDate + 'T00:00:00Z') + days * 86400_000).toISOString().slice(0, 10);
}
