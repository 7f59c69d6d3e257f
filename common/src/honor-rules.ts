/**
 * Honours (劳动模范, 五一劳动奖章 / 奖状, 工人先锋号, 工匠) and their calls (docs/achievement.md):
 * the vocabulary, the dated rule data with its sources, and the pure checks a call's lists must pass.
 *
 * - The default floors and ceilings of a call are those of the ACFTU national notice of 2022
 *   (中华全国总工会关于开展2022年全国五一劳动奖和全国工人先锋号评选表彰工作的通知): of the 奖章,
 *   产业工人 ≥ 35%, other front-line workers and technical staff ≥ 20%, teachers and researchers
 *   ≥ 20%, 农民工 ≥ 10%; non-public enterprises ≥ 35% of the 奖状, the 奖章 and the 先锋号; teams
 *   (班组) ≥ 70% of the 先锋号; enterprise heads and officials at county level or above within a set
 *   number; new forms of employment to be included. A call copies them and may set its own (a city's
 *   女职工 ≥ 20%, 一线 ≥ 60%): floors are data on the call.
 * - 公示 lasts the period the call sets: commonly 5 working days (practice, configurable).
 * - Winners of national skills contests may get a 五一劳动奖章 outside the quota (单列), under
 *   《职工职业技能比赛授予全国五一劳动奖章管理办法》.
 */
import { z } from 'zod';
import { defineRule, versionOn, type RuleVersion } from './rules.js';
import { addDays } from './dates.js';
import { computeDeadline, type DeadlineRule } from './deadlines.js';
import type { CalendarOverrides } from './working-days.js';

type Label = { zh: string; en: string };

/** Honour kinds (荣誉种类). */
export const HONOR_KINDS = ['labor_medal', 'labor_award', 'pioneer', 'model_worker', 'advanced_worker', 'craftsman'] as const;
export type HonorKind = (typeof HONOR_KINDS)[number];
export const HONOR_KIND_LABELS: Record<HonorKind, Label> = {
  labor_medal: { zh: '五一劳动奖章', en: 'May Day Labour Medal' },
  labor_award: { zh: '五一劳动奖状', en: 'May Day Labour Certificate' },
  pioneer: { zh: '工人先锋号', en: 'Workers’ Pioneer' },
  model_worker: { zh: '劳动模范', en: 'Model worker' },
  advanced_worker: { zh: '先进工作者', en: 'Advanced worker' },
  craftsman: { zh: '工匠', en: 'Craftsman' },
};
/** Kinds given to a collective (a unit or a team) rather than to a person. */
export const COLLECTIVE_KINDS: readonly HonorKind[] = ['labor_award', 'pioneer'];

/** What a nominee is, for the floors (a nominee is counted in every category it belongs to). */
export const OCCUPATIONS = ['industrial_worker', 'frontline_tech', 'teacher_researcher', 'head_official', 'other'] as const;
export type Occupation = (typeof OCCUPATIONS)[number];
export const OCCUPATION_LABELS: Record<Occupation, Label> = {
  industrial_worker: { zh: '产业工人', en: 'Industrial worker' },
  frontline_tech: { zh: '其他一线职工和专业技术人员', en: 'Other front-line worker or technical staff' },
  teacher_researcher: { zh: '教师和科研人员', en: 'Teacher or researcher' },
  head_official: { zh: '企业负责人和县处级以上干部', en: 'Enterprise head or official at county level or above' },
  other: { zh: '其他', en: 'Other' },
};

export const CATEGORIES = [
  'industrial_worker',
  'frontline_tech',
  'teacher_researcher',
  'head_official',
  'migrant_worker',
  'non_public',
  'team',
  'gig_worker',
  'woman',
  'frontline',
] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_LABELS: Record<Category, Label> = {
  ...OCCUPATION_LABELS,
  migrant_worker: { zh: '农民工', en: 'Migrant workers' },
  non_public: { zh: '非公有制企业', en: 'Non-public enterprises' },
  team: { zh: '班组', en: 'Teams' },
  gig_worker: { zh: '新就业形态劳动者（货车司机、网约车司机、快递员、外卖配送员）', en: 'New forms of employment (drivers, couriers, riders)' },
  woman: { zh: '女职工', en: 'Women' },
  frontline: { zh: '一线职工', en: 'Front-line workers' },
} as Record<Category, Label>;

/**
 * Categories that exclude each other (a person has one occupation; a collective is a team or not):
 * floors inside one group cannot together exceed 100%.
 */
export const EXCLUSIVE_GROUPS: readonly (readonly Category[])[] = [['industrial_worker', 'frontline_tech', 'teacher_researcher', 'head_official']];

export interface Nominee {
  occupation: Occupation;
  migrantWorker: boolean;
  nonPublic: boolean;
  team: boolean;
  gigWorker: boolean;
  woman: boolean;
  frontline: boolean;
}

export function inCategory(n: Nominee, c: Category): boolean {
  switch (c) {
    case 'migrant_worker':
      return n.migrantWorker;
    case 'non_public':
      return n.nonPublic;
    case 'team':
      return n.team;
    case 'gig_worker':
      return n.gigWorker;
    case 'woman':
      return n.woman;
    case 'frontline':
      return n.frontline || n.occupation === 'industrial_worker' || n.occupation === 'frontline_tech';
    default:
      return n.occupation === c;
  }
}

/** A floor (`min`) or ceiling (`max`) over the kinds it names: a share in per cent, or a number of nominees. */
export const FloorSchema = z.strictObject({
  category: z.enum(CATEGORIES, { error: '类别不存在 / unknown category' }),
  kinds: z
    .array(z.enum(HONOR_KINDS, { error: '荣誉种类不存在 / unknown honour kind' }))
    .min(1, '请选择适用的荣誉种类 / choose the kinds')
    .max(HONOR_KINDS.length),
  op: z.enum(['min', 'max']),
  pct: z
    .number()
    .int()
    .min(0, '比例不能为负 / no negative share')
    .max(100, '比例不能超过100% / at most 100%')
    .nullish()
    .transform((v) => v ?? null),
  count: z
    .number()
    .int()
    .min(0)
    .max(100_000)
    .nullish()
    .transform((v) => v ?? null),
});
export type Floor = z.infer<typeof FloorSchema>;

export interface FloorProblem {
  /** Which floor or ceiling, as `floors[i]`, and the honour kind it was checked for. */
  index: number;
  kind: HonorKind;
  category: Category;
  op: 'min' | 'max';
  needed: number;
  have: number;
  /** Short by (a floor) or over by (a ceiling). */
  off: number;
  zh: string;
  en: string;
}

/**
 * Floors whose shares cannot all be met: within one group of exclusive categories the minimum
 * shares for one kind sum above 100%. The call is refused with them (a 400 naming the sum).
 */
export function impossibleFloors(floors: readonly Floor[]): { kind: HonorKind; group: Category[]; sum: number }[] {
  const out: { kind: HonorKind; group: Category[]; sum: number }[] = [];
  for (const kind of HONOR_KINDS) {
    for (const group of EXCLUSIVE_GROUPS) {
      const sum = floors
        .filter((f) => f.op === 'min' && f.pct !== null && f.kinds.includes(kind) && group.includes(f.category))
        .reduce((s, f) => s + f.pct!, 0);
      if (sum > 100) out.push({ kind, group: [...group], sum });
    }
  }
  return out;
}

const kindZh = (k: HonorKind) => HONOR_KIND_LABELS[k].zh;
const catZh = (c: Category) => CATEGORY_LABELS[c].zh;

/**
 * The floors and ceilings a list breaks, per honour kind, with the numbers: a floor of p% of n
 * nominees needs ⌈n·p/100⌉ of them; a ceiling of p% allows ⌊n·p/100⌋; a count is taken as it is.
 * A kind with no nominee on the list is not checked. An empty answer means the list passes.
 */
export function checkFloors(floors: readonly Floor[], list: readonly (Nominee & { kind: HonorKind })[]): FloorProblem[] {
  const out: FloorProblem[] = [];
  floors.forEach((f, index) => {
    for (const kind of f.kinds) {
      const ofKind = list.filter((n) => n.kind === kind);
      if (!ofKind.length) continue;
      const have = ofKind.filter((n) => inCategory(n, f.category)).length;
      const total = ofKind.length;
      if (f.op === 'min') {
        const needed = Math.max(f.pct !== null ? Math.ceil((total * f.pct) / 100) : 0, f.count ?? 0);
        if (have < needed) {
          out.push({
            index,
            kind,
            category: f.category,
            op: 'min',
            needed,
            have,
            off: needed - have,
            zh: `${kindZh(kind)}中${catZh(f.category)}应不少于${f.pct !== null ? `${f.pct}%（${total}人中${needed}人）` : `${needed}人`}，现有${have}人，差${needed - have}人`,
            en: `${HONOR_KIND_LABELS[kind].en}: ${CATEGORY_LABELS[f.category].en} at least ${needed}${f.pct !== null ? ` (${f.pct}% of ${total})` : ''}; ${have} on the list, ${needed - have} short`,
          });
        }
      } else {
        const allowed = Math.min(f.pct !== null ? Math.floor((total * f.pct) / 100) : Infinity, f.count ?? Infinity);
        if (Number.isFinite(allowed) && have > allowed) {
          out.push({
            index,
            kind,
            category: f.category,
            op: 'max',
            needed: allowed,
            have,
            off: have - allowed,
            zh: `${kindZh(kind)}中${catZh(f.category)}应不超过${f.pct !== null ? `${f.pct}%（${total}人中${allowed}人）` : `${allowed}人`}，现有${have}人，多${have - allowed}人`,
            en: `${HONOR_KIND_LABELS[kind].en}: ${CATEGORY_LABELS[f.category].en} at most ${allowed}; ${have} on the list, ${have - allowed} over`,
          });
        }
      }
    }
  });
  return out;
}

/** Every floor of a call against a list, met or not: what the call page shows (needed / have / short by). */
export function floorFigures(floors: readonly Floor[], list: readonly (Nominee & { kind: HonorKind })[]) {
  const broken = checkFloors(floors, list);
  return floors.flatMap((f, index) =>
    f.kinds.map((kind) => {
      const ofKind = list.filter((n) => n.kind === kind);
      const have = ofKind.filter((n) => inCategory(n, f.category)).length;
      const total = ofKind.length;
      const needed =
        f.op === 'min'
          ? Math.max(f.pct !== null ? Math.ceil((total * f.pct) / 100) : 0, f.count ?? 0)
          : Math.min(f.pct !== null ? Math.floor((total * f.pct) / 100) : 1e9, f.count ?? 1e9);
      const problem = broken.find((p) => p.index === index && p.kind === kind);
      return { index, kind, category: f.category, op: f.op, pct: f.pct, count: f.count, total, needed, have, off: problem?.off ?? 0, met: !problem };
    }),
  );
}

/** A quota of the call: how many of a kind a subordinate union may put forward. */
export interface Quota {
  orgId: string;
  kind: HonorKind;
  n: number;
}

/** Whether one more nomination of `kind` by `orgId` fits its quota; `used` counts those already in quota. */
export function quotaLeft(quotas: readonly Quota[], orgId: string, kind: HonorKind, used: number): { quota: number; used: number; left: number } {
  const quota = quotas.filter((q) => q.orgId === orgId && q.kind === kind).reduce((s, q) => s + q.n, 0);
  return { quota, used, left: quota - used };
}

/** 一票否决: the agencies that must clear each nominee before approval. */
export const CLEARANCE_AGENCIES = ['discipline', 'market', 'tax', 'audit', 'work_safety', 'environment', 'social_insurance'] as const;
export type ClearanceAgency = (typeof CLEARANCE_AGENCIES)[number];
export const CLEARANCE_AGENCY_LABELS: Record<ClearanceAgency, Label> = {
  discipline: { zh: '纪检监察', en: 'Discipline inspection' },
  market: { zh: '市场监管', en: 'Market regulation' },
  tax: { zh: '税务', en: 'Tax' },
  audit: { zh: '审计', en: 'Audit' },
  work_safety: { zh: '应急管理（安全生产）', en: 'Work safety' },
  environment: { zh: '生态环境', en: 'Environment' },
  social_insurance: { zh: '人力资源社会保障', en: 'Social insurance' },
};
export const CLEARANCE_RESULTS = ['pending', 'clear', 'objection'] as const;
export type ClearanceResult = (typeof CLEARANCE_RESULTS)[number];
export const CLEARANCE_RESULT_LABELS: Record<ClearanceResult, Label> = {
  pending: { zh: '待回复', en: 'Pending' },
  clear: { zh: '无异议', en: 'Clear' },
  objection: { zh: '有问题', en: 'Objection' },
};

/** The agencies that have not cleared a nominee (empty: all clear). */
export function unclearedAgencies(results: readonly { agency: string; result: string }[]): ClearanceAgency[] {
  return CLEARANCE_AGENCIES.filter((a) => results.find((r) => r.agency === a)?.result !== 'clear');
}

/**
 * The 公示 period: it opens on `from` (its first day) and lasts n days of the call's kind, the first
 * day counted. Working days follow the holiday calendar; calendar days are counted as they fall (a
 * public notice is not a statutory period that moves off a rest day).
 */
export function noticePeriod(from: string, rule: DeadlineRule, calendar?: CalendarOverrides): { from: string; to: string; provisional: boolean } {
  const r = rule.unit === 'working_days' ? rule : { ...rule, rollForward: false };
  const d = computeDeadline(addDays(from, -1), r, calendar);
  return { from, to: d.due, provisional: d.provisional };
}

/** Whether `today` lies inside the period (both ends counted). */
export function noticeOpen(p: { noticeFrom: string | null; noticeTo: string | null }, today: string): boolean {
  return !!p.noticeFrom && !!p.noticeTo && p.noticeFrom <= today && today <= p.noticeTo;
}

export const NOTICE_UNITS = ['working_days', 'calendar_days'] as const;

/** The defaults a new call starts from (the rule in force on the call's date). */
export const HONOR_CALL_RULE = defineRule({
  key: 'honor.call_defaults',
  zh: '评选表彰的比例要求与公示期',
  en: 'Honours: floors, ceilings and the public notice',
  fields: {
    floors: { zh: '比例要求（类别、适用荣誉、下限/上限、比例或人数）', en: 'Floors and ceilings (category, kinds, min/max, share or number)' },
    noticeDays: { zh: '公示期', en: 'Public notice period' },
    noticeUnit: { zh: '公示期计算方式（工作日/自然日）', en: 'Counted in working or calendar days' },
  },
  schema: z.strictObject({
    floors: z.array(FloorSchema).max(40),
    noticeDays: z.number().int().min(1).max(60),
    noticeUnit: z.enum(NOTICE_UNITS),
  }),
  defaults: [
    {
      effectiveFrom: '2022-01-01',
      value: {
        floors: [
          { category: 'industrial_worker', kinds: ['labor_medal'], op: 'min', pct: 35, count: null },
          { category: 'frontline_tech', kinds: ['labor_medal'], op: 'min', pct: 20, count: null },
          { category: 'teacher_researcher', kinds: ['labor_medal'], op: 'min', pct: 20, count: null },
          { category: 'migrant_worker', kinds: ['labor_medal'], op: 'min', pct: 10, count: null },
          { category: 'non_public', kinds: ['labor_award', 'labor_medal', 'pioneer'], op: 'min', pct: 35, count: null },
          { category: 'team', kinds: ['pioneer'], op: 'min', pct: 70, count: null },
          { category: 'head_official', kinds: ['labor_medal'], op: 'max', pct: null, count: 1 },
          { category: 'gig_worker', kinds: ['labor_medal'], op: 'min', pct: null, count: 1 },
        ],
        noticeDays: 5,
        noticeUnit: 'working_days',
      },
      source:
        '中华全国总工会关于开展2022年全国五一劳动奖和全国工人先锋号评选表彰工作的通知：奖章中产业工人不低于35%，其他一线职工和专业技术人员不低于20%，教科文卫（教师和科研人员）不低于20%，农民工不低于10%；非公有制企业不低于奖状、奖章和先锋号的35%；班组不低于先锋号的70%；企业负责人和县处级以上干部控制在规定名额内；货车司机、网约车司机、快递员、外卖配送员等新就业形态劳动者应有入选。负责人名额（默认1名）与公示期（默认5个工作日）为工作惯例，由每次评选的通知确定',
      weak: ['noticeDays', 'noticeUnit'],
    },
  ],
});
export type HonorCallDefaults = z.infer<typeof HONOR_CALL_RULE.schema>;

/** 单列: which contest winners may be put forward outside the quota, and for which honour. */
export const HONOR_OUTSIDE_QUOTA_RULE = defineRule({
  key: 'honor.outside_quota',
  zh: '技能竞赛获奖者单列推荐',
  en: 'Contest winners put forward outside the quota',
  fields: {
    kinds: { zh: '可单列的荣誉', en: 'Honours' },
    competitionLevels: { zh: '竞赛级别', en: 'Contest levels' },
    maxRank: { zh: '名次不低于', en: 'Rank at most' },
  },
  schema: z.strictObject({
    kinds: z.array(z.enum(HONOR_KINDS)).min(1),
    competitionLevels: z.array(z.string().min(1).max(20)).min(1),
    maxRank: z.number().int().min(1).max(100),
  }),
  defaults: [
    {
      effectiveFrom: '2022-01-01',
      value: { kinds: ['labor_medal'], competitionLevels: ['national'], maxRank: 1 },
      source:
        '《职工职业技能比赛授予全国五一劳动奖章管理办法》：全国职工职业技能比赛获奖者可单列推荐全国五一劳动奖章，不占所在地区和产业的名额；获奖名次要求按当年比赛方案确定',
      weak: ['maxRank'],
    },
  ],
});
export type OutsideQuotaRule = z.infer<typeof HONOR_OUTSIDE_QUOTA_RULE.schema>;

export function honorCallDefaultsOn(date: string, entered: RuleVersion<HonorCallDefaults>[] = []): HonorCallDefaults {
  return versionOn([...HONOR_CALL_RULE.defaults, ...entered], date).value;
}

/** Whether a contest result may be put forward outside the quota for `kind`. */
export function mayGoOutsideQuota(r: OutsideQuotaRule, kind: HonorKind, entry: { competitionLevel: string; rank: number | null; winner: boolean }): boolean {
  return r.kinds.includes(kind) && r.competitionLevels.includes(entry.competitionLevel) && entry.winner && entry.rank !== null && entry.rank <= r.maxRank;
}

/** Care for holders (劳模关爱). */
export const CARE_KINDS = ['allowance', 'checkup', 'recuperation', 'visit'] as const;
export type CareKind = (typeof CARE_KINDS)[number];
export const CARE_KIND_LABELS: Record<CareKind, Label> = {
  allowance: { zh: '荣誉津贴/困难补助', en: 'Allowance' },
  checkup: { zh: '健康体检', en: 'Check-up' },
  recuperation: { zh: '疗休养', en: 'Recuperation' },
  visit: { zh: '走访慰问', en: 'Visit' },
};

/** Levels of an honour or of a contest. */
export const ACHIEVEMENT_LEVELS = ['national', 'province', 'city', 'county', 'sector', 'employer'] as const;
export type AchievementLevel = (typeof ACHIEVEMENT_LEVELS)[number];
export const ACHIEVEMENT_LEVEL_LABELS: Record<AchievementLevel, Label> = {
  national: { zh: '全国', en: 'National' },
  province: { zh: '省级', en: 'Provincial' },
  city: { zh: '市级', en: 'City' },
  county: { zh: '区县级', en: 'District' },
  sector: { zh: '行业（产业）', en: 'Sector' },
  employer: { zh: '企业', en: 'Employer' },
};
