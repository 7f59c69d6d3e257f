/**
 * Yearly assessment (年度考核) of subordinate unions (docs/plans.md, "Yearly assessment"): the
 * scheme's weights, the automatic scores from live KPIs, the ranking, and the workflows of the
 * assessment, of each union's entry and of an appeal. The appeal period is practice, not statute:
 * 公示期内可提出异议/申诉; five working days after publication by default.
 */
import { machine } from './workflow.js';
import type { DeadlineRule } from './deadlines.js';

/** Indicator weights of one scheme add up to this. */
export const WEIGHT_TOTAL = 100;

/** An automatic indicator scores its weight times the achievement (value ÷ target), capped at 100 %. */
export const ACHIEVEMENT_CAP = 1;

/** The appeal period after publication: five working days (counted on the holiday calendar by common/src/deadlines.ts). */
export const APPEAL_RULE: DeadlineRule = { n: 5, unit: 'working_days' };

/** The sum of the weights, to one decimal. */
export function weightSum(weights: readonly number[]): number {
  return Math.round(weights.reduce((s, w) => s + w, 0) * 10) / 10;
}

/** An automatic indicator's score: weight × min(value ÷ target, cap), two decimals; no target scores 0. */
export function autoScore(value: number, target: number, weight: number): number {
  if (!(target > 0)) return 0;
  return Math.round(Math.min(value / target, ACHIEVEMENT_CAP) * weight * 100) / 100;
}

/** Standard competition ranking by total, highest first (1, 2, 2, 4); ties in name order. */
export function rankByTotal<T extends { total: number; name: string }>(rows: readonly T[]): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh-CN'));
  let last = Number.NaN;
  let rank = 0;
  return sorted.map((r, i) => {
    if (r.total !== last) rank = i + 1;
    last = r.total;
    return { ...r, rank };
  });
}

/** The assessment: open for self-assessment → in review by the level above → ranked → published (the appeal period starts). */
export const ASSESSMENT_MACHINE = machine({
  entity: 'assessment',
  states: {
    self_assessment: { zh: '自评中', en: 'Self-assessment', color: 'blue' },
    review: { zh: '上级评审中', en: 'In review', color: 'processing' },
    ranked: { zh: '已排名', en: 'Ranked', color: 'orange' },
    published: { zh: '已公布', en: 'Published', color: 'green', final: true },
  },
  path: ['self_assessment', 'review', 'ranked', 'published'],
  transitions: {
    startReview: {
      zh: '结束自评、开始评审',
      en: 'Close self-assessment',
      from: ['self_assessment'],
      to: ['review'],
      permission: 'plan.write',
      audit: 'assessment.review',
    },
    rank: { zh: '排名', en: 'Rank', from: ['review'], to: ['ranked'], permission: 'plan.write', audit: 'assessment.rank', confirm: true },
    publish: {
      zh: '公布结果',
      en: 'Publish',
      from: ['ranked'],
      to: ['published'],
      permission: 'plan.write',
      audit: 'assessment.publish',
      starts: { field: 'appealDue', rule: APPEAL_RULE },
      confirm: true,
    },
  },
});
export type AssessmentAction = keyof typeof ASSESSMENT_MACHINE.transitions;

/** One union's entry: its self-assessment, then the review by the level above. */
export const ENTRY_MACHINE = machine({
  entity: 'assessment_entry',
  states: {
    pending: { zh: '待自评', en: 'Awaiting self-assessment', color: 'default' },
    submitted: { zh: '已自评', en: 'Self-assessed', color: 'blue' },
    reviewed: { zh: '已评审', en: 'Reviewed', color: 'green', final: true },
  },
  path: ['pending', 'submitted', 'reviewed'],
  transitions: {
    selfAssess: {
      zh: '提交自评',
      en: 'Submit self-assessment',
      from: ['pending', 'submitted'],
      to: ['submitted'],
      permission: 'plan.report',
      audit: 'assessment.self',
    },
    review: {
      zh: '评审',
      en: 'Review',
      from: ['pending', 'submitted', 'reviewed'],
      to: ['reviewed'],
      permission: 'plan.write',
      audit: 'assessment.entry.review',
    },
  },
});

/** An appeal against a published result, answered by the union that assessed. */
export const APPEAL_MACHINE = machine({
  entity: 'assessment_appeal',
  states: {
    open: { zh: '待答复', en: 'Awaiting answer', color: 'orange' },
    answered: { zh: '已答复', en: 'Answered', color: 'green', final: true },
  },
  path: ['open', 'answered'],
  transitions: {
    answer: {
      zh: '答复申诉',
      en: 'Answer',
      from: ['open'],
      to: ['answered'],
      permission: 'plan.write',
      requires: ['answer'],
      audit: 'assessment.appeal.answer',
    },
  },
});

export const APPEAL_OUTCOMES = {
  upheld: { zh: '申诉成立，已调整得分', en: 'Upheld: score adjusted' },
  dismissed: { zh: '维持原评定', en: 'Dismissed: result stands' },
} as const;
