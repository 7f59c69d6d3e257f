import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness.js';

/**
 * Competitions (ranking, winners, the figures of small, non-public and gig employers, 单列 for a
 * national winner) and innovation studios (alliance, results, the yearly evaluation), docs/achievement.md.
 */
let env: TestEnv;
let admin: TestClient;
let chair: TestClient;
let city: string;
let unit: string;
const q = <T>(s: ReturnType<typeof sql>) => env.services.database.query<T>(s);

beforeAll(async () => {
  env = await createTestEnv();
  admin = await env.login('admin');
  chair = await env.login('grassroots');
  city = (await q<{ id: string }>(sql`SELECT id FROM org WHERE parent_id IS NULL`))[0]!.id;
  unit = (await q<{ id: string }>(sql`SELECT o.id FROM org o JOIN app_user u ON u.org_id = o.id WHERE u.username = 'grassroots'`))[0]!.id;
}, 600_000);
afterAll(async () => {
  await env?.close();
});

describe('competitions', () => {
  let compId: string;
  it('a contest with its period; an end before the start is a clear 400', async () => {
    const bad = await admin.post('/api/competitions', {
      orgId: city,
      name: '焊工技能大赛',
      kind: 'skills',
      level: 'national',
      sector: 'manufacturing',
      startsOn: '2026-06-01',
      endsOn: '2026-05-01',
    });
    expect(bad.statusCode).toBe(400);
    const res = await admin.post('/api/competitions', {
      orgId: city,
      name: '全国焊工技能大赛（江城赛区）',
      kind: 'skills',
      level: 'national',
      sector: 'manufacturing',
      startsOn: '2026-05-01',
      endsOn: '2026-06-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    compId = res.json().id;
  });

  it('a negative score is refused with a clear 400; scores rank per event, ties share a rank', async () => {
    const neg = await admin.post(`/api/competitions/${compId}/entries`, { event: '焊工', unitName: '江城重工', score: -1 });
    expect(neg.statusCode).toBe(400);
    expect(neg.json().message).toContain('成绩不能为负');
    const add = (o: Record<string, unknown>) => admin.post(`/api/competitions/${compId}/entries`, { event: '焊工', ...o });
    expect((await add({ unitName: '江城重工', personName: '张焊', score: 98.5, winner: true, award: '一等奖', nonPublic: true })).statusCode).toBe(201);
    expect((await add({ unitName: '江城船舶', personName: '李焊', score: 97, smallEmployer: true })).statusCode).toBe(201);
    expect((await add({ unitName: '江城快送', personName: '王骑手', score: 97, gig: true })).statusCode).toBe(201);
    expect((await add({ event: '电工', unitName: '江城重工', teamName: '电工一班', score: 90 })).statusCode).toBe(201);
    const d = (await admin.get(`/api/competitions/${compId}`)).json();
    const rank = (name: string) => d.entries.find((e: { personName: string | null }) => e.personName === name);
    expect([rank('张焊').rank, rank('李焊').rank, rank('王骑手').rank]).toEqual([1, 2, 2]);
    expect(rank('张焊')).toMatchObject({ score: 98.5, winner: true, outsideQuota: true });
    expect(rank('李焊').outsideQuota).toBe(false);
    expect(d.figures).toEqual({ participants: 4, units: 3, teams: 1, events: 2, winners: 1, smallEmployer: 1, nonPublic: 1, gig: 1 });
    // A unit below the organiser sees the contest (it takes part) but cannot score it.
    expect((await chair.get(`/api/competitions/${compId}`)).json().can.edit).toBe(false);
    expect((await chair.post(`/api/competitions/${compId}/entries`, { event: '焊工', unitName: '越权', score: 100 })).statusCode).toBe(403);
  });

  it('the national winner may be put forward for the medal outside the quota (单列); a city winner may not', async () => {
    const entry = (await admin.get(`/api/competitions/${compId}`)).json().entries.find((e: { personName: string }) => e.personName === '张焊').id;
    const call = await admin.post('/api/honors/calls', { orgId: city, title: '单列测试评选', year: 2026, kinds: ['labor_medal'], floors: [] });
    await admin.post(`/api/honors/calls/${call.json().id}/open`, { version: 1 });
    const body = {
      callId: call.json().id,
      orgId: unit,
      kind: 'labor_medal',
      name: '张焊',
      employer: '江城重工',
      occupation: 'industrial_worker',
      deeds: '全国焊工技能大赛第一名，技艺精湛。',
      recommendation: { method: 'congress', on: '2026-06-10', votesFor: 50, votesTotal: 60 },
    };
    const noQuota = await admin.post('/api/honors/nominations', body);
    expect(noQuota.statusCode).toBe(409);
    const outside = await admin.post('/api/honors/nominations', { ...body, competitionEntryId: entry });
    expect(outside.statusCode, outside.body).toBe(201);
    expect((await admin.get(`/api/honors/nominations/${outside.json().id}`)).json().outsideQuota).toBe(true);
    const other = (await admin.get(`/api/competitions/${compId}`)).json().entries.find((e: { personName: string }) => e.personName === '李焊').id;
    expect((await admin.post('/api/honors/nominations', { ...body, name: '李焊', competitionEntryId: other })).statusCode).toBe(400);
  });

  it('figures in scope', async () => {
    const f = (await admin.get('/api/competitions/dashboard')).json();
    expect(f.participants).toBeGreaterThanOrEqual(4);
    expect(f.gig).toBeGreaterThanOrEqual(1);
  });
});

describe('innovation studios', () => {
  it('a studio joins an alliance, records results and a yearly evaluation (one per year)', async () => {
    const al = await admin.post('/api/studios/alliances', {
      orgId: city,
      name: '江城市焊接技术创新工作室联盟',
      kind: 'cross_employer',
      foundedOn: '2024-03-01',
    });
    expect(al.statusCode, al.body).toBe(201);
    const st = await chair.post('/api/studios', {
      orgId: unit,
      name: '张焊劳模创新工作室',
      kind: 'model_worker',
      level: 'city',
      sector: 'manufacturing',
      leaderName: '张焊',
      members: [{ name: '徒弟甲', post: '焊工' }],
      allianceId: al.json().id,
      foundedOn: '2024-05-01',
    });
    expect(st.statusCode, st.body).toBe(201);
    const id = st.json().id;
    expect(
      (await chair.post(`/api/studios/${id}/results`, { kind: 'saving', title: '焊材回收工艺', onDate: '2026-03-01', savingsFen: 12_000_000 })).statusCode,
    ).toBe(201);
    expect((await chair.post(`/api/studios/${id}/results`, { kind: 'saving', title: '负数', onDate: '2026-03-01', savingsFen: -5 })).statusCode).toBe(400);
    expect((await chair.post(`/api/studios/${id}/evaluations`, { year: 2026, grade: 'excellent', fundingFen: 5_000_000 })).statusCode).toBe(201);
    const dup = await chair.post(`/api/studios/${id}/evaluations`, { year: 2026, grade: 'good' });
    expect(dup.statusCode).toBe(409);
    expect((await chair.post(`/api/studios/${id}/evaluations`, { year: 2026, grade: 'superb' })).statusCode).toBe(400);
    const d = (await chair.get(`/api/studios/${id}`)).json();
    expect(d).toMatchObject({
      allianceName: '江城市焊接技术创新工作室联盟',
      memberCount: 1,
      savingsFen: 12_000_000,
      evaluations: [{ year: 2026, grade: 'excellent', fundingFen: 5_000_000 }],
    });
    expect((await chair.get('/api/studios/alliances')).json().map((a: { name: string }) => a.name)).toContain('江城市焊接技术创新工作室联盟');
  });
});

describe('the demo data', () => {
  it('has two years of contests across sectors, and 40 studios in 3 alliances with results', async () => {
    const [c] = await q<{ years: number; sectors: number; n: number }>(
      sql`SELECT count(DISTINCT extract(year FROM starts_on))::int AS years, count(DISTINCT sector)::int AS sectors, count(*)::int AS n FROM competition WHERE is_demo`,
    );
    expect(c).toMatchObject({ years: 2, sectors: 10 });
    const [s] = await q<{ n: number; alliances: number; results: number }>(
      sql`SELECT count(*)::int AS n, count(DISTINCT alliance_id)::int AS alliances, (SELECT count(*)::int FROM studio_result) AS results FROM studio WHERE is_demo`,
    );
    expect(s).toMatchObject({ n: 40, alliances: 3 });
    expect(s!.results).toBeGreaterThanOrEqual(40);
  });
});
