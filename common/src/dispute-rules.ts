/**
 * The statutory clocks and thresholds of labour disputes (docs/rights.md, "Clocks"), as dated rule
 * data with their sources, and the pure functions that count them. Every period here is in calendar
 * days (or years), counted as the law counts periods (民法典 Arts. 201–203, 民事诉讼法 Art. 85) by
 * common/src/deadlines.ts: the start day does not count, and a last day on a rest day or holiday
 * moves to the next working day.
 */
import { z } from 'zod';
import { defineRule } from './rules.js';
import { computeDeadline, type DeadlineRule } from './deadlines.js';
import type { CalendarOverrides } from './working-days.js';

export interface DisputeClockRule {
  /** 劳动争议调解仲裁法 Art. 14: mediation ends within 15 days of receipt; then arbitration is open. */
  mediationDays: number;
  /** Art. 27: the limitation of an arbitration claim, from when the worker knew of the infringement. */
  limitationYears: number;
  /** Art. 7: a collective dispute has this many workers or more with a common claim. */
  collectiveMin: number;
  /** Art. 29: the commission decides on acceptance within 5 days. */
  acceptanceDays: number;
  /** Art. 43: the award within 45 days of acceptance, extendable once by at most 15. */
  awardDays: number;
  awardExtensionDays: number;
  /** Art. 48/50: suit within 15 days of receiving the award. */
  suitDays: number;
  /** 人民调解法 Art. 33: both parties apply for judicial confirmation within 30 days of the agreement taking effect. */
  confirmationDays: number;
}

const days = z.number().int().min(1).max(365);
export const DISPUTE_CLOCK_RULE = defineRule<DisputeClockRule>({
  key: 'dispute.clocks',
  zh: '劳动争议调解与仲裁时限',
  en: 'Labour-dispute mediation and arbitration periods',
  fields: {
    mediationDays: { zh: '调解期限（日）', en: 'Mediation period (days)' },
    limitationYears: { zh: '仲裁时效（年）', en: 'Arbitration limitation (years)' },
    collectiveMin: { zh: '集体争议最少人数', en: 'Workers for a collective dispute' },
    acceptanceDays: { zh: '仲裁受理审查期限（日）', en: 'Acceptance decision (days)' },
    awardDays: { zh: '仲裁裁决期限（日）', en: 'Award period (days)' },
    awardExtensionDays: { zh: '裁决延长期限（日）', en: 'Award extension (days)' },
    suitDays: { zh: '不服裁决起诉期限（日）', en: 'Suit after the award (days)' },
    confirmationDays: { zh: '申请司法确认期限（日）', en: 'Judicial confirmation (days)' },
  },
  schema: z.strictObject({
    mediationDays: days,
    limitationYears: z.number().int().min(1).max(5),
    collectiveMin: z.number().int().min(2).max(1000),
    acceptanceDays: days,
    awardDays: days,
    awardExtensionDays: days,
    suitDays: days,
    confirmationDays: days,
  }),
  defaults: [
    {
      effectiveFrom: '2008-05-01',
      value: {
        mediationDays: 15,
        limitationYears: 1,
        collectiveMin: 10,
        acceptanceDays: 5,
        awardDays: 45,
        awardExtensionDays: 15,
        suitDays: 15,
        confirmationDays: 30,
      },
      source: '《中华人民共和国劳动争议调解仲裁法》第7、14、27、29、43、48、50条；《中华人民共和国人民调解法》第33条',
    },
  ],
});
export const DEFAULT_DISPUTE_CLOCKS = DISPUTE_CLOCK_RULE.defaults[0]!.value;

const cal = (n: number): DeadlineRule => ({ n, unit: 'calendar_days' });

/** The mediation period's rule (calendar days, Art. 14). */
export const mediationRule = (r: DisputeClockRule = DEFAULT_DISPUTE_CLOCKS): DeadlineRule => cal(r.mediationDays);
/** The judicial-confirmation period's rule (人民调解法 Art. 33). */
export const confirmationRule = (r: DisputeClockRule = DEFAULT_DISPUTE_CLOCKS): DeadlineRule => cal(r.confirmationDays);

/** The last day of mediation for a case received on `receivedOn`. */
export function mediationDue(receivedOn: string, r: DisputeClockRule = DEFAULT_DISPUTE_CLOCKS, calendar?: CalendarOverrides): string {
  return computeDeadline(receivedOn, mediationRule(r), calendar).due;
}

export type LimitationState = 'within' | 'expired' | 'not_running' | 'unknown';

export interface Limitation {
  state: LimitationState;
  /** The last day to apply for arbitration (null when it does not run or the day is unknown). */
  due: string | null;
}

/**
 * The 1-year limitation (Art. 27) flagged at intake: counted from the day the worker knew of the
 * infringement. A claim for unpaid pay is not barred while the employment lasts (Art. 27 para. 4):
 * then the limitation does not run.
 */
export function limitationAt(
  input: { knewOn: string | null; type: string; employmentOngoing: boolean },
  onDate: string,
  r: DisputeClockRule = DEFAULT_DISPUTE_CLOCKS,
  calendar?: CalendarOverrides,
): Limitation {
  if (input.type === 'wage_arrears' && input.employmentOngoing) return { state: 'not_running', due: null };
  if (!input.knewOn) return { state: 'unknown', due: null };
  const due = computeDeadline(input.knewOn, { n: r.limitationYears, unit: 'years' }, calendar).due;
  return { state: onDate > due ? 'expired' : 'within', due };
}

/** Whether a case with `workers` workers sharing the claim is a collective dispute (Art. 7). */
export function isCollective(workers: number, r: DisputeClockRule = DEFAULT_DISPUTE_CLOCKS): boolean {
  return workers >= r.collectiveMin;
}

/**
 * The arbitration milestones after a referral (Arts. 29, 43, 48): acceptance within 5 days of the
 * application, the award within 45 days of acceptance (+15 when the commission extends it), a suit
 * within 15 days of the award.
 */
export function arbitrationDues(
  m: { appliedOn: string; acceptedOn?: string | null; extended?: boolean; awardOn?: string | null },
  r: DisputeClockRule = DEFAULT_DISPUTE_CLOCKS,
  calendar?: CalendarOverrides,
) {
  return {
    acceptanceDue: computeDeadline(m.appliedOn, cal(r.acceptanceDays), calendar).due,
    awardDue: m.acceptedOn ? computeDeadline(m.acceptedOn, cal(r.awardDays + (m.extended ? r.awardExtensionDays : 0)), calendar).due : null,
    suitDue: m.awardOn ? computeDeadline(m.awardOn, cal(r.suitDays), calendar).due : null,
  };
}

export interface WinterCampaignRule {
  /** The campaign starts on this month-day of the year before the festival (MM-DD). */
  startsOn: string;
  /** Spring Festival days (农历正月初一) by year: the campaign aims to clear cases before them. */
  springFestival: Record<string, string>;
}

/**
 * The winter campaign against wage arrears (根治欠薪冬季行动): each year the authorities run it from
 * mid-November to the Spring Festival, aiming to pay migrant workers before the holiday (保障农民工
 * 工资支付条例, 2020). The start day varies by year and place: weak, configurable.
 */
export const WINTER_CAMPAIGN_RULE = defineRule<WinterCampaignRule>({
  key: 'wage_arrears.winter_campaign',
  zh: '根治欠薪冬季行动',
  en: 'The winter campaign against wage arrears',
  fields: { startsOn: { zh: '行动开始日（月-日）', en: 'Starts on (month-day)' }, springFestival: { zh: '各年春节日期', en: 'Spring Festival by year' } },
  schema: z.strictObject({
    startsOn: z.string().regex(/^\d{2}-\d{2}$/),
    springFestival: z.record(z.string().regex(/^\d{4}$/), z.iso.date()),
  }),
  defaults: [
    {
      effectiveFrom: '2020-05-01',
      value: {
        startsOn: '11-15',
        springFestival: { 2025: '2025-01-29', 2026: '2026-02-17', 2027: '2027-02-06', 2028: '2028-01-26', 2029: '2029-02-13', 2030: '2030-02-03' },
      },
      source: '《保障农民工工资支付条例》（2020年5月1日施行）；根治欠薪冬季专项行动通常自11月中旬至春节前，开始日期以当年通知为准',
      weak: ['startsOn'],
    },
  ],
});

/** The winter campaign around `today`: running from its start to the next Spring Festival, or the next one's dates. */
export function winterCampaign(
  today: string,
  r: WinterCampaignRule = WINTER_CAMPAIGN_RULE.defaults[0]!.value,
): { from: string; festival: string; running: boolean } | null {
  const festival = Object.values(r.springFestival)
    .sort()
    .find((d) => d >= today);
  if (!festival) return null;
  const from = `${Number(festival.slice(0, 4)) - 1}-${r.startsOn}`;
  return { from, festival, running: today >= from };
}
