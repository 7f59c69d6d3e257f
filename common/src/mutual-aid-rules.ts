/**
 * Mutual aid (职工互助保障, docs/mutual-aid.md): the cover periods of the plans, the unified start
 * date of cover after payment, and the disability rule of the accident plan. Dated rule data: a rule
 * applies to plans whose start date falls on or after its `from` (the latest such rule wins).
 */
import { addDays } from './dates.js';
import { addMonthsClamped, computeDeadline } from './deadlines.js';

export const MUTUAL_AID_KINDS = ['accident', 'women_illness', 'serious_illness'] as const;
export type MutualAidKind = (typeof MUTUAL_AID_KINDS)[number];

export const MUTUAL_AID_KIND_LABELS: Record<MutualAidKind, { zh: string; en: string }> = {
  accident: { zh: '职工意外伤害互助保障', en: 'Accident cover' },
  women_illness: { zh: '女职工特殊疾病互助保障', en: "Women's special illness cover" },
  serious_illness: { zh: '职工重大疾病互助保障', en: 'Serious illness cover' },
};

export interface MutualAidRule {
  from: string;
  source: string;
  /** Cover period of each plan, in years from the unified start date. */
  coverYears: Record<MutualAidKind, number>;
  /** A disability from an accident is paid when it is assessed within this many calendar days of the accident. */
  disabilityWithinDays: number;
}

export const MUTUAL_AID_RULES: readonly MutualAidRule[] = [
  {
    from: '2000-01-01',
    source:
      '中国职工保险互助会《职工互助保障活动管理办法》及各地在职职工互助保障计划条款（意外伤害1年期、女职工特殊疾病2年期、重大疾病3年期；伤残须在意外发生之日起180日内评定）',
    coverYears: { accident: 1, women_illness: 2, serious_illness: 3 },
    disabilityWithinDays: 180,
  },
];

export function mutualAidRuleOn(day: string): MutualAidRule {
  let r = MUTUAL_AID_RULES[0]!;
  for (const x of MUTUAL_AID_RULES) if (x.from <= day) r = x;
  return r;
}

/**
 * The unified start date (统一生效日) of a member's cover: the plan's start date, or, when the fee is
 * paid on or after it, the first day of the month after the payment.
 */
export function coverStart(planStartsOn: string, paidOn: string): string {
  if (paidOn < planStartsOn) return planStartsOn;
  return addMonthsClamped(paidOn.slice(0, 8) + '01', 1);
}

/** The last day of cover: `years` after the start, less one day (a 1-year cover from 2026-01-01 ends 2026-12-31). */
export function coverEnd(start: string, years: number): string {
  return addDays(computeDeadline(start, { n: years, unit: 'years', rollForward: false }).due, -1);
}

/** Whether an event day lies within the cover, both ends included. */
export function covers(cover: { from: string; to: string }, day: string): boolean {
  return day >= cover.from && day <= cover.to;
}

/** The last day a disability from an accident on `accidentOn` may be assessed (calendar days, the accident day not counting). */
export function disabilityAssessBy(accidentOn: string, rule: MutualAidRule = mutualAidRuleOn(accidentOn)): string {
  return computeDeadline(accidentOn, { n: rule.disabilityWithinDays, unit: 'calendar_days', rollForward: false }).due;
}

/** Why a claim cannot be accepted, in zh and en, or null. */
export function claimProblem(
  kind: MutualAidKind,
  cover: { from: string; to: string },
  c: { eventOn: string; benefit: string; assessedOn?: string | null },
): { code: string; zh: string; en: string } | null {
  if (!covers(cover, c.eventOn)) {
    return {
      code: 'OUTSIDE_COVER',
      zh: `事故或确诊日期 ${c.eventOn} 不在保障期 ${cover.from} 至 ${cover.to} 内，不能申请互助金`,
      en: `The event on ${c.eventOn} is outside the cover period ${cover.from} to ${cover.to}; no claim can be made`,
    };
  }
  if (kind === 'accident' && c.benefit === 'disability') {
    if (!c.assessedOn) return { code: 'ASSESSMENT_REQUIRED', zh: '伤残给付须填写伤残评定日期', en: 'A disability claim needs the assessment date' };
    if (c.assessedOn < c.eventOn)
      return { code: 'ASSESSED_BEFORE_EVENT', zh: '伤残评定日期不能早于事故日期', en: 'The assessment cannot be before the accident' };
    const by = disabilityAssessBy(c.eventOn);
    if (c.assessedOn > by) {
      return {
        code: 'ASSESSED_TOO_LATE',
        zh: `伤残须在事故发生之日起180日内评定（最迟 ${by}），评定日期为 ${c.assessedOn}`,
        en: `A disability must be assessed within 180 days of the accident (by ${by}); it was assessed on ${c.assessedOn}`,
      };
    }
  }
  return null;
}

/** What each plan pays for. */
export const MUTUAL_AID_BENEFITS: Record<MutualAidKind, readonly string[]> = {
  accident: ['medical', 'disability', 'death'],
  women_illness: ['illness'],
  serious_illness: ['illness'],
};
export const MUTUAL_AID_BENEFIT_LABELS: Record<string, { zh: string; en: string }> = {
  medical: { zh: '意外医疗', en: 'Accident medical costs' },
  disability: { zh: '意外伤残', en: 'Disability' },
  death: { zh: '意外身故', en: 'Death' },
  illness: { zh: '疾病确诊', en: 'Diagnosis' },
};
