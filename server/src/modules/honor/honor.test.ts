import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness.js';
import { addDays, todayInChina } from '../../../../common/src/dates.js';
import { CLEARANCE_AGENCIES } from '../../../../common/src/honor-rules.js';

/**
 * Honours from call to record (docs/achievement.md): a city call with a quota for one district,
 * nominations by a unit inside it, the quota check with its numbers, clearance, the public notice
 * with an objection, approval and the holder on the member record.
 */
let env: TestEnv;
let admin: TestClient;
let district: TestClient;
let chair: TestClient;
let city: { id: string };
let d01: { id: string };
let unit: { id: string };
let memberId: string;
let callId: string;
const today = todayInChina();
const q = <T>(s: ReturnType<typeof sql>) => env.services.database.query<T>(s);
const floors = [
  { category: 'industrial_worker', kinds: ['labor_medal'], op: 'min', pct: 50 },
  { category: 'head_official', kinds: ['labor_medal'], op: 'max', count: 0 },
];
const nominee = (o: Record<string, unknown> = {}) => ({
  callId,
  orgId: unit.id,
  kind: 'labor_medal',
  name: '李工匠',
  employer: '江城机械厂',
  post: '钳工班长',
  occupation: 'frontline_tech',
  deeds: '扎根一线二十年，带出徒弟三十余名，完成技术革新十二项。',
  recommendation: { method: 'congress', on: addDays(today, -10), votesFor: 80, votesTotal: 95 },
  ...o,
});

beforeAll(async () => {
  env = await createTestEnv();
  admin = await env.login('admin');
  district = await env.login('district');
  chair = await env.login('grassroots');
  [city] = await q<{ id: string }>(sql`SELECT id FROM org WHERE parent_id IS NULL`);
  [d01] = await q<{ id: string }>(sql`SELECT id FROM org WHERE code = 'D01'`);
  [unit] = await q<{ id: string }>(sql`SELECT o.id FROM org o JOIN app_user u ON u.org_id = o.id WHERE u.username = 'grassroots'`);
  [{ id: memberId }] = await q<{ id: string }>(sql`SELECT id FROM member WHERE org_id = ${unit.id} ORDER BY id LIMIT 1`);
}, 600_000);
afterAll(async () => {
  await env?.close();
});

describe('the call', () => {
  it('refuses floors that sum above 100% with a clear 400', async () => {
    const res = await admin.post('/api/honors/calls', {
      orgId: city.id,
      title: '不可能的评选',
      year: 2026,
      kinds: ['labor_medal'],
      floors: [
        { category: 'industrial_worker', kinds: ['labor_medal'], op: 'min', pct: 70 },
        { category: 'teacher_researcher', kinds: ['labor_medal'], op: 'min', pct: 40 },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'FLOORS_IMPOSSIBLE',
      message: '五一劳动奖章的产业工人、其他一线职工和专业技术人员、教师和科研人员、企业负责人和县处级以上干部比例下限合计110%，超过100%，无法同时满足',
    });
  });

  it('takes the ACFTU 2022 floors when none are given, with their source', async () => {
    const res = await admin.post('/api/honors/calls', { orgId: city.id, title: '默认比例的评选', year: 2026, kinds: ['labor_medal', 'pioneer'] });
    expect(res.statusCode, res.body).toBe(201);
    const detail = (await admin.get(`/api/honors/calls/${res.json().id}`)).json();
    expect(detail.floors.find((f: { category: string }) => f.category === 'industrial_worker')).toMatchObject({ pct: 35 });
    expect(detail.floorSource).toContain('2022');
    expect(detail).toMatchObject({ noticeDays: 5, noticeUnit: 'working_days', status: 'draft' });
  });

  it('a city call with a quota for one district, opened for nominations', async () => {
    const res = await admin.post('/api/honors/calls', {
      orgId: city.id,
      title: '2026年江城市五一劳动奖章评选',
      year: 2026,
      kinds: ['labor_medal'],
      floors,
      quotas: [{ orgId: d01.id, kind: 'labor_medal', n: 2 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    callId = res.json().id;
    expect((await admin.post(`/api/honors/calls/${callId}/open`, { version: 1 })).statusCode).toBe(200);
    // The district and the unit below it see the city's call; it is theirs to nominate for.
    expect((await chair.get('/api/honors/calls')).json().items.map((c: { id: string }) => c.id)).toContain(callId);
    const forUnit = (await chair.get(`/api/honors/calls/${callId}`)).json();
    expect(forUnit).toMatchObject({ can: { edit: false, nominate: true, objections: false }, actions: [] });
    expect(
      (await district.put(`/api/honors/calls/${callId}`, { orgId: city.id, title: '区里改名', year: 2026, kinds: ['labor_medal'], version: 2 })).statusCode,
    ).toBe(403);
  });
});

let a: string;
let b: string;
describe('nominations within the quota, and the quota check with the numbers', () => {
  it('a unit nominates with its democratic recommendation, within the district’s quota', async () => {
    const r1 = await chair.post('/api/honors/nominations', nominee({ memberId }));
    expect(r1.statusCode, r1.body).toBe(201);
    a = r1.json().id;
    const r2 = await chair.post('/api/honors/nominations', nominee({ name: '王技师', occupation: 'teacher_researcher' }));
    expect(r2.statusCode, r2.body).toBe(201);
    b = r2.json().id;
    const full = await chair.post('/api/honors/nominations', nominee({ name: '第三人' }));
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({ code: 'QUOTA_FULL', message: '五一劳动奖章名额2个，已推荐2人，名额已满' });
    const badVotes = await chair.post('/api/honors/nominations', nominee({ recommendation: { method: 'congress', on: today, votesFor: 9, votesTotal: 5 } }));
    expect(badVotes.statusCode).toBe(400);
  });

  it('the district endorses; a list one industrial worker short of the floor is refused with needed, have and short by', async () => {
    for (const id of [a, b]) expect((await district.post(`/api/honors/nominations/${id}/endorse`, { version: 1 })).statusCode).toBe(200);
    const check = (await district.get(`/api/honors/calls/${callId}/check?orgId=${d01.id}`)).json();
    expect(check.passes).toBe(false);
    expect(check.problems).toEqual([
      {
        code: 'floor.industrial_worker',
        zh: '五一劳动奖章中产业工人应不少于50%（2人中1人），现有0人，差1人',
        en: expect.any(String),
        needed: 1,
        have: 0,
        off: 1,
      },
    ]);
    const refused = await district.post(`/api/honors/calls/${callId}/submit`, { orgId: d01.id });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'QUOTA_CHECK_FAILED', details: { problems: [{ needed: 1, have: 0, off: 1 }] } });
    expect((await q<{ status: string }>(sql`SELECT status FROM honor_nomination WHERE call_id = ${callId}`)).every((r) => r.status === 'endorsed')).toBe(true);
  });

  it('with one industrial worker instead, the list is exactly at the floor and goes up', async () => {
    expect((await chair.post(`/api/honors/nominations/${b}/withdraw`, { reason: '改为推荐产业工人' })).statusCode).toBe(200);
    const r = await chair.post('/api/honors/nominations', nominee({ name: '赵焊工', occupation: 'industrial_worker', nonPublic: true }));
    expect(r.statusCode, r.body).toBe(201);
    b = r.json().id;
    expect((await district.post(`/api/honors/nominations/${b}/endorse`, { version: 1 })).statusCode).toBe(200);
    const ok = await district.post(`/api/honors/calls/${callId}/submit`, { orgId: d01.id });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ passes: true, quotas: [{ quota: 2, used: 2, left: 0, submitted: true }] });
  });
});

describe('review, clearance, the public notice and objections', () => {
  it('the city reviews; approval is refused before the notice and before clearance', async () => {
    expect((await admin.post(`/api/honors/calls/${callId}/close`, { version: 2 })).statusCode).toBe(200);
    for (const id of [a, b]) expect((await admin.post(`/api/honors/nominations/${id}/review`, { version: 3 })).statusCode).toBe(200);
    const early = await admin.post(`/api/honors/nominations/${a}/approve`, { version: 4 });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('尚未公示');
    expect(early.json().message).toContain('联审未全部通过：纪检监察、市场监管、税务、审计、应急管理（安全生产）、生态环境、人力资源社会保障');
  });

  it('records each agency’s clearance with its result and date', async () => {
    for (const agency of CLEARANCE_AGENCIES) {
      const res = await admin.put(`/api/honors/nominations/${a}/clearance`, { agency, result: 'clear', on: today });
      expect(res.statusCode, res.body).toBe(200);
    }
    const d = (await admin.get(`/api/honors/nominations/${a}`)).json();
    expect(d.uncleared).toEqual([]);
    expect(d.clearance).toHaveLength(7);
    expect((await admin.put(`/api/honors/nominations/${a}/clearance`, { agency: 'police', result: 'clear', on: today })).statusCode).toBe(400);
  });

  it('publishes the notice for the call’s working days; anyone may object without signing in, only inside the period', async () => {
    const pub = await admin.post(`/api/honors/calls/${callId}/publish`, { noticeFrom: today, version: 3 });
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json().noticeFrom).toBe(today);
    const anon = env.anonymous();
    expect((await anon.get('/api/public/notices')).json().map((n: { id: string }) => n.id)).toContain(callId);
    const notice = await anon.get(`/api/public/notices/${callId}`);
    expect(notice.statusCode).toBe(200);
    expect(
      notice
        .json()
        .nominees.map((n: { name: string }) => n.name)
        .sort(),
    ).toEqual(['李工匠', '赵焊工']);
    expect(Object.keys(notice.json().nominees[0]).sort()).toEqual(['deeds', 'employer', 'id', 'kind', 'name', 'post']);
    const first = await anon.post(`/api/public/notices/${callId}/objections`, {
      nominationId: a,
      content: '反映该同志的技术革新成果署名有争议，请核实。',
      contact: '13912345678',
    });
    expect(first.statusCode, first.body).toBe(201);
    // The last day is still open; the day after, refused.
    const [{ notice_to: to }] = await q<{ notice_to: string }>(sql`SELECT notice_to::text FROM honor_call WHERE id = ${callId}`);
    expect(to > today).toBe(true);
    await q(sql`UPDATE honor_call SET notice_from = ${addDays(today, -6)}, notice_to = ${today} WHERE id = ${callId}`);
    expect((await anon.post(`/api/public/notices/${callId}/objections`, { nominationId: b, content: '最后一天提出的异议，应当受理。' })).statusCode).toBe(201);
    await q(sql`UPDATE honor_call SET notice_to = ${addDays(today, -1)} WHERE id = ${callId}`);
    const late = await anon.post(`/api/public/notices/${callId}/objections`, { nominationId: b, content: '公示期结束后提出的异议。' });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'NOTICE_CLOSED' });
    expect(late.json().message).toContain('已经结束');
  });

  it('objections are read by the reviewing body only, the objector masked', async () => {
    const list = await admin.get(`/api/honors/calls/${callId}/objections`);
    expect(list.json()).toHaveLength(2);
    expect(list.json()[0]).toMatchObject({ nomineeName: '李工匠', status: 'registered', contactMasked: '139****78' });
    expect(list.body).not.toContain('13912345678');
    expect((await chair.get(`/api/honors/calls/${callId}/objections`)).statusCode).toBe(403);
    expect((await district.get(`/api/honors/calls/${callId}/objections`)).statusCode).toBe(403);
    expect((await chair.get(`/api/honors/nominations/${a}`)).json().objections).toEqual([]);
  });

  it('approval waits for the objection’s answer; then the record and its certificate number; the holder shows on the member record', async () => {
    const ver = async (id: string) => (await admin.get(`/api/honors/nominations/${id}`)).json().version as number;
    const waiting = await admin.post(`/api/honors/nominations/${a}/approve`, { version: await ver(a) });
    expect(waiting.statusCode).toBe(409);
    expect(waiting.json().message).toContain('有1件异议尚未答复');
    const objs = (await admin.get(`/api/honors/calls/${callId}/objections`)).json() as { id: string; nominationId: string }[];
    const incomplete = await admin.post(`/api/honors/objections/${objs[0]!.id}/answer`, { status: 'answered', finding: 'unfounded' });
    expect(incomplete.statusCode).toBe(400);
    for (const o of objs) {
      const res = await admin.post(`/api/honors/objections/${o.id}/answer`, {
        status: 'answered',
        finding: 'unfounded',
        answer: '经核实，技术革新成果署名无误，反映不实。',
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const ok = await admin.post(`/api/honors/nominations/${a}/approve`, { version: await ver(a) });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', recordId: expect.any(String) });
    // b was never cleared: still refused, naming the agencies.
    const other = await admin.post(`/api/honors/nominations/${b}/approve`, { version: await ver(b) });
    expect(other.statusCode).toBe(409);
    expect(other.json().message).toContain('联审未全部通过');
    const rec = (await chair.get(`/api/honors/records?memberId=${memberId}`)).json();
    expect(rec.items).toHaveLength(1);
    expect(rec.items[0]).toMatchObject({
      name: '李工匠',
      kind: 'labor_medal',
      level: 'city',
      title: '市五一劳动奖章',
      year: 2026,
      certificateNo: expect.stringMatching(/^RY2026\d{6}$/),
    });
  });

  it('care records on the holder; a negative amount is a clear 400', async () => {
    const rec = (await chair.get(`/api/honors/records?memberId=${memberId}`)).json().items[0];
    expect((await chair.post(`/api/honors/records/${rec.id}/care`, { kind: 'checkup', on: today, amountFen: -1 })).statusCode).toBe(400);
    expect((await chair.post(`/api/honors/records/${rec.id}/care`, { kind: 'checkup', on: today, amountFen: 50_000, note: '年度健康体检' })).statusCode).toBe(
      201,
    );
    const d = (await chair.get(`/api/honors/records/${rec.id}`)).json();
    expect(d.care).toEqual([expect.objectContaining({ kind: 'checkup', amountFen: 50_000 })]);
    const dash = (await chair.get('/api/honors/dashboard')).json();
    expect(dash.careThisYear.n).toBeGreaterThanOrEqual(1);
  });
});

describe('the demo data', () => {
  it('has a call in every state, one in public notice with an objection, and about 300 holders with care', async () => {
    const states = await q<{ status: string; n: number }>(sql`SELECT status, count(*)::int AS n FROM honor_call WHERE is_demo GROUP BY status ORDER BY status`);
    expect(states.map((s) => s.status)).toEqual(['decided', 'draft', 'nominating', 'notice', 'reviewing']);
    const [open] = await q<{ id: string }>(
      sql`SELECT id FROM honor_call WHERE is_demo AND status = 'notice' AND notice_from <= ${today} AND notice_to >= ${today}`,
    );
    expect((await env.anonymous().get(`/api/public/notices/${open!.id}`)).json().open).toBe(true);
    expect((await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM honor_objection WHERE call_id = ${open!.id}`))[0]!.n).toBe(1);
    const [h] = await q<{ n: number; care: number }>(
      sql`SELECT count(*)::int AS n, (SELECT count(*)::int FROM honor_care) AS care FROM honor_record WHERE is_demo`,
    );
    expect(h!.n).toBeGreaterThanOrEqual(300);
    expect(h!.care).toBeGreaterThan(200);
  });
});
