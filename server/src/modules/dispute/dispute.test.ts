import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness.js';
import { addDays, todayInChina } from '../../../../common/src/dates.js';
import { computeDeadline } from '../../../../common/src/deadlines.js';
import { usccCheckChar } from '../../../../common/src/uscc.js';

/** Labour-dispute cases: intake by channel with its checks, the clocks, assignment, outcomes, transfer, the public intake and follow-up, scope. */
let env: TestEnv;
let admin: TestClient;
let district: TestClient;
let chair: TestClient;
let d01: string;
let d02: string;
const q = <T>(s: ReturnType<typeof sql>) => env.services.database.query<T>(s);
const today = todayInChina();
const first17 = '91439900MA0000001';
const USCC = first17 + usccCheckChar(first17);

const intake = (over: Record<string, unknown> = {}) => ({
  orgId: d01,
  channel: 'walk_in',
  type: 'wage_arrears',
  employerName: '江城测试建筑有限公司',
  employerUscc: USCC,
  amountClaimedFen: 1_200_000,
  facts: '被申请人拖欠申请人三个月工资。',
  outcomeSought: '支付拖欠工资一万二千元。',
  workerCount: 1,
  applicants: [{ name: '李四', mobile: '13812345678' }],
  knewOn: addDays(today, -30),
  ...over,
});

beforeAll(async () => {
  env = await createTestEnv({ disputes: 200 });
  admin = await env.login('admin');
  district = await env.login('district');
  chair = await env.login('grassroots');
  [{ id: d01 }, { id: d02 }] = (await q<{ id: string }>(sql`SELECT id FROM org WHERE code IN ('D01', 'D02') ORDER BY code`)) as [
    { id: string },
    { id: string },
  ];
}, 600_000);
afterAll(async () => {
  await env?.close();
});

describe('intake', () => {
  it('a walk-in case starts the 15-day mediation clock at receipt and flags the limitation', async () => {
    const res = await district.post('/api/disputes', intake());
    expect(res.statusCode, res.body).toBe(201);
    const d = (await district.get(`/api/disputes/${res.json().id}`)).json();
    expect(d).toMatchObject({ status: 'received', receivedOn: today, limitationState: 'within', collective: false, amountClaimedFen: 1_200_000 });
    expect(d.mediationDue).toBe(computeDeadline(today, { n: 15, unit: 'calendar_days' }).due);
    expect(d.applicants[0]).toMatchObject({ name: '李四', mobileMasked: '138****5678' });
    expect(res.body).not.toContain('13812345678');
  });

  it('a claim older than a year is flagged expired; a wage claim while employed is not time-barred', async () => {
    const old = await district.post('/api/disputes', intake({ type: 'termination', knewOn: addDays(today, -400) }));
    expect((await district.get(`/api/disputes/${old.json().id}`)).json().limitationState).toBe('expired');
    const ongoing = await district.post('/api/disputes', intake({ knewOn: addDays(today, -400), employmentOngoing: true }));
    expect((await district.get(`/api/disputes/${ongoing.json().id}`)).json().limitationState).toBe('not_running');
  });

  it('refuses a wrong credit code and a negative amount with a clear 400, writing nothing', async () => {
    const before = (await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM dispute_case`))[0]!.n;
    const bad = await district.post('/api/disputes', intake({ employerUscc: USCC.slice(0, 17) + (USCC.endsWith('0') ? '1' : '0') }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('统一社会信用代码');
    const neg = await district.post('/api/disputes', intake({ amountClaimedFen: -100 }));
    expect(neg.statusCode).toBe(400);
    expect(neg.json().message).toContain('金额不能为负');
    expect((await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM dispute_case`))[0]!.n).toBe(before);
  });

  it('10 workers make a collective case, which needs representatives (Art. 7); 9 do not', async () => {
    const nine = await district.post('/api/disputes', intake({ workerCount: 9 }));
    expect(nine.statusCode, nine.body).toBe(201);
    expect((await district.get(`/api/disputes/${nine.json().id}`)).json().collective).toBe(false);
    const noRep = await district.post('/api/disputes', intake({ workerCount: 10 }));
    expect(noRep.statusCode).toBe(400);
    expect(noRep.json().message).toContain('代表人');
    const ten = await district.post(
      '/api/disputes',
      intake({
        workerCount: 10,
        applicants: [
          { name: '王五', representative: true },
          { name: '赵六', representative: true },
        ],
      }),
    );
    expect(ten.statusCode, ten.body).toBe(201);
    expect((await district.get(`/api/disputes/${ten.json().id}`)).json()).toMatchObject({ collective: true, workerCount: 10 });
  });

  it('a court-delegated case needs the court’s case number and return date; the return date is a clock', async () => {
    const missing = await district.post('/api/disputes', intake({ channel: 'court_delegated' }));
    expect(missing.statusCode).toBe(400);
    const made = await district.post(
      '/api/disputes',
      intake({ channel: 'court_delegated', courtCaseNo: '（2026）江01民诉前调1号', courtReturnOn: addDays(today, 20) }),
    );
    expect(made.statusCode, made.body).toBe(201);
    expect((await district.get(`/api/disputes/${made.json().id}`)).json().clocks.courtReturn).toEqual({ due: addDays(today, 20), overdue: false });
  });
});

describe('the case workflow', () => {
  it('assign by type and workload → session → agreement (30 days to confirm) → closed', async () => {
    const made = (await district.post('/api/disputes', intake())).json();
    const assigned = await district.post(`/api/disputes/${made.id}/assign`, {});
    expect(assigned.statusCode, assigned.body).toBe(200);
    const d = (await district.get(`/api/disputes/${made.id}`)).json();
    expect(d.status).toBe('mediating');
    // The mediator taken is one of the nearest panel who takes wage arrears, with the fewest open cases there.
    const pool = await q<{ id: string; open: number }>(sql`
      SELECT m.id, (SELECT count(*)::int FROM dispute_case c WHERE c.mediator_id = m.id AND c.status IN ('received', 'mediating') AND c.id <> ${made.id}) AS open
      FROM mediator m WHERE m.org_id = ${d01} AND m.active AND (cardinality(m.specialties) = 0 OR 'wage_arrears' = ANY(m.specialties)) AND m.capacity > 0`);
    const least = Math.min(...pool.map((p) => p.open));
    expect(pool.find((p) => p.id === d.mediatorId)?.open).toBe(least);
    expect((await district.post(`/api/disputes/${made.id}/sessions`, { heldOn: today, notes: '双方到场，初步达成意向。' })).statusCode).toBe(201);
    const agreed = await district.post(`/api/disputes/${made.id}/agree`, { terms: '被申请人于十日内支付一万元。', amountFen: 1_000_000 });
    expect(agreed.statusCode, agreed.body).toBe(200);
    const a = (await district.get(`/api/disputes/${made.id}`)).json();
    expect(a).toMatchObject({ status: 'agreed', agreementAmountFen: 1_000_000, agreedOn: today, mediationDue: null });
    expect(a.confirmationDue).toBe(computeDeadline(today, { n: 30, unit: 'calendar_days' }).due);
    expect((await district.post(`/api/disputes/${made.id}/close`, {})).json().status).toBe('closed');
    const history = (await district.get(`/api/disputes/${made.id}/history`)).json().map((h: { action: string }) => h.action);
    expect(history).toEqual(['dispute.close', 'dispute.agree', 'dispute.session', 'dispute.assign', 'dispute.create']);
  });

  it('no agreement opens arbitration with the reason; a rejection says where to go', async () => {
    const a = (await district.post('/api/disputes', intake())).json();
    expect((await district.post(`/api/disputes/${a.id}/fail`, {})).statusCode).toBe(400);
    expect((await district.post(`/api/disputes/${a.id}/fail`, { reason: '被申请人拒不到场', advice: '可申请仲裁' })).json().status).toBe('failed');
    const b = (await district.post('/api/disputes', intake())).json();
    const rej = await district.post(`/api/disputes/${b.id}/reject`, { reason: '属于行政处罚事项', referTo: 'labour_inspection' });
    expect(rej.json().status).toBe('rejected');
    expect((await district.get(`/api/disputes/${b.id}`)).json()).toMatchObject({ rejectReason: '属于行政处罚事项', referTo: 'labour_inspection', actions: [] });
    // A step from the wrong state is a 409 naming the state.
    const again = await district.post(`/api/disputes/${b.id}/assign`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain('不予受理');
  });

  it('a transfer hands the case to another body with its history; the sender no longer sees it', async () => {
    const made = (await district.post('/api/disputes', intake())).json();
    const t = await district.post(`/api/disputes/${made.id}/transfer`, { toOrgId: d02, reason: '用人单位注册地在河西区' });
    expect(t.statusCode, t.body).toBe(200);
    expect((await district.get(`/api/disputes/${made.id}`)).statusCode).toBe(404);
    const seen = (await admin.get(`/api/disputes/${made.id}`)).json();
    expect(seen).toMatchObject({ orgId: d02, status: 'received', mediatorName: null });
    const history = (await admin.get(`/api/disputes/${made.id}/history`)).json().map((h: { action: string }) => h.action);
    expect(history).toContain('dispute.transfer');
    expect(history).toContain('dispute.create');
  });

  it('?overdue=true lists the open cases whose clock has passed', async () => {
    const late = (await district.post('/api/disputes', intake({ receivedOn: addDays(today, -25) }))).json();
    const list = (await district.get('/api/disputes?overdue=true&pageSize=200')).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((d: { overdue: boolean }) => d.overdue)).toBe(true);
    expect(list.items.map((d: { id: string }) => d.id)).toContain(late.id);
    const dashRes = await district.get('/api/disputes/dashboard');
    expect(dashRes.statusCode, dashRes.body).toBe(200);
    const dash = dashRes.json();
    expect(dash.overdue).toBe(
      (
        await q<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM dispute_case WHERE status IN ('received', 'mediating') AND (mediation_due < ${today} OR court_return_on < ${today})
        AND org_id IN (SELECT id FROM org WHERE path LIKE (SELECT path || '%' FROM org WHERE id = ${d01}))`)
      )[0]!.n,
    );
  });
});

describe('privacy and scope', () => {
  it('a read by someone outside the handling body is audited; the handling body’s own is not', async () => {
    const made = (await district.post('/api/disputes', intake())).json();
    const reads = async () =>
      (await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'dispute.read' AND entity_id = ${made.id}`))[0]!.n;
    await district.get(`/api/disputes/${made.id}`);
    expect(await reads()).toBe(0);
    await admin.get(`/api/disputes/${made.id}`);
    expect(await reads()).toBe(1);
  });

  it('a grassroots chair sees only the cases their own union handles', async () => {
    const list = (await chair.get('/api/disputes?pageSize=200')).json();
    const [own] = await q<{ org_id: string }>(sql`SELECT u.org_id FROM app_user u WHERE u.username = 'grassroots'`);
    expect(list.items.every((d: { orgId: string }) => d.orgId === own!.org_id)).toBe(true);
    const other = (await district.post('/api/disputes', intake())).json();
    expect((await chair.get(`/api/disputes/${other.id}`)).statusCode).toBe(404);
  });
});

describe('the worker’s online intake and follow-up (public)', () => {
  it('a worker applies, then follows the case with its number and their mobile only', async () => {
    const anon = env.anonymous();
    const centres = (await anon.get('/api/disputes/centres')).json();
    expect(centres.map((c: { id: string }) => c.id)).toContain(d01);
    const body = {
      ...intake(),
      channel: undefined,
      applicants: [{ name: '外卖骑手甲', mobile: '13700001111' }],
      type: 'labour_relation',
      platformName: '某外卖平台',
      consent: { version: '2026-01', accepted: true },
    };
    delete (body as Record<string, unknown>).channel;
    const res = await anon.post('/api/disputes/apply', body);
    expect(res.statusCode, res.body).toBe(201);
    const { caseNo } = res.json();
    const followed = await anon.get(`/api/disputes/follow?caseNo=${caseNo}&mobile=137-0000-1111`);
    expect(followed.statusCode, followed.body).toBe(200);
    expect(followed.json()).toMatchObject({ caseNo, status: 'received', type: 'labour_relation' });
    // Another worker's mobile, or another case's number with this mobile: the same 404.
    expect((await anon.get(`/api/disputes/follow?caseNo=${caseNo}&mobile=13700002222`)).statusCode).toBe(404);
    const [other] = await q<{ case_no: string }>(sql`SELECT case_no FROM dispute_case WHERE case_no <> ${caseNo} LIMIT 1`);
    expect((await anon.get(`/api/disputes/follow?caseNo=${other!.case_no}&mobile=13700001111`)).statusCode).toBe(404);
    const [row] = await q<{ channel: string }>(sql`SELECT channel FROM dispute_case WHERE case_no = ${caseNo}`);
    expect(row!.channel).toBe('online');
  });

  it('an online application needs a mobile (to follow it) and the consent', async () => {
    const anon = env.anonymous();
    const body = { ...intake(), applicants: [{ name: '某职工' }], consent: { version: '2026-01', accepted: true } };
    delete (body as Record<string, unknown>).channel;
    expect((await anon.post('/api/disputes/apply', body)).statusCode).toBe(400);
  });
});
