import { describe, expect, it } from 'vitest';
import { addMonthsClamped, computeDeadline, deadlineState } from './deadlines.js';

// Expected dates are worked out by hand on the 2025–2026 State Council arrangements
// (国办发明电〔2024〕12号, 〔2025〕7号), never with the code under test.
describe('calendar-day periods as the law counts them (民法典 Arts. 201–203, 民事诉讼法 Art. 85)', () => {
  it('does not count the start day: received on 3 March, 15 days end on 18 March', () => {
    expect(computeDeadline('2026-03-03', { n: 15, unit: 'calendar_days' }).due).toBe('2026-03-18');
  });

  it('moves a last day on a holiday to the first working day after it', () => {
    // 20 September + 15 = 5 October, inside the National Day holiday (1–7 October 2026): 8 October.
    expect(computeDeadline('2026-09-20', { n: 15, unit: 'calendar_days' }).due).toBe('2026-10-08');
    // 6 May + 45 = 20 June, a Saturday inside the Dragon Boat holiday (19–21 June): Monday 22 June.
    expect(computeDeadline('2026-05-06', { n: 45, unit: 'calendar_days' }).due).toBe('2026-06-22');
  });

  it('keeps a last day that is a make-up working day, and one on a rest day when told not to roll', () => {
    // One month from 31 January ends on the month's last day, 28 February 2026: a make-up Saturday.
    expect(computeDeadline('2026-01-31', { n: 1, unit: 'months' }).due).toBe('2026-02-28');
    expect(computeDeadline('2026-09-20', { n: 15, unit: 'calendar_days', rollForward: false }).due).toBe('2026-10-05');
  });

  it('ends a period in years on the corresponding day, or the month’s last day (a year from 29 February 2024)', () => {
    expect(addMonthsClamped('2024-02-29', 12)).toBe('2025-02-28');
    expect(computeDeadline('2024-02-29', { n: 1, unit: 'years' }).due).toBe('2025-02-28'); // a Friday
    expect(computeDeadline('2025-03-03', { n: 1, unit: 'years' }).due).toBe('2026-03-03');
  });

  it('marks a deadline counted into a year the calendar lacks as provisional', () => {
    expect(computeDeadline('2026-12-20', { n: 15, unit: 'calendar_days' })).toMatchObject({ due: '2027-01-04', provisional: true });
    expect(computeDeadline('2026-03-03', { n: 15, unit: 'calendar_days' }).provisional).toBe(false);
  });
});

describe('working-day deadlines', () => {
  it('counts 15 working days across the National Day week', () => {
    // From Friday 26 September 2025: 28 Sep (make-up Sunday), 29, 30 Sep (3); 1–8 October off; 9, 10,
    // 11 (make-up Saturday) October (6); 13–17 (11); 20, 21, 22, 23 October: the 15th is Thursday 23 October.
    expect(computeDeadline('2025-09-26', { n: 15, unit: 'working_days' }).due).toBe('2025-10-23');
  });
});

describe('how far a deadline is', () => {
  it('says days left and overdue in the rule’s own days', () => {
    expect(deadlineState('2026-03-18', '2026-03-03', 'calendar_days')).toEqual({ left: 15, overdue: false, unit: 'calendar_days' });
    expect(deadlineState('2026-03-18', '2026-03-20', 'calendar_days')).toEqual({ left: -2, overdue: true, unit: 'calendar_days' });
    // Friday 2 October 2026 → Friday 9 October: 8 and 9 October are the only working days.
    expect(deadlineState('2026-10-09', '2026-09-30', 'working_days').left).toBe(2);
  });
});
