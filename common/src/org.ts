/** Organisation vocabulary (docs/rules.md "Organisations"): levels of the union tree and grassroots kinds. */
export const ORG_LEVELS = ['national', 'province', 'city', 'county', 'street', 'grassroots'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];
export const ORG_LEVEL_LABELS: Record<OrgLevel, { zh: string; en: string }> = {
  national: { zh: '全国总工会', en: 'National federation' },
  province: { zh: '省总工会', en: 'Provincial federation' },
  city: { zh: '市总工会', en: 'City federation' },
  county: { zh: '县(市、区)总工会', en: 'County/district federation' },
  street: { zh: '乡镇(街道)·园区工会', en: 'Street/park union' },
  grassroots: { zh: '基层工会', en: 'Grassroots union' },
};

export const ORG_KINDS = ['enterprise', 'public_institution', 'joint', 'industry', 'regional'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const ORG_KIND_LABELS: Record<OrgKind, { zh: string; en: string }> = {
  enterprise: { zh: '企业工会', en: 'Enterprise union' },
  public_institution: { zh: '机关事业单位工会', en: 'Public institution union' },
  joint: { zh: '联合基层工会', en: 'Joint grassroots union' },
  industry: { zh: '行业工会联合会', en: 'Industry union federation' },
  regional: { zh: '区域工会联合会', en: 'Regional union federation' },
};

/** The level a child of `parent` must have: the next level down; grassroots have no children. */
export function childLevel(parent: OrgLevel): OrgLevel | null {
  const i = ORG_LEVELS.indexOf(parent);
  return i < 0 || i === ORG_LEVELS.length - 1 ? null : ORG_LEVELS[i + 1]!;
}

/** Whether a child of level `child` may sit under `parent`: strictly lower; grassroots may sit under any federation. */
export function canParent(parent: OrgLevel, child: OrgLevel): boolean {
  const pi = ORG_LEVELS.indexOf(parent);
  const ci = ORG_LEVELS.indexOf(child);
  return parent !== 'grassroots' && ci > pi;
}

/** End of a committee term: start plus the term length in years (ISO dates). */
export function termEnd(termStart: string, termYears: number): string {
  const [y, m, d] = termStart.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + termYears, m - 1, d));
  // 29 Feb + n years lands on 1 Mar when the target year is not a leap year; that is the legal reading too.
  return end.toISOString().slice(0, 10);
}

export type TermStatus = 'ok' | 'expiring' | 'expired' | 'unknown';

/**
 * Reelection warning status: expired when the end is past, expiring within `warnDays` — the
 * reminder days of the committee-term rule in force (common/src/rules.ts ORG_TERM_RULE).
 */
export function termStatus(termStart: string | null, termYears: number | null, today: string, warnDays: number): TermStatus {
  if (!termStart || !termYears) return 'unknown';
  const end = termEnd(termStart, termYears);
  if (end <= today) return 'expired';
  const warn = new Date(Date.parse(today + 'T00:00:00Z') + warnDays * 86400000).toISOString().slice(0, 10);
  return end <= warn ? 'expiring' : 'ok';
}

/** An org name masked for someone outside its scope: first 2 and last 2 characters kept ("江城****工会"). */
export function maskOrgName(name: string): string {
  const c = [...name];
  return c.length <= 4 ? c[0] + '**' : c.slice(0, 2).join('') + '****' + c.slice(-2).join('');
}
