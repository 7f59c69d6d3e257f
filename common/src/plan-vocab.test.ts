import { describe, expect, it } from 'vitest';
import { computeDeadline } from './deadlines.js';
import { SLA_RULE, taskRules } from './plan-vocab.js';

/**
 * 13710 deadlines around the 2025 National Day and Mid-Autumn holiday (国务院办公厅 2024-11-12
 * 通知: 10月1日至8日放假；9月28日（周日）、10月11日（周六）上班), worked out by hand from a task
 * assigned on Tuesday 30 September 2025.
 */
const [workdays, calendar] = SLA_RULE.defaults[0]!.value.profiles;
const on = '2025-09-30';
const due = (r: ReturnType<typeof taskRules>) => ({
  deploy: computeDeadline(on, r.deploy).due,
  report: computeDeadline(on, r.firstReport).due,
  close: computeDeadline(on, r.close).due,
});

describe('13710 deadlines', () => {
  it('in working days skip the eight days off and count the Saturday make-up day', () => {
    // 1 working day: 9 Oct; 3: 9, 10, 11 (Sat, worked); 7: 9, 10, 11, 13, 14, 15, 16.
    expect(due(taskRules(workdays!, false))).toEqual({ deploy: '2025-10-09', report: '2025-10-11', close: '2025-10-16' });
  });

  it('in calendar days end on a holiday and move to the first working day after it; a major matter has a month', () => {
    // 1, 3 and 7 calendar days end on 1, 3 and 7 October, all holidays: each moves to 9 October.
    expect(due(taskRules(calendar!, false))).toEqual({ deploy: '2025-10-09', report: '2025-10-09', close: '2025-10-09' });
    expect(due(taskRules(workdays!, true)).close).toBe('2025-10-30');
  });
});
