/**
 * One formatter for dates, times, money and counts. A union works on China time: every date and
 * time is shown in Asia/Shanghai whatever the browser's time zone (docs/architecture.md).
 */
const TZ = 'Asia/Shanghai';
const dateTimeFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
const dateFmt = new Intl.DateTimeFormat('zh-CN', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' });

function parts(f: Intl.DateTimeFormat, d: Date) {
  const p = Object.fromEntries(f.formatToParts(d).map((x) => [x.type, x.value]));
  return p as Record<string, string>;
}

/** "2026-12-04 09:30:05" in China time, from an ISO timestamp. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '—';
  const p = parts(dateTimeFmt, d);
  return `${p.year}-${p.month}-${p.day} ${p.hour === '24' ? '00' : p.hour}:${p.minute}:${p.second}`;
}

/** "2026-12-04": the China date of a timestamp, or a YYYY-MM-DD date as it is (legal dates are already local). */
export function formatDate(v: string | null | undefined): string {
  if (!v) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  const d = new Date(v);
  if (Number.isNaN(d.getTime())) return '—';
  const p = parts(dateFmt, d);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Today in China as YYYY-MM-DD. */
export function todayInChina(): string {
  return formatDate(new Date().toISOString());
}

/** Money is stored in fen (integers); people read yuan with two decimals and thousands separators. */
export function yuan(fen: number | null | undefined): string {
  if (fen == null) return '—';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}¥${Math.floor(abs / 100).toLocaleString('zh-CN')}.${String(abs % 100).padStart(2, '0')}`;
}

/** A yuan amount typed into a form as integer fen. */
export function toFen(yuanValue: number): number {
  return Math.round(yuanValue * 100);
}

/**
 * A count for a list header: exact ("1,234"); where the server stopped counting, its estimate as an
 * order of magnitude ("约 1.2 万", "约 3,500"; English "about 12,000"), or without one "1,000+".
 */
export function countText(total: number, exact = true, estimate?: number, lang: 'zh-CN' | 'en-US' = 'zh-CN'): string {
  if (exact) return total.toLocaleString('zh-CN');
  if (!estimate || estimate <= total) return `${total.toLocaleString('zh-CN')}+`;
  const digits = Math.floor(Math.log10(estimate));
  const step = 10 ** Math.max(digits - 1, 0);
  const rounded = Math.round(estimate / step) * step;
  if (lang === 'en-US') return `about ${rounded.toLocaleString('en')}`;
  if (rounded >= 1e8) return `约 ${+(rounded / 1e8).toFixed(1)} 亿`;
  if (rounded >= 1e4) return `约 ${+(rounded / 1e4).toFixed(1)} 万`;
  return `约 ${rounded.toLocaleString('zh-CN')}`;
}
