/**
 * Hardship tiers (深度困难 / 相对困难 / 意外致困), docs/rules.md "Hardship assistance":
 *
 *   per-person monthly income = (household annual income − rigid expenses) ÷ 12 ÷ household size
 *   deep      : below 1 × the local subsistence line (低保标准) in force on the evaluation date
 *   relative  : below 2 ×
 *   accident  : a disaster or a work accident, or the year's accident/illness costs above 80% of
 *               the annual household income
 *   migrant workers (农民工) also need ≥ 1 year of de-facto employment in the city.
 *
 * Every figure is rule DATA (a dated rule set and a table of subsistence lines by region), never a
 * literal here: DEFAULT_RULE_SET is only the seed an administrator starts from. Money is integer fen
 * and comparisons are exact integer arithmetic (no division before comparing), so "exactly 1×" is
 * not below 1×. Pure: used by the server, the public self-check and the web alike.
 */
import type { Tier } from './hardship-vocab.js';

export interface SubsistenceLine {
  id?: string;
  /** GB/T 2260 region code: a district (439902), a city (439900) or a province (430000). */
  regionCode: string;
  effectiveFrom: string;
  /** Monthly minimum-living standard per person, in fen. */
  monthlyFen: number;
  source: string;
  weak: boolean;
}

/** The configurable figures of the assistance rules; multiples and shares in permille (‰) so all arithmetic stays integer. */
export interface HardshipParams {
  deepMultiplePermille: number;
  relativeMultiplePermille: number;
  accidentCostPermille: number;
  migrantMinMonths: number;
  /** Monitoring: income below this multiple of the line counts as "near the line" (default 1.2×). */
  nearLineBandPermille: number;
  monitoringMonths: number;
  followUpIntervalMonths: number;
  reassessMonths: number;
  reviewLevels: number;
  areaPeriodMonths: number;
  areaRelapseThreshold: number;
  areaNewDeepThreshold: number;
  /** Job losses (member event 'left') this many days old or newer raise a warning. */
  jobLossLookbackDays: number;
  responseWorkingDays: { red: number; orange: number; yellow: number };
}

export interface RuleSet {
  id?: string;
  version: string;
  effectiveFrom: string;
  params: HardshipParams;
  source: string;
  /** Parameters whose default is a local practice or a guess (*weak* in docs/rules.md): the UI says so. */
  weakKeys: (keyof HardshipParams)[];
}

export const DEFAULT_RULE_SET: RuleSet = {
  version: 'tiers-2021.1',
  effectiveFrom: '2021-01-01',
  params: {
    deepMultiplePermille: 1000,
    relativeMultiplePermille: 2000,
    accidentCostPermille: 800,
    migrantMinMonths: 12,
    nearLineBandPermille: 1200,
    monitoringMonths: 12,
    followUpIntervalMonths: 3,
    reassessMonths: 12,
    reviewLevels: 2,
    areaPeriodMonths: 3,
    areaRelapseThreshold: 3,
    areaNewDeepThreshold: 15,
    jobLossLookbackDays: 180,
    responseWorkingDays: { red: 3, orange: 5, yellow: 10 },
  },
  source:
    '分档标准依据全国总工会困难职工帮扶工作相关规定（深度困难：人均收入低于当地低保标准；相对困难：低于低保标准2倍；意外致困：因灾、工伤或当年意外/疾病支出超过家庭年收入80%；农民工须在城市务工满1年）。监测、复核与预警参数为本系统默认值，可按本地规定修改。',
  weakKeys: [
    'relativeMultiplePermille',
    'nearLineBandPermille',
    'monitoringMonths',
    'followUpIntervalMonths',
    'reviewLevels',
    'areaPeriodMonths',
    'areaRelapseThreshold',
    'areaNewDeepThreshold',
    'jobLossLookbackDays',
    'responseWorkingDays',
  ],
};

export interface TierInput {
  regionCode: string;
  evaluationDate: string;
  annualIncomeFen: number;
  rigidMedicalFen: number;
  rigidSchoolingFen: number;
  householdSize: number;
  /** The year's accident and illness costs (当年意外/疾病支出). */
  accidentCostFen: number;
  disaster: boolean;
  workAccident: boolean;
  migrantWorker: boolean;
  /** Start of de-facto employment in the city (migrant workers). */
  cityWorkSince: string | null;
}

export type TierStatus = 'ok' | 'no_line' | 'migrant_too_recent' | 'invalid';

/** One income test against the line: below `multiplePermille` ‰ of it (the line × multiple a person a month, and whether the household is below). */
export interface LineTest {
  multiplePermille: number;
  monthlyFen: number;
  met: boolean;
}

export interface TierResult {
  tier: Tier | null;
  status: TierStatus;
  evaluatedOn: string;
  ruleVersion: string;
  ruleSetEffectiveFrom: string;
  line: { id: string | null; regionCode: string; effectiveFrom: string; monthlyFen: number; source: string; weak: boolean } | null;
  netAnnualFen: number;
  householdSize: number;
  /** Rounded down to whole fen, for display; the comparisons use the exact fraction. */
  perCapitaMonthlyFen: number;
  /** Per-capita income as a multiple of the line, in permille, rounded down (null without a line). */
  ratioPermille: number | null;
  /** The two income tests as they were made (null without a line); absent from snapshots stored before they were kept. */
  lineTests?: { deep: LineTest; relative: LineTest } | null;
  accident: { disaster: boolean; workAccident: boolean; costFen: number; costSharePermille: number | null; costRuleMet: boolean; met: boolean };
  migrant: { applies: boolean; monthsInCity: number | null; required: number; ok: boolean };
  /** The computation in words (zh), with the numbers and the rule version. */
  explanation: string;
}

/** Household annual income less the rigid expenses (fen): the numerator of the per-person income. */
export function netAnnualFen(f: { annualIncomeFen: number; rigidMedicalFen: number; rigidSchoolingFen: number }): number {
  return f.annualIncomeFen - f.rigidMedicalFen - f.rigidSchoolingFen;
}

/** Per-person monthly income in whole fen, rounded down: (annual income − rigid expenses) ÷ 12 ÷ household size. */
export function perCapitaMonthlyFen(net: number, householdSize: number): number {
  return Math.floor(net / (12 * Math.max(1, householdSize)));
}

/** "1,234.56": fen as yuan with two decimals. */
export function formatYuan(fen: number): string {
  const neg = fen < 0;
  const a = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(a / 100).toLocaleString('en-US');
  return (neg ? '-' : '') + yuan + '.' + String(a % 100).padStart(2, '0');
}

const permilleText = (p: number) => (p / 1000).toFixed(3).replace(/0+$/, '').replace(/\.$/, '');

/** Calendar months after an ISO date; the 31st becomes the last day of a shorter month. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** Whole calendar months from `from` to `to` (0 when `to` is before the first monthiversary). */
export function monthsBetween(from: string, to: string): number {
  if (to < from) return -monthsBetween(to, from);
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  let n = (ty - fy) * 12 + (tm - fm);
  while (n > 0 && addMonths(from, n) > to) n--;
  return n;
}

/** Region codes to try, most specific first: the district, its city (xxxx00), its province (xx0000). */
export function regionFallbacks(regionCode: string): string[] {
  return [...new Set([regionCode, regionCode.slice(0, 4) + '00', regionCode.slice(0, 2) + '0000'])];
}

/** The subsistence line in force for a region on a date: the latest one that has started, for the most specific region that has any. */
export function lineInForce(lines: readonly SubsistenceLine[], regionCode: string, date: string): SubsistenceLine | null {
  for (const region of regionFallbacks(regionCode)) {
    let best: SubsistenceLine | null = null;
    for (const l of lines) {
      if (l.regionCode === region && l.effectiveFrom <= date && (!best || l.effectiveFrom > best.effectiveFrom)) best = l;
    }
    if (best) return best;
  }
  return null;
}

/** The rule set in force on a date (the latest that has started); the built-in default before any. */
export function ruleSetInForce(sets: readonly RuleSet[], date: string): RuleSet {
  let best: RuleSet | null = null;
  for (const s of sets) if (s.effectiveFrom <= date && (!best || s.effectiveFrom > best.effectiveFrom)) best = s;
  return best ?? DEFAULT_RULE_SET;
}

/** Whether the input is usable at all; a message per problem (zh). */
export function tierInputProblems(i: TierInput): string[] {
  const p: string[] = [];
  const money = (v: number, what: string) => {
    if (!Number.isSafeInteger(v) || v < 0) p.push(`${what}应为非负整数（分）`);
  };
  money(i.annualIncomeFen, '家庭年收入');
  money(i.rigidMedicalFen, '医疗刚性支出');
  money(i.rigidSchoolingFen, '教育刚性支出');
  money(i.accidentCostFen, '当年意外/疾病支出');
  if (!Number.isInteger(i.householdSize) || i.householdSize < 1 || i.householdSize > 30) p.push('家庭人口应为1至30人');
  return p;
}

/**
 * Evaluate a household against the rules in force on `input.evaluationDate`. The result carries
 * every number used, the line (with its source) and the rule version, so a file can show how its
 * tier came about and be re-evaluated when the income or the line changes.
 */
export function evaluateTier(input: TierInput, lines: readonly SubsistenceLine[], ruleSets: readonly RuleSet[]): TierResult {
  const rules = ruleSetInForce(ruleSets, input.evaluationDate);
  const P = rules.params;
  const line = lineInForce(lines, input.regionCode, input.evaluationDate);
  const rigid = input.rigidMedicalFen + input.rigidSchoolingFen;
  const net = netAnnualFen(input);
  const size = Math.max(1, input.householdSize);
  // Exact: per-capita = net / (12 × size); compare net × 1000 with line × 12 × size × multiple‰.
  const perCapita = perCapitaMonthlyFen(net, size);
  const ratio = line ? Math.floor((net * 1000) / (12 * size * line.monthlyFen)) : null;
  const below = (multiplePermille: number) => line !== null && net * 1000 < line.monthlyFen * 12 * size * multiplePermille;
  const test = (multiplePermille: number): LineTest => ({
    multiplePermille,
    monthlyFen: line ? Math.round((line.monthlyFen * multiplePermille) / 1000) : 0,
    met: below(multiplePermille),
  });
  const lineTests = line ? { deep: test(P.deepMultiplePermille), relative: test(P.relativeMultiplePermille) } : null;

  const costShare = input.annualIncomeFen > 0 ? Math.floor((input.accidentCostFen * 1000) / input.annualIncomeFen) : null;
  const costRuleMet = input.accidentCostFen > 0 && input.accidentCostFen * 1000 > input.annualIncomeFen * P.accidentCostPermille;
  const accidentMet = input.disaster || input.workAccident || costRuleMet;

  const monthsInCity = input.cityWorkSince ? monthsBetween(input.cityWorkSince, input.evaluationDate) : null;
  const migrantOk = !input.migrantWorker || (input.cityWorkSince !== null && addMonths(input.cityWorkSince, P.migrantMinMonths) <= input.evaluationDate);

  const problems = tierInputProblems(input);
  let status: TierStatus = 'ok';
  let tier: Tier | null = null;
  if (problems.length) status = 'invalid';
  else if (!migrantOk) status = 'migrant_too_recent';
  else {
    if (lineTests?.deep.met) tier = 'deep';
    else if (lineTests?.relative.met) tier = 'relative';
    else if (accidentMet) tier = 'accident';
    if (!line && !tier) status = 'no_line';
  }

  const steps: string[] = [];
  steps.push(
    `家庭年收入 ${formatYuan(input.annualIncomeFen)} 元，扣除刚性支出 ${formatYuan(rigid)} 元（医疗 ${formatYuan(input.rigidMedicalFen)} 元、教育 ${formatYuan(input.rigidSchoolingFen)} 元）` +
      `后为 ${formatYuan(net)} 元，÷12 个月 ÷${size} 人 = 人均月收入 ${formatYuan(perCapita)} 元。`,
  );
  if (line) {
    steps.push(
      `地区 ${line.regionCode} 自 ${line.effectiveFrom} 起执行的低保标准为 ${formatYuan(line.monthlyFen)} 元/人·月（来源：${line.source}${line.weak ? '，待核实' : ''}），` +
        `人均月收入为低保标准的 ${permilleText(ratio!)} 倍；深度困难须低于 ${permilleText(P.deepMultiplePermille)} 倍，相对困难须低于 ${permilleText(P.relativeMultiplePermille)} 倍。`,
    );
  } else {
    steps.push(`未找到地区 ${input.regionCode} 在 ${input.evaluationDate} 执行的低保标准，无法按收入分档，请管理员维护低保标准。`);
  }
  const acc: string[] = [];
  if (input.disaster) acc.push('遭受灾害');
  if (input.workAccident) acc.push('发生工伤');
  if (costRuleMet) acc.push(`当年意外/疾病支出 ${formatYuan(input.accidentCostFen)} 元超过家庭年收入的 ${permilleText(P.accidentCostPermille * 100)}%`);
  steps.push(
    acc.length
      ? `意外致困条件：${acc.join('；')}。`
      : `意外致困条件：无灾害、无工伤，当年意外/疾病支出 ${formatYuan(input.accidentCostFen)} 元未超过家庭年收入的 ${permilleText(P.accidentCostPermille * 100)}%。`,
  );
  if (input.migrantWorker) {
    steps.push(
      migrantOk
        ? `农民工在城市务工 ${monthsInCity} 个月，满足至少 ${P.migrantMinMonths} 个月的要求。`
        : `农民工须在城市务工满 ${P.migrantMinMonths} 个月，${input.cityWorkSince ? `自 ${input.cityWorkSince} 起仅 ${monthsInCity} 个月` : '未填写来城务工时间'}，暂不符合建档条件。`,
    );
  }
  const verdict =
    status === 'invalid'
      ? `数据有误：${problems.join('；')}。`
      : status === 'migrant_too_recent'
        ? '结论：暂不符合建档条件（务工年限不足）。'
        : tier === 'deep'
          ? '结论：深度困难。'
          : tier === 'relative'
            ? '结论：相对困难。'
            : tier === 'accident'
              ? '结论：意外致困。'
              : status === 'no_line'
                ? '结论：无法判定。'
                : '结论：不符合困难职工认定条件。';
  steps.push(`${verdict}（评定日期 ${input.evaluationDate}，规则版本 ${rules.version}）`);

  return {
    tier,
    status,
    evaluatedOn: input.evaluationDate,
    ruleVersion: rules.version,
    ruleSetEffectiveFrom: rules.effectiveFrom,
    line: line
      ? {
          id: line.id ?? null,
          regionCode: line.regionCode,
          effectiveFrom: line.effectiveFrom,
          monthlyFen: line.monthlyFen,
          source: line.source,
          weak: line.weak,
        }
      : null,
    netAnnualFen: net,
    householdSize: size,
    perCapitaMonthlyFen: perCapita,
    ratioPermille: ratio,
    lineTests,
    accident: {
      disaster: input.disaster,
      workAccident: input.workAccident,
      costFen: input.accidentCostFen,
      costSharePermille: costShare,
      costRuleMet,
      met: accidentMet,
    },
    migrant: { applies: input.migrantWorker, monthsInCity, required: P.migrantMinMonths, ok: migrantOk },
    explanation: steps.join('\n'),
  };
}

/** What a worker should do next, for the public self-check (zh and en). */
export function nextSteps(r: TierResult): { zh: string; en: string }[] {
  if (r.status === 'migrant_too_recent') {
    return [
      {
        zh: `在城市务工满 ${r.migrant.required} 个月后可申请建档；遇到急难可先向所在工会申请临时救助。`,
        en: `You can apply once you have worked in the city for ${r.migrant.required} months; ask your union for emergency help meanwhile.`,
      },
    ];
  }
  if (r.status === 'no_line')
    return [{ zh: '本地区低保标准尚未录入，请联系所在工会咨询。', en: 'The local subsistence line is not on record yet; ask your union.' }];
  if (!r.tier)
    return [
      {
        zh: '按您填写的数据暂不符合困难职工认定条件；如家庭情况变化（大病、失业、灾害），可随时再测或联系工会。',
        en: 'By these figures you do not qualify; check again if things change (illness, job loss, disaster).',
      },
    ];
  return [
    {
      zh: '准备身份证、户口簿、家庭收入证明，以及病历、残疾证等相关材料。',
      en: 'Prepare your ID card, household register, proof of income and any medical or disability papers.',
    },
    {
      zh: '在线提交困难职工建档申请，或向所在基层工会提出申请；工会将入户核实后逐级审核。',
      en: 'Apply online or at your grassroots union; the union will visit, check and pass it up for review.',
    },
  ];
}

/**
 * Why a household does not qualify, in one sentence with its numbers: the per-person monthly income
 * against the line and the highest income test (e.g. 2 × the line for 相对困难), the accident rule,
 * or the migrant-worker year. Used when a relapse (返困) is refused, so the refusal shows the figures.
 */
export function ineligibleSummary(r: TierResult): { zh: string; en: string } {
  if (r.status === 'invalid') return { zh: r.explanation.split('\n').pop() ?? '数据有误', en: 'The figures are invalid' };
  if (r.status === 'migrant_too_recent') {
    return {
      zh: `农民工须在城市务工满 ${r.migrant.required} 个月，目前 ${r.migrant.monthsInCity ?? 0} 个月，暂不符合建档条件`,
      en: `Migrant workers need ${r.migrant.required} months in the city; ${r.migrant.monthsInCity ?? 0} so far`,
    };
  }
  const pc = formatYuan(r.perCapitaMonthlyFen);
  if (!r.line || !r.lineTests)
    return { zh: `人均月收入 ${pc} 元；本地区低保标准尚未录入，无法判定`, en: `Income ${pc} yuan a person a month; no subsistence line on record` };
  const rel = r.lineTests.relative;
  const acc = r.accident.met ? '' : '，且无灾害、工伤或超过家庭年收入规定比例的意外/疾病支出';
  const accEn = r.accident.met ? '' : '; no disaster, work accident or accident costs above the rule';
  return {
    zh: `人均月收入 ${pc} 元，不低于低保标准 ${formatYuan(r.line.monthlyFen)} 元/人·月的 ${permilleText(rel.multiplePermille)} 倍（${formatYuan(rel.monthlyFen)} 元）${acc}，不符合困难职工认定条件（规则版本 ${r.ruleVersion}，低保标准自 ${r.line.effectiveFrom} 起执行）`,
    en: `Income ${pc} yuan a person a month is not below ${permilleText(rel.multiplePermille)} × the line of ${formatYuan(r.line.monthlyFen)} yuan (${formatYuan(rel.monthlyFen)} yuan)${accEn}`,
  };
}
