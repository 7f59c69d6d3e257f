import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness.js';
import { demoOrgs, freshMobile, type DemoOrgs } from '../member/join/fixtures.js';
import { todayInChina } from '../../../../common/src/dates.js';

/**
 * Training, certificates, mentoring and proposals (docs/achievement.md): the certificate level is one
 * of the five, the public check shows a masked name, the level, the trade and the date and nothing
 * else, courses take sign-ups up to their capacity and attendance, a 师带徒 pair gets one result,
 * and a proposal goes from the portal through evaluation, adoption and implementation.
 */
let env: TestEnv;
let o: DemoOrgs;
let admin: TestClient;
let district: TestClient;
let chair: TestClient;
let member: { id: string; name: string; org_id: string };
const today = todayInChina();
const q = <T>(s: ReturnType<typeof sql>) => env.services.database.query<T>(s);

beforeAll(async () => {
  env = await createTestEnv({ members: 600, hardship: 20, disputes: 20 });
  o = await demoOrgs(env);
  admin = await env.login('admin');
  district = await env.login('district');
  chair = await env.login('grassroots');
  [member] = await q<typeof member>(sql`SELECT id, name, org_id FROM member WHERE org_id = ${o.g1.id} AND status = 'active' ORDER BY card_no LIMIT 1`);
}, 600_000);
afterAll(async () => {
  await env?.close();
});

const cert = (x: Record<string, unknown> = {}) => ({
  orgId: o.g1.id,
  memberId: member.id,
  name: member.name,
  level: 'senior',
  trade: '焊工',
  sector: 'manufacturing',
  issuedOn: '2025-06-30',
  issuer: '江城市职业技能鉴定中心',
  ...x,
});

describe('skill certificates', () => {
  it('refuses a level that does not exist with a clear 400, and takes each of the five', async () => {
    const bad = await chair.post('/api/training/certificates', cert({ level: 'master' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('职业技能等级不存在');
    expect(JSON.stringify(bad.json())).toContain('unknown skill level');
    for (const level of ['junior', 'intermediate', 'senior', 'technician', 'senior_technician']) {
      const ok = await chair.post('/api/training/certificates', cert({ level }));
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json().certNo).toMatch(/^ZS2025\d{7}$/);
    }
  });

  it('refuses a number already recorded (409) and a union outside the scope (404)', async () => {
    const a = await chair.post('/api/training/certificates', cert({ certNo: 'hj-2025-000123' }));
    expect(a.statusCode, a.body).toBe(201);
    expect((await chair.post('/api/training/certificates', cert({ certNo: 'HJ-2025-000123' }))).statusCode).toBe(409);
    expect((await chair.post('/api/training/certificates', cert({ orgId: o.g2.id, memberId: null }))).statusCode).toBe(404);
    const ofMember = (await chair.get(`/api/training/certificates?memberId=${member.id}&pageSize=50`)).json();
    expect(ofMember.items.length).toBeGreaterThanOrEqual(6);
    expect(ofMember.items.every((c: { memberId: string }) => c.memberId === member.id)).toBe(true);
  });

  it('the public check shows a masked name, level, trade and date — never an ID number, phone or employer — and is rate-limited', async () => {
    const [m] = await q<{ id_masked: string; mobile_masked: string | null }>(sql`SELECT id_masked, mobile_masked FROM member WHERE id = ${member.id}`);
    const anon = env.anonymous();
    const res = await env.app.inject({ method: 'GET', url: '/api/public/certificates/HJ-2025-000123', remoteAddress: '10.77.0.1' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['certNo', 'issuedOn', 'level', 'nameMasked', 'trade', 'valid']);
    expect(body).toMatchObject({ valid: true, level: 'senior', trade: '焊工', issuedOn: '2025-06-30' });
    expect(body.nameMasked).not.toBe(member.name);
    expect(body.nameMasked[0]).toBe(member.name[0]);
    expect(res.body).not.toContain(o.g1.name);
    expect(res.body).not.toContain(m!.id_masked);
    if (m!.mobile_masked) expect(res.body).not.toContain(m!.mobile_masked);
    expect((await anon.get('/api/public/certificates/hj-2025-000123')).json()).toMatchObject({ valid: true, certNo: 'HJ-2025-000123' });
    const unknown = await anon.get('/api/public/certificates/NOPE-000000');
    expect(unknown.json()).toMatchObject({ valid: false, nameMasked: null });
    let last = 200;
    for (let i = 0; i < 31; i++)
      last = (await env.app.inject({ method: 'GET', url: '/api/public/certificates/HJ-2025-000123', remoteAddress: '10.77.0.2' })).statusCode;
    expect(last).toBe(429);
  });

  it('coverage counts members certified in scope, by district and by sector, as SQL counts them', async () => {
    const cov = (await district.get('/api/training/coverage')).json();
    const [want] = await q<{ members: number; certified: number }>(sql`
      SELECT count(*)::int AS members, count(*) FILTER (WHERE EXISTS (SELECT 1 FROM skill_certificate s WHERE s.member_id = m.id))::int AS certified
      FROM member m JOIN org x ON x.id = m.org_id WHERE m.status = 'active' AND x.path LIKE ${o.d01.path + '%'}`);
    expect({ members: cov.members, certified: cov.certified }).toEqual(want);
    expect(cov.certified).toBeGreaterThan(0);
    expect(cov.byDistrict).toEqual([{ id: o.d01.id, name: o.d01.name, members: want!.members, certified: want!.certified }]);
    expect(cov.bySector.find((s: { key: string }) => s.key === 'manufacturing').n).toBeGreaterThan(0);
    const city = (await admin.get('/api/training/coverage')).json();
    expect(city.byDistrict.length).toBeGreaterThan(1);
    expect(city.certified).toBeGreaterThanOrEqual(cov.certified);
  });
});

describe('courses and mentoring', () => {
  it('signs members up to the capacity, refuses a second sign-up, records attendance, and audits each', async () => {
    const c = await chair.post('/api/training/courses', {
      orgId: o.g1.id,
      title: '焊工技能提升培训班',
      mode: 'offline',
      trade: '焊工',
      sector: 'manufacturing',
      startsOn: today,
      endsOn: today,
      hours: 16,
      capacity: 2,
      place: '实训车间',
    });
    expect(c.statusCode, c.body).toBe(201);
    const id = c.json().id;
    const ms = await q<{ id: string }>(sql`SELECT id FROM member WHERE org_id = ${o.g1.id} AND status = 'active' ORDER BY card_no LIMIT 3`);
    const e1 = await chair.post(`/api/training/courses/${id}/enrolments`, { memberId: ms[0]!.id });
    expect(e1.statusCode, e1.body).toBe(201);
    expect((await chair.post(`/api/training/courses/${id}/enrolments`, { memberId: ms[0]!.id })).statusCode).toBe(409);
    expect((await chair.post(`/api/training/courses/${id}/enrolments`, { memberId: ms[1]!.id })).statusCode).toBe(201);
    const full = await chair.post(`/api/training/courses/${id}/enrolments`, { memberId: ms[2]!.id });
    expect(full.statusCode).toBe(409);
    expect(full.json().message).toContain('已满');
    const att = await chair.post(`/api/training/courses/${id}/attendance`, { marks: [{ enrolmentId: e1.json().id, status: 'attended' }] });
    expect(att.json()).toEqual({ updated: 1 });
    const detail = (await chair.get(`/api/training/courses/${id}`)).json();
    expect(detail).toMatchObject({ enrolled: 2, attended: 1 });
    const backwards = await chair.post('/api/training/courses', {
      orgId: o.g1.id,
      title: '倒序',
      mode: 'online',
      trade: '焊工',
      sector: 'other',
      startsOn: today,
      endsOn: '2020-01-01',
      hours: 1,
      capacity: 1,
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('结束日期不能早于开始日期');
    expect(
      (
        await chair.post('/api/training/courses', {
          orgId: o.g1.id,
          title: '混合',
          mode: 'hybrid',
          trade: '焊工',
          sector: 'other',
          startsOn: today,
          endsOn: today,
          hours: 1,
          capacity: 1,
        })
      ).statusCode,
    ).toBe(400);
    const audit = await q<{ action: string }>(sql`SELECT action FROM audit_log WHERE entity_id = ${id} ORDER BY seq`);
    expect(audit.map((a) => a.action)).toEqual(['training.course_create', 'training.enrol', 'training.enrol', 'training.attendance']);
  });

  it('a pair gets one result, with a level that exists', async () => {
    const p = await chair.post('/api/training/mentoring', {
      orgId: o.g1.id,
      mentorName: '王师傅',
      apprenticeName: '小李',
      trade: '钳工',
      startsOn: '2025-01-01',
      endsOn: '2025-12-31',
      goals: '一年内取得中级工证书',
    });
    expect(p.statusCode, p.body).toBe(201);
    const id = p.json().id;
    expect(
      (await chair.post(`/api/training/mentoring/${id}/result`, { status: 'completed', result: '出师', apprenticeLevel: 'guru', version: 1 })).statusCode,
    ).toBe(400);
    const r = await chair.post(`/api/training/mentoring/${id}/result`, {
      status: 'completed',
      result: '按期出师，取得中级工证书',
      apprenticeLevel: 'intermediate',
      version: 1,
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'completed', apprenticeLevel: 'intermediate', version: 2 });
    expect((await chair.post(`/api/training/mentoring/${id}/result`, { status: 'ended', result: '再来一次', version: 2 })).statusCode).toBe(409);
  });
});

/** A worker's phone with the portal cookie, signed up by a code from the outbox. */
async function worker() {
  let cookie = '';
  const ip = `10.88.0.${Math.floor(Math.random() * 200) + 1}`;
  const send = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await env.app.inject({
      method,
      url,
      remoteAddress: ip,
      headers: cookie ? { cookie } : {},
      ...(method === 'POST' ? { payload: payload ?? {} } : {}),
    });
    const set = res.cookies.find((c) => c.name === 'gh_wsid');
    if (set) cookie = set.value ? `gh_wsid=${set.value}` : '';
    return res;
  };
  const mobile = freshMobile();
  await send('POST', '/api/portal/code', { mobile });
  const box = (await admin.get(`/api/system/sms-outbox?mobile=${mobile}`)).json();
  const code = /(\d{6})/.exec(box.items[0].body)![1]!;
  const me = (await send('POST', '/api/portal/session', { mobile, code })).json();
  return { send, accountId: me.accountId as string };
}

describe('proposals', () => {
  it('a worker submits on the portal; the unit evaluates, adopts and implements it with value and reward; figures by unit', async () => {
    const w = await worker();
    const body = { kind: 'innovation', title: '焊接夹具快速定位改进', content: '增加定位销，减少每件装夹时间约30秒。' };
    const unlinked = await w.send('POST', '/api/portal/proposals', body);
    expect(unlinked.statusCode).toBe(409);
    expect(unlinked.json().message).toContain('关联会员档案');
    const [free] = await q<{ id: string; name: string }>(
      sql`SELECT id, name FROM member m WHERE org_id = ${o.g1.id} AND status = 'active' AND NOT EXISTS (SELECT 1 FROM worker_account w WHERE w.member_id = m.id) ORDER BY card_no LIMIT 1`,
    );
    await q(sql`UPDATE worker_account SET member_id = ${free!.id} WHERE id = ${w.accountId}`);
    const sub = await w.send('POST', '/api/portal/proposals', body);
    expect(sub.statusCode, sub.body).toBe(201);
    expect(sub.json()).toMatchObject({ status: 'submitted', title: body.title });
    const no = sub.json().proposalNo as string;
    expect((await w.send('GET', '/api/portal/proposals')).json().some((p: { proposalNo: string }) => p.proposalNo === no)).toBe(true);

    const list = (await chair.get(`/api/proposals?q=${no}`)).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ orgId: o.g1.id, proposerName: free!.name, viaPortal: true, status: 'submitted' });
    const id = list.items[0].id;
    const ev = await chair.post(`/api/proposals/${id}/evaluate`, { version: 1 });
    expect(ev.statusCode, ev.body).toBe(200);
    expect(ev.json().actions).toEqual(expect.arrayContaining(['adopt', 'reject']));
    const noOpinion = await chair.post(`/api/proposals/${id}/adopt`, { version: 2 });
    expect(noOpinion.statusCode).toBe(400);
    expect((await chair.post(`/api/proposals/${id}/implement`, { version: 2, valueFen: 100, rewardFen: 10, implementedOn: today })).statusCode).toBe(409);
    const ad = await chair.post(`/api/proposals/${id}/adopt`, { version: 2, opinion: '可行，采纳' });
    expect(ad.json()).toMatchObject({ status: 'adopted', opinion: '可行，采纳' });
    expect((await chair.post(`/api/proposals/${id}/implement`, { version: 3, valueFen: -1, rewardFen: 0, implementedOn: today })).statusCode).toBe(400);
    const stale = await chair.post(`/api/proposals/${id}/implement`, { version: 2, valueFen: 1, rewardFen: 0, implementedOn: today });
    expect(stale.statusCode).toBe(409);
    const im = await chair.post(`/api/proposals/${id}/implement`, { version: 3, valueFen: 12_000_000, rewardFen: 300_000, implementedOn: today });
    expect(im.statusCode, im.body).toBe(200);
    expect(im.json()).toMatchObject({ status: 'implemented', valueFen: 12_000_000, rewardFen: 300_000, actions: [] });
    expect((await w.send('GET', '/api/portal/proposals')).json().find((p: { proposalNo: string }) => p.proposalNo === no)).toMatchObject({
      status: 'implemented',
      rewardFen: 300_000,
    });

    const fig = (await chair.get('/api/proposals/figures')).json();
    const [want] = await q<{ total: number; value: string; implemented: number }>(
      sql`SELECT count(*)::int AS total, sum(value_fen)::text AS value, count(*) FILTER (WHERE status = 'implemented')::int AS implemented FROM proposal WHERE org_id = ${o.g1.id}`,
    );
    expect(fig.byUnit).toEqual([expect.objectContaining({ id: o.g1.id, total: want!.total, implemented: want!.implemented, valueFen: Number(want!.value) })]);
    const audit = await q<{ action: string }>(sql`SELECT action FROM audit_log WHERE entity_id = ${id} ORDER BY seq`);
    expect(audit.map((a) => a.action)).toEqual(['proposal.submit', 'proposal.evaluate', 'proposal.adopt', 'proposal.implement']);
  });

  it('a rejection needs its reason; the portal shows the worker their training record', async () => {
    const p = await chair.post('/api/proposals', {
      orgId: o.g1.id,
      proposerName: '赵工',
      kind: 'suggestion',
      title: '食堂延时供餐',
      content: '夜班职工就餐不便。',
    });
    expect(p.statusCode, p.body).toBe(201);
    expect((await chair.post(`/api/proposals/${p.json().id}/reject`, { version: 1 })).statusCode).toBe(400);
    expect((await chair.post(`/api/proposals/${p.json().id}/reject`, { version: 1, opinion: '不属于生产经营范围' })).json().status).toBe('rejected');
    expect((await chair.post('/api/proposals', { orgId: o.g2.id, proposerName: '越权', kind: 'suggestion', title: 'x', content: 'y' })).statusCode).toBe(404);

    const w = await worker();
    expect((await w.send('GET', '/api/portal/training')).json()).toMatchObject({ linked: false, certificates: [] });
    await q(sql`UPDATE worker_account SET member_id = NULL WHERE member_id = ${member.id}`);
    await q(sql`UPDATE worker_account SET member_id = ${member.id} WHERE id = ${w.accountId}`);
    const mine = (await w.send('GET', '/api/portal/training')).json();
    expect(mine.linked).toBe(true);
    expect(mine.certificates.length).toBeGreaterThanOrEqual(6);
    expect(mine.certificates.map((c: { level: string }) => c.level)).toContain('senior_technician');
    expect(mine.courses.some((c: { title: string; status: string }) => c.title === '焊工技能提升培训班' && c.status === 'attended')).toBe(true);
    expect(mine.hours).toBeGreaterThanOrEqual(16);
    expect((await env.app.inject({ method: 'GET', url: '/api/portal/training' })).statusCode).toBe(401);
  });

  it('the demo holds proposals in every state, courses, certificates and pairs', async () => {
    const states = await q<{ status: string }>(sql`SELECT DISTINCT status FROM proposal WHERE is_demo ORDER BY status`);
    expect(states.map((s) => s.status)).toEqual(['adopted', 'evaluating', 'implemented', 'rejected', 'submitted']);
    const [n] = await q<{ c: number; e: number; s: number; p: number }>(
      sql`SELECT (SELECT count(*)::int FROM training_course) AS c, (SELECT count(*)::int FROM training_enrolment) AS e, (SELECT count(*)::int FROM skill_certificate WHERE is_demo) AS s, (SELECT count(*)::int FROM mentoring_pair WHERE is_demo) AS p`,
    );
    expect(n!.c).toBeGreaterThan(10);
    expect(n!.e).toBeGreaterThan(50);
    expect(n!.s).toBeGreaterThan(20);
    expect(n!.p).toBeGreaterThan(1);
  });
});
