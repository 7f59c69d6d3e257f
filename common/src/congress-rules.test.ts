import { describe, expect, it } from 'vitest';
import {
  bargainingRuleOn,
  checkDelegates,
  checkNegotiators,
  checkTerm,
  congressForm,
  congressRuleOn,
  contractExpiresOn,
  countVote,
  renewalDue,
  renewalOpensOn,
} from './congress-rules.js';

const r = congressRuleOn('2026-12-04');

describe('the delegate quota by workforce (企业民主管理规定 and the local 职代会条例)', () => {
  it('is an all-worker assembly below 100, then at least 30, 100 and 150 delegates at the band edges', () => {
    expect([99, 100, 999, 1000, 9999, 10000].map((n) => congressForm(n, r))).toEqual([
      { kind: 'assembly' },
      { kind: 'congress', minDelegates: 30 },
      { kind: 'congress', minDelegates: 30 },
      { kind: 'congress', minDelegates: 100 },
      { kind: 'congress', minDelegates: 100 },
      { kind: 'congress', minDelegates: 150 },
    ]);
  });

  it('checks the make-up with the numbers: front line at least half, managers at most a fifth, women in proportion', () => {
    // 40 delegates of 500 workers, 200 of them women: front line ≥ 20, managers ≤ 8, women ≥ 16.
    expect(checkDelegates(500, 200, { total: 40, frontLine: 20, managers: 8, women: 16 }, r)).toEqual([]);
    const p = checkDelegates(500, 200, { total: 28, frontLine: 13, managers: 5, women: 10 }, r); // managers ≤ floor(28 × 20%) = 5
    expect(p.map((x) => [x.code, x.needed, x.have, x.off])).toEqual([
      ['quota', 30, 28, 2],
      ['front_line', 14, 13, 1],
      ['women', 11, 10, 1],
    ]);
    expect(p[0]!.zh).toBe('职工500人应选代表不少于30人，现有28人，差2人');
    expect(checkDelegates(500, 0, { total: 30, frontLine: 15, managers: 7, women: 0 }, r).map((x) => x.code)).toEqual(['managers']);
  });
});

describe('a vote (集体合同规定 Art. 36)', () => {
  it('passes with exactly two thirds present and more than half of all delegates for it', () => {
    expect(countVote({ delegates: 30, present: 20, for: 16, against: 3, abstain: 1 })).toMatchObject({ passed: true, quorumNeeded: 20, majorityNeeded: 16 });
  });
  it('fails with one fewer present', () => {
    const v = countVote({ delegates: 30, present: 19, for: 16, against: 2, abstain: 1 });
    expect(v).toMatchObject({ passed: false, quorum: false, majority: true });
    expect(v.problems[0]!.zh).toBe('到会代表应不少于全体代表的三分之二（20人），实到19人，差1人');
  });
  it('fails with a majority of those present but not of all delegates', () => {
    // 21 of 30 present, 15 for: 71% of those present, but 15 is not more than half of 30.
    expect(countVote({ delegates: 30, present: 21, for: 15, against: 6, abstain: 0 })).toMatchObject({ passed: false, quorum: true, majority: false });
  });
});

describe('the contract term and its renewal (集体合同规定 Arts. 38–39)', () => {
  const b = bargainingRuleOn('2026-12-04');
  it('runs 1–3 years from the day it takes effect, to the day before the corresponding day', () => {
    expect(contractExpiresOn('2026-05-13', 3)).toBe('2029-05-12');
    expect(checkTerm(3, b)).toBeNull();
    expect(checkTerm(4, b)?.zh).toBe('集体合同期限应为1至3年，现为4年');
    expect(checkTerm(0, b)?.code).toBe('term');
  });
  it('raises the renewal alert at exactly 3 months before expiry, not a day earlier', () => {
    expect(renewalOpensOn('2027-06-30', b)).toBe('2027-03-30');
    expect(renewalDue('2027-06-30', '2027-03-29', b)).toBe(false);
    expect(renewalDue('2027-06-30', '2027-03-30', b)).toBe(true);
    expect(renewalDue('2027-06-30', '2027-06-30', b)).toBe(true);
    expect(renewalDue('2027-06-30', '2027-07-01', b)).toBe(false);
    // A month without the day: the window opens on the month's last day.
    expect(renewalOpensOn('2027-05-31', b)).toBe('2027-02-28');
  });
});

describe('the negotiators (集体合同规定 Art. 19)', () => {
  const b = bargainingRuleOn('2026-12-04');
  const side = (s: string, n: number, chiefs = 1) => Array.from({ length: n }, (_, i) => ({ side: s, chief: i < chiefs }));
  it('need equal numbers, 3 to 10 a side, one chief each; vacated seats do not count', () => {
    expect(checkNegotiators([...side('union', 3), ...side('employer', 3)], b)).toEqual([]);
    expect(checkNegotiators([...side('union', 10), ...side('employer', 10)], b)).toEqual([]);
    expect(checkNegotiators([...side('union', 2), ...side('employer', 2)], b).map((p) => p.code)).toEqual(['union_few', 'employer_few']);
    expect(checkNegotiators([...side('union', 11), ...side('employer', 11)], b).map((p) => p.code)).toEqual(['union_many', 'employer_many']);
    expect(checkNegotiators([...side('union', 3, 0), ...side('employer', 3, 2)], b).map((p) => p.code)).toEqual(['union_chief', 'employer_chief']);
    const vacated = [...side('union', 3), { side: 'union', chief: false, vacatedOn: '2026-05-01' }, ...side('employer', 3)];
    expect(checkNegotiators(vacated, b)).toEqual([]);
    expect(checkNegotiators([...side('union', 4), ...side('employer', 3)], b)[0]!.zh).toBe('双方协商代表人数应当对等：职工方4人，企业方3人');
  });
});
