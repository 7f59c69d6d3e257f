import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness.js';

/** The holiday calendar page's routes: the years, entering or correcting one, and the reminder (docs/rules.md, "Deadlines"). */

let env: TestEnv;
let admin: TestClient;

const q = <T = Record<string, unknown>>(s: ReturnType<typeof sql>) => env.services.database.query<T>(s);
const auditCount = async () => (await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'settings.calendar'`))[0]!.n;

/** Sign in with the clock at `iso` (sessions are checked against the clock). */
async function at(iso: string): Promise<TestClient> {
  vi.useFakeTimers({ toFake: ['Date'], now: new Date(iso) });
  return env.login('admin');
}

const Y2027 = {
  holidays: [
    '2027-01-01',
    '2027-01-02',
    '2027-01-03',
    '2027-02-05',
    '2027-02-06',
    '2027-02-07',
    '2027-02-08',
    '2027-02-09',
    '2027-02-10',
    '2027-02-11',
    '2027-04-03',
    '2027-04-04',
    '2027-04-05',
    '2027-05-01',
    '2027-05-02',
    '2027-05-03',
    '2027-05-04',
    '2027-05-05',
    '2027-06-09',
    '2027-09-15',
    '2027-10-01',
    '2027-10-02',
    '2027-10-03',
    '2027-10-04',
    '2027-10-05',
    '2027-10-06',
    '2027-10-07',
  ],
  workdays: ['2027-02-20', '2027-10-09'],
};

beforeAll(async () => {
  env = await createTestEnv({ members: 200, hardship: 20 });
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => {
  await env?.close();
});

describe('who may see and change the calendar', () => {
  it('is for system administrators only: a district federation administrator and a chair are refused', async () => {
    for (const user of ['district', 'grassroots']) {
      const c = await env.login(user);
      expect((await c.get('/api/settings/calendar/years')).statusCode, user).toBe(403);
      expect((await c.put('/api/settings/calendar/years/2027', Y2027)).statusCode, user).toBe(403);
      expect((await c.get('/api/settings/calendar/reminder')).statusCode, user).toBe(403);
    }
    expect(await auditCount()).toBe(0);
  });
});

describe('the reminder to enter next year', () => {
  it('is silent on 31 October, asks for 2027 from 1 November 2026, and for the current year when it is still missing', async () => {
    admin = await at('2026-10-31T04:00:00Z');
    expect((await admin.get('/api/settings/calendar/reminder')).json()).toEqual({ year: null, late: false, from: '11-01' });
    admin = await at('2026-11-01T04:00:00Z');
    expect((await admin.get('/api/settings/calendar/reminder')).json()).toEqual({ year: 2027, late: false, from: '11-01' });
    // 1 November 00:30 in China is still 31 October in UTC: China's date counts.
    admin = await at('2026-10-31T16:30:00Z');
    expect((await admin.get('/api/settings/calendar/reminder')).json()).toMatchObject({ year: 2027 });
    admin = await at('2027-01-05T04:00:00Z');
    expect((await admin.get('/api/settings/calendar/reminder')).json()).toEqual({ year: 2027, late: true, from: '11-01' });
  });
});

describe('the years', () => {
  it('lists the years around today with their days off and make-up working days, and where they come from', async () => {
    admin = await at('2026-12-04T04:00:00Z');
    const years = (await admin.get('/api/settings/calendar/years')).json();
    expect(years.map((y: { year: number }) => y.year)).toEqual([2027, 2026, 2025, 2024]);
    const [y2027, y2026] = years;
    // 2027 is not published yet: only the statutory holidays are known, and deadlines there are provisional.
    expect(y2027).toMatchObject({ source: 'weekdays_only', provisional: true, workdays: [] });
    expect(y2027.holidays).toContain('2027-01-01');
    // 2026 from the State Council's notice: 元旦 1–3 January with Sunday 4 January worked, …
    expect(y2026).toMatchObject({ source: 'package', provisional: false });
    expect(y2026.holidays.slice(0, 3)).toEqual(['2026-01-01', '2026-01-02', '2026-01-03']);
    expect(y2026.workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });
});

describe('entering a year', () => {
  it('refuses a wrong entry with each problem named in Chinese, on its field, and writes nothing', async () => {
    admin = await at('2026-12-04T04:00:00Z');
    const before = await auditCount();
    const bad = await admin.put('/api/settings/calendar/years/2027', {
      holidays: Y2027.holidays.filter((d) => d !== '2027-10-01').concat('2028-01-01'),
      workdays: ['2027-01-06', '2027-02-20', '2027-01-01'],
    });
    expect(bad.statusCode).toBe(400);
    const body = bad.json();
    expect(body.code).toBe('INVALID_CALENDAR');
    expect(body.message).toContain('2028-01-01 不在 2027 年内');
    expect(body.message).toContain('2027-01-06 是周三，本来就是工作日，不是调休上班日');
    expect(body.message).toContain('2027-01-01 同时出现在放假日和调休上班日中');
    expect(body.message).toContain('缺少法定节假日 2027-10-01');
    expect(body.messageEn).toContain('2028-01-01 is not in 2027');
    expect(body.details.fields.map((f: { path: string }) => f.path)).toEqual(['body.holidays', 'body.workdays', 'body.workdays', 'body.holidays']);
    expect(await auditCount()).toBe(before);
    expect((await admin.get('/api/settings/calendar/years')).json()[0]).toMatchObject({ year: 2027, source: 'weekdays_only' });
  });

  it('refuses a year out of range, a malformed date and an empty year', async () => {
    admin = await at('2026-12-04T04:00:00Z');
    expect((await admin.put('/api/settings/calendar/years/1999', Y2027)).statusCode).toBe(400);
    expect((await admin.put('/api/settings/calendar/years/abc', Y2027)).json().message).toContain('年份');
    expect((await admin.put('/api/settings/calendar/years/2027', { holidays: ['2027-02-30'], workdays: [] })).statusCode).toBe(400);
    const empty = await admin.put('/api/settings/calendar/years/2036', { holidays: [], workdays: [] });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toContain('请至少填写一个放假日');
  });

  it('saves 2027, audited with what changed, and the year is no longer provisional nor asked for', async () => {
    admin = await at('2026-12-04T04:00:00Z');
    const res = await admin.put('/api/settings/calendar/years/2027', Y2027);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().year).toEqual({ year: 2027, source: 'override', provisional: false, ...Y2027 });
    const [entry] = await q<{ actor: string; changes: { year: number; workdays: { from: string[]; to: string[] } } }>(
      sql`SELECT actor_name AS actor, changes FROM audit_log WHERE action = 'settings.calendar' ORDER BY seq DESC LIMIT 1`,
    );
    expect(entry).toMatchObject({ actor: 'admin', changes: { year: 2027, workdays: { from: [], to: Y2027.workdays } } });
    expect((await admin.get('/api/settings/calendar/years')).json()[0]).toEqual({ year: 2027, source: 'override', provisional: false, ...Y2027 });
    expect((await admin.get('/api/settings/calendar/reminder')).json()).toMatchObject({ year: null });
  });

  it('corrects a year the package covers: a day off dropped becomes a working day again, other years are kept', async () => {
    admin = await at('2026-12-04T04:00:00Z');
    const y2026 = (await admin.get('/api/settings/calendar/years')).json().find((y: { year: number }) => y.year === 2026);
    // A local correction: Friday 2 January 2026 worked after all.
    const res = await admin.put('/api/settings/calendar/years/2026', {
      holidays: y2026.holidays.filter((d: string) => d !== '2026-01-02'),
      workdays: y2026.workdays,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().year.source).toBe('override');
    expect(res.json().year.holidays).not.toContain('2026-01-02');
    expect(res.json().year.holidays).toContain('2026-01-03');
    const all = (await admin.get('/api/settings/calendar')).json();
    expect(all.workdays).toContain('2026-01-02');
    expect(all.holidays).toContain('2027-01-01');
  });
});
