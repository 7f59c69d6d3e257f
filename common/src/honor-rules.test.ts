import { describe, expect, it } from 'vitest';
import {
  checkFloors,
  honorCallDefaultsOn,
  impossibleFloors,
  mayGoOutsideQuota,
  noticeOpen,
  noticePeriod,
  unclearedAgencies,
  type Floor,
  type Nominee,
  type HonorKind,
} from './honor-rules.js';

const base: Nominee = { occupation: 'other', migrantWorker: false, nonPublic: false, team: false, gigWorker: false, woman: false, frontline: false };
const medal = (o: Partial<Nominee>, n = 1) => Array.from({ length: n }, () => ({ ...base, ...o, kind: 'labor_medal' as HonorKind }));
const defaults = honorCallDefaultsOn('2026-12-04');

describe('the floors of the ACFTU 2022 national notice (the default of a call)', () => {
  it('ships the notice figures: 35 / 20 / 20 / 10 of the medal, 35 non-public, 70 teams of the pioneer, 5 working days of notice', () => {
    const f = (c: string) => defaults.floors.find((x) => x.category === c)!;
    expect([
      f('industrial_worker').pct,
      f('frontline_tech').pct,
      f('teacher_researcher').pct,
      f('migrant_worker').pct,
      f('non_public').pct,
      f('team').pct,
    ]).toEqual([35, 20, 20, 10, 35, 70]);
    expect(f('non_public').kinds).toEqual(['labor_award', 'labor_medal', 'pioneer']);
    expect(defaults).toMatchObject({ noticeDays: 5, noticeUnit: 'working_days' });
  });

  // 20 medals: industrial ≥ ⌈7⌉ = 7, front-line/technical ≥ 4, teachers/researchers ≥ 4, migrant ≥ 2, non-public ≥ 7, a gig worker, heads ≤ 1.
  const exactly = () => [
    ...medal({ occupation: 'industrial_worker', migrantWorker: true, nonPublic: true }, 2),
    ...medal({ occupation: 'industrial_worker', nonPublic: true, gigWorker: true }, 1),
    ...medal({ occupation: 'industrial_worker', nonPublic: true }, 4),
    ...medal({ occupation: 'frontline_tech' }, 4),
    ...medal({ occupation: 'teacher_researcher' }, 4),
    ...medal({ occupation: 'head_official' }, 1),
    ...medal({ occupation: 'other' }, 4),
  ];

  it('a list exactly at each floor passes', () => {
    expect(exactly()).toHaveLength(20);
    expect(checkFloors(defaults.floors, exactly())).toEqual([]);
  });

  it('one industrial worker fewer fails with the numbers: needed 7, have 6, short by 1', () => {
    const list = exactly();
    list.splice(
      list.findIndex((n) => n.occupation === 'industrial_worker' && !n.migrantWorker && !n.gigWorker),
      1,
      { ...base, kind: 'labor_medal', occupation: 'other', nonPublic: true },
    );
    const p = checkFloors(defaults.floors, list);
    expect(p.map((x) => [x.category, x.needed, x.have, x.off])).toEqual([['industrial_worker', 7, 6, 1]]);
    expect(p[0]!.zh).toBe('五一劳动奖章中产业工人应不少于35%（20人中7人），现有6人，差1人');
  });

  it('each other floor one short fails on that floor alone', () => {
    const swap = (pred: (n: Nominee) => boolean, to: Partial<Nominee>) => {
      const list = exactly();
      const i = list.findIndex(pred);
      list[i] = { ...list[i]!, ...to };
      return checkFloors(defaults.floors, list).map((x) => [x.category, x.needed, x.have, x.off]);
    };
    expect(swap((n) => n.occupation === 'frontline_tech', { occupation: 'other' })).toEqual([['frontline_tech', 4, 3, 1]]);
    expect(swap((n) => n.occupation === 'teacher_researcher', { occupation: 'other' })).toEqual([['teacher_researcher', 4, 3, 1]]);
    expect(swap((n) => n.migrantWorker, { migrantWorker: false })).toEqual([['migrant_worker', 2, 1, 1]]);
    expect(swap((n) => n.nonPublic && !n.migrantWorker && !n.gigWorker, { nonPublic: false })).toEqual([['non_public', 7, 6, 1]]);
    expect(swap((n) => n.gigWorker, { gigWorker: false })).toEqual([['gig_worker', 1, 0, 1]]);
    expect(swap((n) => n.occupation === 'other', { occupation: 'head_official' })).toEqual([['head_official', 1, 2, 1]]);
  });

  it('teams are at least 70% of the pioneers: 7 of 10 pass, 6 fail', () => {
    const pioneers = (teams: number) => Array.from({ length: 10 }, (_, i) => ({ ...base, kind: 'pioneer' as HonorKind, team: i < teams, nonPublic: i < 4 }));
    expect(checkFloors(defaults.floors, pioneers(7))).toEqual([]);
    expect(checkFloors(defaults.floors, pioneers(6)).map((x) => [x.category, x.needed, x.have, x.off])).toEqual([['team', 7, 6, 1]]);
  });

  it('a city call may add its own floors (女职工 ≥ 20%)', () => {
    const floors: Floor[] = [{ category: 'woman', kinds: ['model_worker'], op: 'min', pct: 20, count: null }];
    const list = (w: number) => Array.from({ length: 10 }, (_, i) => ({ ...base, kind: 'model_worker' as HonorKind, woman: i < w }));
    expect(checkFloors(floors, list(2))).toEqual([]);
    expect(checkFloors(floors, list(1))[0]).toMatchObject({ needed: 2, have: 1, off: 1 });
  });

  it('floors of exclusive categories summing above 100% are impossible', () => {
    expect(impossibleFloors(defaults.floors)).toEqual([]);
    const bad: Floor[] = [
      { category: 'industrial_worker', kinds: ['labor_medal'], op: 'min', pct: 60, count: null },
      { category: 'teacher_researcher', kinds: ['labor_medal'], op: 'min', pct: 50, count: null },
    ];
    expect(impossibleFloors(bad)).toEqual([
      { kind: 'labor_medal', group: ['industrial_worker', 'frontline_tech', 'teacher_researcher', 'head_official'], sum: 110 },
    ]);
  });
});

describe('the public notice period (公示), first day counted', () => {
  it('5 working days from Friday 2025-09-26 skip the National Day holiday and count the make-up Sunday: the last day is 2025-10-09', () => {
    expect(noticePeriod('2025-09-26', { n: 5, unit: 'working_days' })).toMatchObject({ from: '2025-09-26', to: '2025-10-09' });
  });
  it('7 calendar days from 2025-09-26 end on 2025-10-02, a holiday, without moving', () => {
    expect(noticePeriod('2025-09-26', { n: 7, unit: 'calendar_days' })).toMatchObject({ to: '2025-10-02' });
  });
  it('is open on its first and last day, closed the day before and the day after', () => {
    const p = { noticeFrom: '2025-09-26', noticeTo: '2025-10-09' };
    expect(['2025-09-25', '2025-09-26', '2025-10-09', '2025-10-10'].map((d) => noticeOpen(p, d))).toEqual([false, true, true, false]);
  });
});

describe('clearance and 单列', () => {
  it('approval needs every one of the seven agencies clear', () => {
    expect(unclearedAgencies([])).toHaveLength(7);
    const all = ['discipline', 'market', 'tax', 'audit', 'work_safety', 'environment', 'social_insurance'].map((agency) => ({ agency, result: 'clear' }));
    expect(unclearedAgencies(all)).toEqual([]);
    expect(unclearedAgencies(all.map((a) => (a.agency === 'tax' ? { ...a, result: 'objection' } : a)))).toEqual(['tax']);
  });
  it('a national skills-contest winner may go outside the quota for the medal only', () => {
    const r = { kinds: ['labor_medal' as HonorKind], competitionLevels: ['national'], maxRank: 1 };
    expect(mayGoOutsideQuota(r, 'labor_medal', { competitionLevel: 'national', rank: 1, winner: true })).toBe(true);
    expect(mayGoOutsideQuota(r, 'labor_medal', { competitionLevel: 'city', rank: 1, winner: true })).toBe(false);
    expect(mayGoOutsideQuota(r, 'model_worker', { competitionLevel: 'national', rank: 1, winner: true })).toBe(false);
    expect(mayGoOutsideQuota(r, 'labor_medal', { competitionLevel: 'national', rank: 2, winner: true })).toBe(false);
  });
});
