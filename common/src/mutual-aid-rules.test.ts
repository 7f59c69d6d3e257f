import { describe, expect, it } from 'vitest';
import { claimProblem, coverEnd, coverStart, covers, disabilityAssessBy, mutualAidRuleOn } from './mutual-aid-rules.js';

describe('cover dates', () => {
  it('a fee paid before the unified start date is covered from it; one paid later from the first of the next month', () => {
    expect(coverStart('2026-01-01', '2025-12-20')).toBe('2026-01-01');
    expect(coverStart('2026-01-01', '2026-01-01')).toBe('2026-02-01');
    expect(coverStart('2026-01-01', '2026-03-15')).toBe('2026-04-01');
    expect(coverStart('2026-01-01', '2026-12-31')).toBe('2027-01-01');
  });

  it('accident 1 year, women’s special illness 2 years, serious illness 3 years, the last day included', () => {
    const y = mutualAidRuleOn('2026-01-01').coverYears;
    expect(y).toEqual({ accident: 1, women_illness: 2, serious_illness: 3 });
    expect(coverEnd('2026-01-01', y.accident)).toBe('2026-12-31');
    expect(coverEnd('2026-01-01', y.women_illness)).toBe('2027-12-31');
    expect(coverEnd('2026-01-01', y.serious_illness)).toBe('2028-12-31');
    expect(coverEnd('2026-04-01', 1)).toBe('2027-03-31');
    expect(coverEnd('2028-03-01', 1)).toBe('2029-02-28');
  });

  it('both ends of the cover count; the day before and the day after do not', () => {
    const c = { from: '2026-01-01', to: '2026-12-31' };
    expect([covers(c, '2025-12-31'), covers(c, '2026-01-01'), covers(c, '2026-12-31'), covers(c, '2027-01-01')]).toEqual([false, true, true, false]);
    const p = claimProblem('accident', c, { eventOn: '2027-01-01', benefit: 'medical' });
    expect(p?.code).toBe('OUTSIDE_COVER');
    expect(p?.zh).toContain('2026-01-01 至 2026-12-31');
    expect(p?.en).toContain('2026-01-01 to 2026-12-31');
  });
});

describe('the 180-day disability rule', () => {
  it('a disability is assessed by the 180th calendar day after the accident', () => {
    expect(disabilityAssessBy('2026-01-10')).toBe('2026-07-09');
    const c = { from: '2026-01-01', to: '2026-12-31' };
    expect(claimProblem('accident', c, { eventOn: '2026-01-10', benefit: 'disability', assessedOn: '2026-07-09' })).toBeNull();
    expect(claimProblem('accident', c, { eventOn: '2026-01-10', benefit: 'disability', assessedOn: '2026-07-10' })?.code).toBe('ASSESSED_TOO_LATE');
    expect(claimProblem('accident', c, { eventOn: '2026-01-10', benefit: 'disability', assessedOn: '2026-01-09' })?.code).toBe('ASSESSED_BEFORE_EVENT');
    expect(claimProblem('accident', c, { eventOn: '2026-01-10', benefit: 'disability' })?.code).toBe('ASSESSMENT_REQUIRED');
    // The rule is the accident plan's: an illness claim has no assessment.
    expect(claimProblem('serious_illness', c, { eventOn: '2026-01-10', benefit: 'illness' })).toBeNull();
  });
});
