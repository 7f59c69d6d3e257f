import { describe, expect, it } from 'vitest';
import { arbitrationDues, isCollective, limitationAt, mediationDue } from './dispute-rules.js';

/** The labour-dispute clocks at their edges (劳动争议调解仲裁法; periods counted as 民法典 Arts. 201–203 count them). */
describe('dispute clocks', () => {
  it('mediation ends on day 15 after receipt, the day of receipt not counted (Art. 14)', () => {
    expect(mediationDue('2025-03-03')).toBe('2025-03-18');
    // Day 15 is a Sunday: the period ends on the Monday after it.
    expect(mediationDue('2025-03-01')).toBe('2025-03-17');
  });

  it('the 1-year limitation: within on the anniversary, expired the day after (Art. 27)', () => {
    const input = { knewOn: '2024-03-04', type: 'termination', employmentOngoing: false };
    expect(limitationAt(input, '2025-03-04')).toEqual({ state: 'within', due: '2025-03-04' });
    expect(limitationAt(input, '2025-03-05')).toEqual({ state: 'expired', due: '2025-03-04' });
    // A year from 29 February ends on 28 February.
    expect(limitationAt({ ...input, knewOn: '2024-02-29' }, '2025-02-28').due).toBe('2025-02-28');
  });

  it('a wage claim is not barred while the employment lasts; an unknown day is flagged as such', () => {
    expect(limitationAt({ knewOn: '2020-01-01', type: 'wage_arrears', employmentOngoing: true }, '2025-03-05')).toEqual({ state: 'not_running', due: null });
    expect(limitationAt({ knewOn: '2020-01-01', type: 'wage_arrears', employmentOngoing: false }, '2025-03-05').state).toBe('expired');
    expect(limitationAt({ knewOn: null, type: 'overtime', employmentOngoing: false }, '2025-03-05')).toEqual({ state: 'unknown', due: null });
  });

  it('the award at 45 days of acceptance, and at 45 + 15 when extended (Art. 43)', () => {
    expect(arbitrationDues({ appliedOn: '2025-02-26', acceptedOn: '2025-03-03' })).toMatchObject({ acceptanceDue: '2025-03-03', awardDue: '2025-04-17' });
    // Day 60 is 2 May 2025, inside the Labour Day holiday (1–5 May): the period ends on 6 May.
    expect(arbitrationDues({ appliedOn: '2025-02-26', acceptedOn: '2025-03-03', extended: true }).awardDue).toBe('2025-05-06');
    expect(arbitrationDues({ appliedOn: '2025-02-26', awardOn: '2025-06-03' }).suitDue).toBe('2025-06-18');
  });

  it('a collective dispute has 10 or more workers (Art. 7)', () => {
    expect(isCollective(9)).toBe(false);
    expect(isCollective(10)).toBe(true);
  });
});
