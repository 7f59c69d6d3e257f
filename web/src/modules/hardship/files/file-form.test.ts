import { describe, expect, it } from 'vitest';
import { estimatePerCapitaFen } from './file-form';
import { evaluateTier } from '../../../../../common/src/hardship-tier';

/** The archive form's running estimate is the rule's own per-person income (docs/hardship.md), never a second formula. */
describe('the file form estimates the per-person income by the rule in common/', () => {
  const rule = (annualIncomeFen: number, rigidMedicalFen: number, rigidSchoolingFen: number, householdSize: number) =>
    evaluateTier({ regionCode: '439999', evaluationDate: '2026-06-01', annualIncomeFen, rigidMedicalFen, rigidSchoolingFen, householdSize, accidentCostFen: 0, disaster: false, workAccident: false, migrantWorker: false, cityWorkSince: null }, [], []).perCapitaMonthlyFen;
  const members = (n: number) => Array.from({ length: n }, () => ({ name: '成员', relationship: 'child' as const }));

  it.each([
    [3_600_000, 0, 0, 2],
    [1_000_001, 120_000, 80_000, 3],
    // Rigid expenses above the income: the rule's figure is negative (the household is far below any line), not zero.
    [500_000, 900_000, 0, 1],
  ])('income %i, medical %i, schooling %i, %i more people', (income, medical, schooling, more) => {
    expect(estimatePerCapitaFen({ annualIncomeFen: income, rigidMedicalFen: medical, rigidSchoolingFen: schooling, household: members(more) })).toBe(rule(income, medical, schooling, 1 + more));
  });

  it('says nothing before the income is entered', () => {
    expect(estimatePerCapitaFen({ household: [] })).toBeNull();
  });
});
