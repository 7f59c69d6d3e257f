import { describe, expect, it } from 'vitest';
import {
  addMonths,
  DEFAULT_RULE_SET,
  evaluateTier,
  formatYuan,
  ineligibleSummary,
  lineInForce,
  monthsBetween,
  nextSteps,
  ruleSetInForce,
  type RuleSet,
  type SubsistenceLine,
  type TierInput,
} from './hardship-tier.js';
import { checkCaps, DEFAULT_CAPS, inForceOn, type AidLike } from './hardship-caps.js';

/**
 * Worked examples of the tier rules (docs/rules.md "Hardship assistance"): per person per month =
 * (household annual income − rigid expenses) ÷ 12 ÷ household size; deep below 1 × the local
 * subsistence line, relative below 2 ×; accident: disaster, work accident, or the year's
 * accident/illness costs above 80 % of annual income; migrant workers need ≥ 1 year in the city.
 */
const LINES: SubsistenceLine[] = [
  { regionCode: '439900', effectiveFrom: '2025-01-01', monthlyFen: 80_000, source: '江城市民政局（演示）', weak: false },
  // The line changes mid-year.
  { regionCode: '439900', effectiveFrom: '2026-07-01', monthlyFen: 85_000, source: '江城市民政局（演示）', weak: false },
  { regionCode: '439921', effectiveFrom: '2025-01-01', monthlyFen: 60_000, source: '清河县（演示）', weak: true },
];
const RULES = [DEFAULT_RULE_SET];

const base: TierInput = {
  regionCode: '439902',
  evaluationDate: '2026-03-01',
  annualIncomeFen: 0,
  rigidMedicalFen: 0,
  rigidSchoolingFen: 0,
  householdSize: 3,
  accidentCostFen: 0,
  disaster: false,
  workAccident: false,
  migrantWorker: false,
  cityWorkSince: null,
};
/** Annual household income that gives exactly `perCapitaFen` a person a month. */
const annualFor = (perCapitaFen: number, size = 3) => perCapitaFen * 12 * size;
const ev = (i: Partial<TierInput>) => evaluateTier({ ...base, ...i }, LINES, RULES);

describe('deep and relative tiers by income (line 800 yuan in 439900, district 439902 falls back to the city)', () => {
  it('1 fen a year below exactly 1× is deep', () => {
    const r = ev({ annualIncomeFen: annualFor(80_000) - 1 });
    expect(r.tier).toBe('deep');
    expect(r.line).toMatchObject({ regionCode: '439900', monthlyFen: 80_000 });
  });

  it('exactly 1× is not deep ("below" the line) but relative', () => {
    const r = ev({ annualIncomeFen: annualFor(80_000) });
    expect(r.perCapitaMonthlyFen).toBe(80_000);
    expect(r.ratioPermille).toBe(1000);
    expect(r.tier).toBe('relative');
    // The tests as made, kept in the result so a page shows them without comparing again.
    expect(r.lineTests).toEqual({
      deep: { multiplePermille: 1000, monthlyFen: 80_000, met: false },
      relative: { multiplePermille: 2000, monthlyFen: 160_000, met: true },
    });
  });

  it('just under 2× (1 fen a year) is relative; exactly 2× is not in hardship', () => {
    expect(ev({ annualIncomeFen: annualFor(160_000) - 1 }).tier).toBe('relative');
    const at2 = ev({ annualIncomeFen: annualFor(160_000) });
    expect(at2.tier).toBeNull();
    expect(at2.status).toBe('ok');
  });

  it('rigid expenses (medical and schooling) are taken off before dividing', () => {
    // 3 × 900 × 12 = 32,400 yuan income; minus 4,000 medical + 1,000 schooling = 27,400 → 761.11/person/month < 800.
    const r = ev({ annualIncomeFen: 3_240_000, rigidMedicalFen: 400_000, rigidSchoolingFen: 100_000 });
    expect(r.netAnnualFen).toBe(2_740_000);
    expect(r.perCapitaMonthlyFen).toBe(76_111);
    expect(r.tier).toBe('deep');
    expect(r.explanation).toContain('761.11');
    expect(r.explanation).toContain(DEFAULT_RULE_SET.version);
  });

  it('rigid expenses above income give a negative per-capita income: deep', () => {
    expect(ev({ annualIncomeFen: 100_000, rigidMedicalFen: 500_000 }).tier).toBe('deep');
  });

  it('a district with its own line uses it (439921: 600 yuan)', () => {
    const r = ev({ regionCode: '439921', annualIncomeFen: annualFor(70_000) });
    expect(r.line?.regionCode).toBe('439921');
    expect(r.tier).toBe('relative');
  });

  it('without a line for the region the income tiers cannot be decided', () => {
    expect(ev({ regionCode: '509900', annualIncomeFen: 1 }).lineTests).toBeNull();
    const r = ev({ regionCode: '110105', annualIncomeFen: 0 });
    expect(r.status).toBe('no_line');
    expect(r.tier).toBeNull();
    expect(nextSteps(r)[0]!.zh).toContain('低保标准');
  });
});

describe('a subsistence line that changes mid-year (800 → 850 yuan on 2026-07-01)', () => {
  const income = annualFor(82_000); // 820 yuan a person a month
  it('the day before, the old line applies: relative', () => {
    const r = ev({ annualIncomeFen: income, evaluationDate: '2026-06-30' });
    expect(r.line?.effectiveFrom).toBe('2025-01-01');
    expect(r.tier).toBe('relative');
  });
  it('from the effective date, the new line applies: deep', () => {
    const r = ev({ annualIncomeFen: income, evaluationDate: '2026-07-01' });
    expect(r.line).toMatchObject({ effectiveFrom: '2026-07-01', monthlyFen: 85_000 });
    expect(r.tier).toBe('deep');
  });
  it('lineInForce ignores lines not yet in force', () => {
    expect(lineInForce(LINES, '439903', '2024-12-31')).toBeNull();
  });
});

describe('accident tier: disaster, work accident, or costs above 80% of income', () => {
  const comfortable = annualFor(300_000); // 3,000 yuan a person a month, far above 2×
  it('costs of exactly 80% do not count; 1 fen more does', () => {
    expect(ev({ annualIncomeFen: comfortable, accidentCostFen: comfortable * 0.8 }).tier).toBeNull();
    const r = ev({ annualIncomeFen: comfortable, accidentCostFen: comfortable * 0.8 + 1 });
    expect(r.tier).toBe('accident');
    expect(r.accident.costRuleMet).toBe(true);
    expect(r.explanation).toContain('80%');
  });
  it('a disaster or a work accident qualifies whatever the income', () => {
    expect(ev({ annualIncomeFen: comfortable, disaster: true }).tier).toBe('accident');
    expect(ev({ annualIncomeFen: comfortable, workAccident: true }).tier).toBe('accident');
  });
  it('an income tier wins over accident (deep household hit by a disaster stays deep)', () => {
    const r = ev({ annualIncomeFen: 0, disaster: true });
    expect(r.tier).toBe('deep');
    expect(r.accident.met).toBe(true);
  });
  it('costs with no income at all count as above 80%', () => {
    expect(ev({ regionCode: '110105', annualIncomeFen: 0, accidentCostFen: 1 }).tier).toBe('accident');
  });
});

describe('migrant workers need at least 12 months in the city', () => {
  const poor = { annualIncomeFen: annualFor(50_000), migrantWorker: true };
  it('one day short of a year: not yet eligible', () => {
    const r = ev({ ...poor, cityWorkSince: '2025-03-02', evaluationDate: '2026-03-01' });
    expect(r.status).toBe('migrant_too_recent');
    expect(r.tier).toBeNull();
    expect(r.migrant.monthsInCity).toBe(11);
    expect(nextSteps(r)[0]!.zh).toContain('12');
  });
  it('exactly one year: eligible', () => {
    const r = ev({ ...poor, cityWorkSince: '2025-03-01', evaluationDate: '2026-03-01' });
    expect(r.tier).toBe('deep');
    expect(r.migrant).toMatchObject({ applies: true, monthsInCity: 12, ok: true });
  });
  it('no start date given: not eligible', () => {
    expect(ev({ ...poor, cityWorkSince: null }).status).toBe('migrant_too_recent');
  });
  it('the rule is not applied to urban workers', () => {
    expect(ev({ annualIncomeFen: annualFor(50_000), cityWorkSince: '2026-02-01' }).tier).toBe('deep');
  });
});

describe('rules are dated data', () => {
  it('a later rule set (e.g. relative below 1.5×) takes over from its date', () => {
    const stricter: RuleSet = {
      ...DEFAULT_RULE_SET,
      version: 'local-2026',
      effectiveFrom: '2026-01-01',
      params: { ...DEFAULT_RULE_SET.params, relativeMultiplePermille: 1500 },
    };
    const i = { ...base, annualIncomeFen: annualFor(140_000) };
    expect(evaluateTier({ ...i, evaluationDate: '2025-12-31' }, LINES, [DEFAULT_RULE_SET, stricter])).toMatchObject({
      tier: 'relative',
      ruleVersion: DEFAULT_RULE_SET.version,
    });
    expect(evaluateTier(i, LINES, [DEFAULT_RULE_SET, stricter])).toMatchObject({ tier: null, ruleVersion: 'local-2026' });
    expect(ruleSetInForce([], '2026-01-01')).toBe(DEFAULT_RULE_SET);
  });
  it('bad figures are reported, not evaluated', () => {
    const r = ev({ annualIncomeFen: -1, householdSize: 0 });
    expect(r.status).toBe('invalid');
    expect(r.explanation).toContain('家庭人口');
  });
});

describe('helpers', () => {
  it('formats fen as yuan', () => {
    expect(formatYuan(123_456_789)).toBe('1,234,567.89');
    expect(formatYuan(-5)).toBe('-0.05');
  });
  it('adds and counts calendar months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(monthsBetween('2025-03-02', '2026-03-01')).toBe(11);
    expect(monthsBetween('2025-03-01', '2026-03-01')).toBe(12);
  });
});

describe('aid caps (docs/rules.md: one province, 2025, local and weak)', () => {
  const aid = (a: Partial<AidLike>): AidLike => ({ kind: 'living', amountFen: 100_000, paidOn: '2026-05-01', causeKey: null, ...a });
  it('one-off hardship payment ≤ 2,000 yuan: exactly 2,000 passes, 1 fen more is refused', () => {
    expect(checkCaps(DEFAULT_CAPS, aid({ amountFen: 200_000 }), [])).toEqual([]);
    const v = checkCaps(DEFAULT_CAPS, aid({ amountFen: 200_001 }), []);
    expect(v).toHaveLength(1);
    expect(v[0]!.message).toContain('2,000.00');
  });
  it('festival gifts ≤ 2,200 yuan a person a year, counting earlier gifts of the same year only', () => {
    const history = [aid({ kind: 'festival', amountFen: 150_000, paidOn: '2026-01-20' }), aid({ kind: 'festival', amountFen: 200_000, paidOn: '2025-12-30' })];
    expect(checkCaps(DEFAULT_CAPS, aid({ kind: 'festival', amountFen: 70_000 }), history)).toEqual([]);
    const v = checkCaps(DEFAULT_CAPS, aid({ kind: 'festival', amountFen: 70_001 }), history);
    expect(v[0]).toMatchObject({ rule: 'per_person_year', alreadyFen: 150_000 });
    expect(v[0]!.message).toContain('700.00');
  });
  it('medical aid for the same illness once a year; another illness or another year is fine', () => {
    const history = [aid({ kind: 'medical', causeKey: '肺癌', paidOn: '2026-02-01' })];
    expect(checkCaps(DEFAULT_CAPS, aid({ kind: 'medical', causeKey: ' 肺 癌' }), history)[0]).toMatchObject({ rule: 'same_cause_per_year', alreadyCount: 1 });
    expect(checkCaps(DEFAULT_CAPS, aid({ kind: 'medical', causeKey: '骨折' }), history)).toEqual([]);
    expect(checkCaps(DEFAULT_CAPS, aid({ kind: 'medical', causeKey: '肺癌', paidOn: '2027-01-05' }), history)).toEqual([]);
    expect(checkCaps(DEFAULT_CAPS, aid({ kind: 'medical', causeKey: null }), history)[0]!.message).toContain('事由');
  });
  it('caps outside their dates do not apply', () => {
    expect(checkCaps(DEFAULT_CAPS, aid({ amountFen: 999_999, paidOn: '2024-06-01' }), [])).toEqual([]);
  });
});

describe('ineligibleSummary: a refusal states the per-person income against the line (docs/hardship.md, relapse)', () => {
  it('names the income, the line, the multiple and the threshold, hand-computed', () => {
    // 3 people, 75,600 yuan a year, no rigid expenses: 2,100 yuan a person a month; line 1,000 → 2 × = 2,000.
    const r = evaluateTier(
      {
        regionCode: '439902',
        evaluationDate: '2026-06-01',
        annualIncomeFen: 7_560_000,
        rigidMedicalFen: 0,
        rigidSchoolingFen: 0,
        householdSize: 3,
        accidentCostFen: 0,
        disaster: false,
        workAccident: false,
        migrantWorker: false,
        cityWorkSince: null,
      },
      [{ regionCode: '439900', effectiveFrom: '2025-01-01', monthlyFen: 100_000, source: '测试', weak: false }],
      [],
    );
    expect(r.tier).toBeNull();
    expect(ineligibleSummary(r).zh).toBe(
      '人均月收入 2,100.00 元，不低于低保标准 1,000.00 元/人·月的 2 倍（2,000.00 元），且无灾害、工伤或超过家庭年收入规定比例的意外/疾病支出，不符合困难职工认定条件（规则版本 tiers-2021.1，低保标准自 2025-01-01 起执行）',
    );
  });
});

describe('inForceOn: a dated record runs from its first day to its last, both included', () => {
  it('before, on the first day, on the last day, after', () => {
    expect([
      inForceOn('2025-01-01', '2025-12-31', '2024-12-31'),
      inForceOn('2025-01-01', '2025-12-31', '2025-01-01'),
      inForceOn('2025-01-01', '2025-12-31', '2025-12-31'),
      inForceOn('2025-01-01', '2025-12-31', '2026-01-01'),
    ]).toEqual([false, true, true, false]);
    expect(inForceOn('2025-01-01', null, '2099-01-01')).toBe(true);
  });
});
