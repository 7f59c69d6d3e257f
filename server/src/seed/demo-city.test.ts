import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { canParent, termEnd, termStatus } from '../../../common/src/org.js';
import { checkUscc } from '../../../common/src/uscc.js';
import { DEMO_REFERENCE_DATE, chineseNumeral, generateDemoCity, type DemoOrg } from './demo-city.js';
import { addDays, createRng, subtractYears } from './prng.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const orgs = generateDemoCity();
const byLevel = (level: DemoOrg['level']) => orgs.filter((o) => o.level === level);
const grassroots = byLevel('grassroots');

describe('createRng', () => {
  it('repeats for the same seed and differs for another', () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const xs = [a.next(), a.next(), a.next()];
    expect([b.next(), b.next(), b.next()]).toEqual(xs);
    expect(c.next()).not.toBe(xs[0]);
  });

  it('keeps int, pick, weighted, date and uuid in range', () => {
    const r = createRng(1);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(3, 5);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(5);
      expect(['a', 'b']).toContain(r.pick(['a', 'b']));
      expect(
        r.weighted([
          ['x', 1],
          ['y', 0],
        ] as const),
      ).toBe('x');
      const d = r.date('2020-02-27', '2020-03-02');
      expect(d >= '2020-02-27' && d <= '2020-03-02').toBe(true);
    }
    expect(r.uuid()).toMatch(UUID);
  });

  it('forks are independent of the parent state', () => {
    const a = createRng(42);
    const before = a.fork('members').next();
    a.next();
    a.next();
    expect(a.fork('members').next()).toBe(before);
    expect(a.fork('cases').next()).not.toBe(before);
  });

  it('does UTC date arithmetic', () => {
    expect(addDays('2026-11-21', 90)).toBe('2027-02-19');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(subtractYears('2028-02-29', 3)).toBe('2025-03-01');
  });
});

describe('chineseNumeral', () => {
  it('writes ordinals the way unit names use them', () => {
    expect([1, 3, 10, 12, 20, 36, 99].map(chineseNumeral)).toEqual(['一', '三', '十', '十二', '二十', '三十六', '九十九']);
  });
});

describe('generateDemoCity', () => {
  it('is deterministic, and the seed matters', () => {
    expect(generateDemoCity()).toEqual(orgs);
    const other = generateDemoCity(1);
    expect(other[0]!.id).not.toBe(orgs[0]!.id);
    expect(other.length).toBeGreaterThan(1900);
  });

  it('runs in well under a second', () => {
    const t0 = performance.now();
    generateDemoCity(99);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('has the expected shape', () => {
    expect(byLevel('city')).toHaveLength(1);
    expect(byLevel('county')).toHaveLength(8);
    expect(byLevel('street').length).toBeGreaterThanOrEqual(55);
    expect(byLevel('street').length).toBeLessThanOrEqual(65);
    expect(grassroots.length).toBeGreaterThanOrEqual(1900);
    expect(grassroots.length).toBeLessThanOrEqual(2100);
    expect(orgs[0]).toMatchObject({ level: 'city', code: 'C0001', parentId: null, depth: 0 });
    expect(orgs[0]!.name).toMatch(/市总工会$/);
    expect(byLevel('county').filter((o) => o.name.endsWith('县总工会'))).toHaveLength(1);
  });

  it('uses the code schemes', () => {
    expect(new Set(orgs.map((o) => o.code)).size).toBe(orgs.length);
    for (const o of byLevel('county')) expect(o.code).toMatch(/^D0[1-8]$/);
    for (const o of byLevel('street')) expect(o.code).toMatch(/^D0[1-8]S\d{2}$/);
    grassroots.forEach((o, i) => expect(o.code).toBe('G' + String(i + 1).padStart(5, '0')));
  });

  it('gives valid, unique UUIDs and consistent materialised paths', () => {
    const byId = new Map(orgs.map((o) => [o.id, o]));
    const position = new Map(orgs.map((o, i) => [o.id, i]));
    expect(byId.size).toBe(orgs.length);
    for (const o of orgs) {
      expect(o.id).toMatch(UUID);
      if (o.parentId === null) {
        expect(o.path).toBe(`/${o.id}/`);
        continue;
      }
      const parent = byId.get(o.parentId);
      expect(parent).toBeDefined();
      // Parents come first, so a bulk insert in array order never references a missing row.
      expect(position.get(parent!.id)!).toBeLessThan(position.get(o.id)!);
      expect(o.path).toBe(`${parent!.path}${o.id}/`);
      expect(o.depth).toBe(parent!.depth + 1);
      expect(o.path.split('/').filter(Boolean)).toHaveLength(o.depth + 1);
      expect(canParent(parent!.level, o.level)).toBe(true);
    }
    for (const o of byLevel('street')) expect(byId.get(o.parentId!)!.level).toBe('county');
    for (const o of grassroots) expect(byId.get(o.parentId!)!.level).toBe('street');
  });

  it('spreads grassroots over streets and the kinds in a realistic mix', () => {
    const perStreet = new Map<string, number>();
    for (const o of grassroots) perStreet.set(o.parentId!, (perStreet.get(o.parentId!) ?? 0) + 1);
    expect(perStreet.size).toBe(byLevel('street').length);
    expect(Math.min(...perStreet.values())).toBeGreaterThanOrEqual(15);
    const share = (k: string) => grassroots.filter((o) => o.kind === k).length / grassroots.length;
    expect(share('enterprise')).toBeGreaterThan(0.6);
    expect(share('enterprise')).toBeLessThan(0.8);
    for (const k of ['public_institution', 'joint', 'industry', 'regional']) expect(share(k)).toBeGreaterThan(0.02);
    for (const o of orgs.filter((x) => x.level !== 'grassroots')) expect(o.kind).toBeNull();
  });

  it('gives every org a valid, unique credit code of the right category', () => {
    const codes = orgs.map((o) => o.uscc);
    expect(codes.every((c) => c !== null)).toBe(true);
    expect(new Set(codes).size).toBe(orgs.length);
    for (const o of orgs) {
      expect(checkUscc(o.uscc!)).toEqual({ ok: true, value: o.uscc });
      expect(o.uscc!.slice(2, 8)).toBe(o.regionCode);
      const prefix = o.kind === 'enterprise' ? '91' : o.kind === 'public_institution' ? '12' : '81';
      expect(o.uscc!.slice(0, 2)).toBe(prefix);
    }
  });

  it('keeps region codes consistent within each district', () => {
    const byId = new Map(orgs.map((o) => [o.id, o]));
    for (const o of orgs) {
      expect(o.regionCode).toMatch(/^\d{6}$/);
      if (o.level === 'street' || o.level === 'grassroots') expect(o.regionCode).toBe(byId.get(o.parentId!)!.regionCode);
    }
    expect(new Set(byLevel('county').map((o) => o.regionCode)).size).toBe(8);
  });

  it('fills grassroots attributes plausibly', () => {
    for (const o of grassroots) {
      expect(o.name).toMatch(/(工会委员会|工会|工会联合会)$/);
      expect(o.employeeCount).toBeGreaterThan(0);
      expect(o.employeeCount).toBeLessThanOrEqual(20000);
      expect(o.foundedOn! >= '1990-01-01' && o.foundedOn! <= '2025-12-31').toBe(true);
      if (o.termStart) expect(o.foundedOn! <= o.termStart).toBe(true);
      if (o.kind === 'industry' || o.kind === 'regional') expect(o.employerName).toBeNull();
      else expect(o.employerName).toBeTruthy();
      if (o.kind === 'joint') {
        expect(o.employeeCount).toBeGreaterThanOrEqual(30);
        expect(o.employeeCount).toBeLessThanOrEqual(400);
      }
    }
    const counts = grassroots.map((o) => o.employeeCount!);
    const small = counts.filter((n) => n >= 20 && n <= 300).length / counts.length;
    expect(small).toBeGreaterThan(0.6);
    expect(Math.max(...counts)).toBeGreaterThan(5000);
    const noChair = grassroots.filter((o) => o.chairName === null).length / grassroots.length;
    expect(noChair).toBeGreaterThan(0.02);
    expect(noChair).toBeLessThan(0.07);
    const big = grassroots.filter((o) => o.employeeCount! >= 25);
    expect(big.filter((o) => o.hasWomenCommittee).length / big.length).toBeGreaterThan(0.8);
  });

  it('derives term ends and has expired and expiring terms in the intended shares', () => {
    for (const o of orgs) {
      if (o.termStart === null) {
        expect(o.termYears).toBeNull();
        expect(o.termEnd).toBeNull();
        continue;
      }
      expect([3, 5]).toContain(o.termYears);
      expect(o.termEnd).toBe(termEnd(o.termStart, o.termYears!));
      expect(o.termStart <= DEMO_REFERENCE_DATE).toBe(true);
    }
    const status = grassroots.map((o) => termStatus(o.termStart, o.termYears, DEMO_REFERENCE_DATE, 90));
    const share = (s: string) => status.filter((x) => x === s).length / status.length;
    expect(share('expired')).toBeGreaterThanOrEqual(0.025);
    expect(share('expired')).toBeLessThanOrEqual(0.035);
    expect(share('expiring')).toBeGreaterThanOrEqual(0.035);
    expect(share('expiring')).toBeLessThanOrEqual(0.045);
    expect(share('ok')).toBeGreaterThan(0.9);
    expect(termStatus(orgs[0]!.termStart, orgs[0]!.termYears, DEMO_REFERENCE_DATE, 90)).toBe('ok');
  });
});

describe('the demo stays current', () => {
  /** The city's term statuses and the overdue share of join applications, seeded as of `date`. */
  const shapeOn = (date: string) => {
    const script = `
      const { generateDemoCity, DEMO_REFERENCE_DATE } = await import('./server/src/seed/demo-city.ts');
      const { termStatus } = await import('./common/src/org.ts');
      const orgs = generateDemoCity();
      const counts = {};
      for (const o of orgs) { const s = termStatus(o.termStart, o.termYears, DEMO_REFERENCE_DATE, 90); counts[s] = (counts[s] ?? 0) + 1; }
      console.log(JSON.stringify({ ref: DEMO_REFERENCE_DATE, counts, firstTermStart: orgs[1].termStart }));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: path.resolve(import.meta.dirname, '../../..'),
      env: { ...process.env, GONGHUI_DEMO_DATE: date },
    });
    return JSON.parse(out.toString()) as { ref: string; counts: Record<string, number>; firstTermStart: string };
  };

  it('dates the data from the day it is seeded (or the pinned day), with the same shape every time', () => {
    const a = shapeOn('2026-11-21');
    const b = shapeOn('2027-03-09');
    expect([a.ref, b.ref]).toEqual(['2026-11-21', '2027-03-09']);
    expect(b.counts).toEqual(a.counts); // as many unions in term, expiring and expired
    expect(b.firstTermStart).not.toBe(a.firstTermStart); // … at other dates
  });
});
