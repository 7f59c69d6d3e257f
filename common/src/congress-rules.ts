/**
 * The rules of collective contracts and workers' congresses (docs/contracts.md), as pure functions
 * over dated rule data (common/src/rules.ts), each with its source:
 *
 * - 集体合同规定 (劳动和社会保障部令第22号, 2004): a written bargaining request (要约) is answered
 *   in writing within 20 days (Art. 32); each side has at least 3 negotiators in equal numbers,
 *   with a chief negotiator (Art. 19; at most 10 is local practice); a vacant seat is filled within
 *   15 days (practice); the draft goes to the workers' congress or the all-worker assembly, which
 *   adopts it with more than half of all members voting for it, at least two thirds present
 *   (Art. 36); the employer files the signed contract within 10 days (Art. 42); it takes effect
 *   when the labour administration raises no objection within 15 days of receiving it (Art. 47);
 *   a term of 1–3 years (Art. 38), renewal proposed in the last 3 months (Art. 39, practice).
 * - 企业民主管理规定 (中纪发〔2012〕12号) and the local 职工代表大会条例: an employer of
 *   fewer than 100 workers holds an all-worker assembly; 100–999 workers elect at least 30
 *   delegates, 1,000–9,999 at least 100, 10,000 and more at least 150; front-line workers at least
 *   half of the delegates, middle and senior managers at most a fifth; women in proportion; a
 *   term of 3 or 5 years; at least one session a year; a session needs two thirds of the delegates
 *   present, and a resolution more than half of all delegates.
 */
import { z } from 'zod';
import { defineRule, versionOn, type RuleVersion } from './rules.js';
import { addMonthsClamped } from './deadlines.js';
import { addDays } from './dates.js';

export const CONGRESS_RULE = defineRule({
  key: 'congress.quota',
  zh: '职工代表大会代表名额与构成',
  en: 'Workers’ congress: delegates and their make-up',
  fields: {
    assemblyBelow: { zh: '职工人数少于此数时召开职工大会', en: 'Below this workforce: an all-worker assembly' },
    bands: { zh: '代表名额（职工人数起点: 最少代表数）', en: 'Delegates (from workforce: at least)' },
    frontLineMinPct: { zh: '一线职工代表比例不低于（%）', en: 'Front-line delegates at least (%)' },
    managersMaxPct: { zh: '中层以上管理人员比例不高于（%）', en: 'Managers at most (%)' },
    termYears: { zh: '每届任期（年）', en: 'Terms (years)' },
  },
  schema: z.strictObject({
    assemblyBelow: z.number().int().min(1).max(10_000),
    bands: z
      .array(z.strictObject({ from: z.number().int().min(1), min: z.number().int().min(1) }))
      .min(1)
      .max(10),
    frontLineMinPct: z.number().int().min(0).max(100),
    managersMaxPct: z.number().int().min(0).max(100),
    termYears: z.array(z.number().int().min(1).max(10)).min(1),
  }),
  defaults: [
    {
      effectiveFrom: '2012-02-13',
      value: {
        assemblyBelow: 100,
        bands: [
          { from: 100, min: 30 },
          { from: 1000, min: 100 },
          { from: 10_000, min: 150 },
        ],
        frontLineMinPct: 50,
        managersMaxPct: 20,
        termYears: [3, 5],
      },
      source:
        '《企业民主管理规定》（中纪发〔2012〕12号）及各地职工代表大会条例：职工人数不足一百人的召开职工大会；代表名额按职工人数确定（一百至九百九十九人不少于三十人，一千至九千九百九十九人不少于一百人，一万人以上不少于一百五十人）；一线职工代表一般不少于百分之五十，中层以上管理人员一般不超过百分之二十；每届任期三年或五年',
    },
  ],
});

export const BARGAINING_RULE = defineRule({
  key: 'contract.bargaining',
  zh: '集体协商与集体合同期限',
  en: 'Collective bargaining and contract periods',
  fields: {
    answerDays: { zh: '书面回应要约期限（日）', en: 'Answer to a written request (days)' },
    negotiatorsMin: { zh: '每方协商代表最少人数', en: 'Negotiators per side, at least' },
    negotiatorsMax: { zh: '每方协商代表最多人数', en: 'Negotiators per side, at most' },
    vacancyDays: { zh: '协商代表出缺补齐期限（日）', en: 'A vacant seat filled within (days)' },
    filingDays: { zh: '签订后报送劳动行政部门期限（日）', en: 'Filed with the labour administration within (days)' },
    reviewDays: { zh: '劳动行政部门审查期限（日）', en: 'Review by the labour administration (days)' },
    termYearsMin: { zh: '合同期限最短（年）', en: 'Term at least (years)' },
    termYearsMax: { zh: '合同期限最长（年）', en: 'Term at most (years)' },
    renewalMonths: { zh: '期满前提出续订（月）', en: 'Renewal proposed in the last (months)' },
  },
  schema: z.strictObject({
    answerDays: z.number().int().min(1).max(90),
    negotiatorsMin: z.number().int().min(1).max(20),
    negotiatorsMax: z.number().int().min(1).max(30),
    vacancyDays: z.number().int().min(1).max(90),
    filingDays: z.number().int().min(1).max(90),
    reviewDays: z.number().int().min(1).max(90),
    termYearsMin: z.number().int().min(1).max(5),
    termYearsMax: z.number().int().min(1).max(10),
    renewalMonths: z.number().int().min(1).max(12),
  }),
  defaults: [
    {
      effectiveFrom: '2004-05-01',
      value: {
        answerDays: 20,
        negotiatorsMin: 3,
        negotiatorsMax: 10,
        vacancyDays: 15,
        filingDays: 10,
        reviewDays: 15,
        termYearsMin: 1,
        termYearsMax: 3,
        renewalMonths: 3,
      },
      source:
        '《集体合同规定》（劳动和社会保障部令第22号）第三十二条（二十日内书面回应）、第十九条（每方至少三人、人数对等）、第四十二条（签字后十日内报送）、第四十七条（十五日内未提出异议即行生效）、第三十八条（期限一般为一至三年）；每方最多十人、出缺补齐期限与续订提出时间为工作惯例',
      weak: ['negotiatorsMax', 'vacancyDays', 'renewalMonths'],
    },
  ],
});

export type CongressRule = z.infer<typeof CONGRESS_RULE.schema>;
export type BargainingRule = z.infer<typeof BARGAINING_RULE.schema>;

/** The rule values in force on a day (the code's defaults when none was entered). */
export function congressRuleOn(date: string, entered: RuleVersion<CongressRule>[] = []): CongressRule {
  return versionOn([...CONGRESS_RULE.defaults, ...entered], date).value;
}

export type CongressForm = { kind: 'assembly' } | { kind: 'congress'; minDelegates: number };

/** The body an employer of `workforce` workers holds, and its minimum number of delegates. */
export function congressForm(workforce: number, r: CongressRule): CongressForm {
  if (workforce < r.assemblyBelow) return { kind: 'assembly' };
  const band = [...r.bands]
    .sort((a, b) => a.from - b.from)
    .filter((b) => workforce >= b.from)
    .at(-1);
  return { kind: 'congress', minDelegates: band?.min ?? r.bands[0]!.min };
}

export interface DelegateMix {
  total: number;
  frontLine: number;
  managers: number;
  women: number;
}

export interface Problem {
  code: string;
  zh: string;
  en: string;
  /** The numbers: needed, have, short by (or over by). */
  needed: number;
  have: number;
  off: number;
}

/** The make-up of a body of delegates against the rule: quota, front line, managers, women in proportion. */
export function checkDelegates(workforce: number, womenInWorkforce: number, mix: DelegateMix, r: CongressRule): Problem[] {
  const out: Problem[] = [];
  const form = congressForm(workforce, r);
  if (form.kind === 'congress' && mix.total < form.minDelegates) {
    out.push({
      code: 'quota',
      zh: `职工${workforce}人应选代表不少于${form.minDelegates}人，现有${mix.total}人，差${form.minDelegates - mix.total}人`,
      en: `${form.minDelegates} delegates needed for ${workforce} workers; ${mix.total} elected`,
      needed: form.minDelegates,
      have: mix.total,
      off: form.minDelegates - mix.total,
    });
  }
  const frontNeeded = Math.ceil((mix.total * r.frontLineMinPct) / 100);
  if (mix.frontLine < frontNeeded) {
    out.push({
      code: 'front_line',
      zh: `一线职工代表应不少于${r.frontLineMinPct}%（${frontNeeded}人），现有${mix.frontLine}人，差${frontNeeded - mix.frontLine}人`,
      en: `Front-line delegates must be at least ${r.frontLineMinPct}% (${frontNeeded}); ${mix.frontLine}`,
      needed: frontNeeded,
      have: mix.frontLine,
      off: frontNeeded - mix.frontLine,
    });
  }
  const managersAllowed = Math.floor((mix.total * r.managersMaxPct) / 100);
  if (mix.managers > managersAllowed) {
    out.push({
      code: 'managers',
      zh: `中层以上管理人员代表应不超过${r.managersMaxPct}%（${managersAllowed}人），现有${mix.managers}人，多${mix.managers - managersAllowed}人`,
      en: `Managers must be at most ${r.managersMaxPct}% (${managersAllowed}); ${mix.managers}`,
      needed: managersAllowed,
      have: mix.managers,
      off: mix.managers - managersAllowed,
    });
  }
  if (workforce > 0) {
    // Women in proportion to the workforce, rounded down (a body of 30 from a workforce 35% women: at least 10).
    const womenNeeded = Math.floor((mix.total * womenInWorkforce) / workforce);
    if (mix.women < womenNeeded)
      out.push({
        code: 'women',
        zh: `女职工代表应与女职工比例相适应（${womenNeeded}人），现有${mix.women}人，差${womenNeeded - mix.women}人`,
        en: `Women delegates in proportion: ${womenNeeded}; ${mix.women}`,
        needed: womenNeeded,
        have: mix.women,
        off: womenNeeded - mix.women,
      });
  }
  return out;
}

export interface VoteCount {
  /** Delegates of the body (all of them, not those present). */
  delegates: number;
  present: number;
  for: number;
  against: number;
  abstain: number;
}

export interface VoteResult {
  passed: boolean;
  quorum: boolean;
  majority: boolean;
  /** Two thirds of all delegates, rounded up: who must be present. */
  quorumNeeded: number;
  /** More than half of all delegates: who must vote for. */
  majorityNeeded: number;
  problems: Problem[];
}

/**
 * A vote of the congress (or the assembly): at least two thirds of the delegates present, and more
 * than half of **all** delegates (not of those present) voting for. Counts that cannot be are
 * refused by the contract before this is reached.
 */
export function countVote(v: VoteCount): VoteResult {
  const quorumNeeded = Math.ceil((v.delegates * 2) / 3);
  const majorityNeeded = Math.floor(v.delegates / 2) + 1;
  const quorum = v.present >= quorumNeeded;
  const majority = v.for >= majorityNeeded;
  const problems: Problem[] = [];
  if (!quorum)
    problems.push({
      code: 'quorum',
      zh: `到会代表应不少于全体代表的三分之二（${quorumNeeded}人），实到${v.present}人，差${quorumNeeded - v.present}人`,
      en: `At least two thirds of the delegates must be present (${quorumNeeded}); ${v.present}`,
      needed: quorumNeeded,
      have: v.present,
      off: quorumNeeded - v.present,
    });
  if (!majority)
    problems.push({
      code: 'majority',
      zh: `赞成票应超过全体代表的半数（${majorityNeeded}票），现有${v.for}票，差${majorityNeeded - v.for}票`,
      en: `More than half of all delegates must vote for (${majorityNeeded}); ${v.for}`,
      needed: majorityNeeded,
      have: v.for,
      off: majorityNeeded - v.for,
    });
  return { passed: quorum && majority, quorum, majority, quorumNeeded, majorityNeeded, problems };
}

export function bargainingRuleOn(date: string, entered: RuleVersion<BargainingRule>[] = []): BargainingRule {
  return versionOn([...BARGAINING_RULE.defaults, ...entered], date).value;
}

/**
 * The last day of a contract's term: `termYears` from the day it takes effect, the day before the
 * corresponding day (a contract in force from 2026-03-01 for one year runs to 2027-02-28).
 */
export function contractExpiresOn(effectiveOn: string, termYears: number): string {
  return addDays(addMonthsClamped(effectiveOn, termYears * 12), -1);
}

/** The first day renewal may be proposed: `renewalMonths` before the term ends (集体合同规定 Art. 39, practice). */
export function renewalOpensOn(expiresOn: string, r: Pick<BargainingRule, 'renewalMonths'>): string {
  return addMonthsClamped(expiresOn, -r.renewalMonths);
}

/** Whether the renewal alert is on: from the day the window opens until the term's last day. */
export function renewalDue(expiresOn: string, today: string, r: Pick<BargainingRule, 'renewalMonths'>): boolean {
  return today >= renewalOpensOn(expiresOn, r) && today <= expiresOn;
}

/** The term in years against the rule: 1–3 years (Art. 38). Null when allowed. */
export function checkTerm(termYears: number, r: Pick<BargainingRule, 'termYearsMin' | 'termYearsMax'>): Problem | null {
  if (termYears >= r.termYearsMin && termYears <= r.termYearsMax) return null;
  return {
    code: 'term',
    zh: `集体合同期限应为${r.termYearsMin}至${r.termYearsMax}年，现为${termYears}年`,
    en: `A term of ${r.termYearsMin}–${r.termYearsMax} years; ${termYears} given`,
    needed: r.termYearsMax,
    have: termYears,
    off: termYears - r.termYearsMax,
  };
}

export interface NegotiatorSeat {
  side: 'union' | 'employer' | string;
  chief: boolean;
  vacatedOn?: string | null;
}

/**
 * The negotiators against the rule (集体合同规定 Art. 19): equal numbers on both sides, between the
 * minimum and the maximum each, one chief negotiator per side. Vacated seats do not count.
 */
export function checkNegotiators(seats: NegotiatorSeat[], r: Pick<BargainingRule, 'negotiatorsMin' | 'negotiatorsMax'>): Problem[] {
  const active = seats.filter((s) => !s.vacatedOn);
  const union = active.filter((s) => s.side === 'union');
  const employer = active.filter((s) => s.side === 'employer');
  const out: Problem[] = [];
  if (union.length !== employer.length)
    out.push({
      code: 'unequal',
      zh: `双方协商代表人数应当对等：职工方${union.length}人，企业方${employer.length}人`,
      en: `Both sides need equal numbers: union ${union.length}, employer ${employer.length}`,
      needed: union.length,
      have: employer.length,
      off: Math.abs(union.length - employer.length),
    });
  for (const [side, list, zh] of [
    ['union', union, '职工方'],
    ['employer', employer, '企业方'],
  ] as const) {
    if (list.length < r.negotiatorsMin)
      out.push({
        code: `${side}_few`,
        zh: `${zh}协商代表应不少于${r.negotiatorsMin}人，现有${list.length}人`,
        en: `The ${side} side needs at least ${r.negotiatorsMin} negotiators; ${list.length}`,
        needed: r.negotiatorsMin,
        have: list.length,
        off: r.negotiatorsMin - list.length,
      });
    if (list.length > r.negotiatorsMax)
      out.push({
        code: `${side}_many`,
        zh: `${zh}协商代表应不超过${r.negotiatorsMax}人，现有${list.length}人`,
        en: `The ${side} side may have at most ${r.negotiatorsMax} negotiators; ${list.length}`,
        needed: r.negotiatorsMax,
        have: list.length,
        off: list.length - r.negotiatorsMax,
      });
    const chiefs = list.filter((s) => s.chief).length;
    if (chiefs !== 1)
      out.push({
        code: `${side}_chief`,
        zh: `${zh}应有且只有一名首席协商代表，现有${chiefs}名`,
        en: `The ${side} side needs exactly one chief negotiator; ${chiefs}`,
        needed: 1,
        have: chiefs,
        off: chiefs - 1,
      });
  }
  return out;
}
