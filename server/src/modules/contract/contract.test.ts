import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { CONTRACT_EMPLOYER_KINDS } from '../../../../common/src/contract-vocab.js';
import { todayInChina } from '../../../../common/src/dates.js';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness.js';

/**
 * Collective bargaining as a district federation runs it (docs/contracts.md): request → answer →
 * negotiators → rounds → draft → the congress vote (refused when it fails either test) → signing →
 * filing → effect after the review → published; the statutory clocks in calendar days; coverage
 * against direct counts; bad input.
 */

let env: TestEnv;
let district: TestClient;
let chair: TestClient;
let rows: <T>(q: SQL) => Promise<T[]>;
type Org = { id: string; path: string; name: string; employee_count: number };
let d01: Org;
let employer: Org;
const count = async (q: SQL) => (await rows<{ n: number }>(q))[0]!.n;
const kinds = sql.join(
  CONTRACT_EMPLOYER_KINDS.map((k) => sql`${k}`),
  sql`, `,
);

/** Employers of a subtree with no contract in force (a fresh one for each bargaining of the tests). */
async function uncovered(path: string, minWorkers = 100): Promise<Org> {
  const [o] = await rows<Org>(sql`
    SELECT g.id, g.path, g.name, g.employee_count FROM org g
    WHERE g.path LIKE ${path + '%'} AND g.level = 'grassroots' AND g.active AND g.kind IN (${kinds}) AND g.employee_count BETWEEN ${minWorkers} AND 999
      AND NOT EXISTS (SELECT 1 FROM bargaining_party p WHERE p.org_id = g.id)
    ORDER BY g.code LIMIT 1`);
  return o!;
}

const seats = (prefix: string, n = 3) => [
  ...Array.from({ length: n }, (_, i) => ({ side: 'union', name: `${prefix}工${i + 1}`, chief: i === 0, chosenBy: '职工代表大会推选' })),
  ...Array.from({ length: n }, (_, i) => ({ side: 'employer', name: `${prefix}企${i + 1}`, chief: i === 0 })),
];

async function request(client: TestClient, o: Org, requestOn: string, extra: Record<string, unknown> = {}) {
  const res = await client.post('/api/contracts', {
    orgId: o.id,
    scope: 'single',
    kind: 'general',
    title: `${o.name}集体合同`,
    initiatedBy: 'union',
    requestOn,
    partyOrgIds: [o.id],
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

beforeAll(async () => {
  env = await createTestEnv();
  rows = <T>(q: SQL) => env.services.database.query<T>(q);
  district = await env.login('district');
  chair = await env.login('grassroots');
  [d01] = await rows<Org>(sql`SELECT id, path, name, 0 AS employee_count FROM org WHERE code = 'D01'`);
  employer = await uncovered(d01!.path);
});
afterAll(async () => {
  await env?.close();
});

describe('bargaining to a contract in force', () => {
  it('runs request → answer → rounds → vote → signing → filing → in force, with the clocks in calendar days, and the coverage moves', async () => {
    const before = (await district.get('/api/contracts/coverage')).json();

    // 2026-03-02 (Mon) + 20 calendar days = Sun 03-22 → the next working day, Mon 03-23 (集体合同规定 Art. 32).
    let k = await request(district, employer, '2026-03-02');
    expect(k).toMatchObject({
      status: 'requested',
      answerDue: '2026-03-23',
      clock: { field: 'answerDue', due: '2026-03-23', unit: 'calendar_days', overdue: true },
    });
    expect(k.actions).toEqual(['answer']);

    k = (await district.post(`/api/contracts/${k.id}/answer`, { answeredOn: '2026-03-10', answer: '同意协商', agreed: true, version: k.version })).json();
    expect(k).toMatchObject({ status: 'negotiating', answeredOn: '2026-03-10', answerDue: null, clock: null });

    // Unequal sides and two chiefs are refused with the numbers.
    const bad = await district.put(`/api/contracts/${k.id}/negotiators`, {
      negotiators: [...seats('甲', 3), { side: 'union', name: '多一人', chief: true }],
      version: k.version,
    });
    expect(bad.statusCode).toBe(409);
    expect(bad.json().message).toContain('双方协商代表人数应当对等：职工方4人，企业方3人');
    expect(bad.json().message).toContain('职工方应有且只有一名首席协商代表，现有2名');
    k = (await district.put(`/api/contracts/${k.id}/negotiators`, { negotiators: seats('甲'), version: k.version })).json();
    expect(k.negotiatorProblems).toEqual([]);

    // No draft before a round.
    const early = await district.post(`/api/contracts/${k.id}/draft`, {
      clauses: [{ category: 'wages', title: '年度工资调整', text: '增长不低于5%' }],
      termYears: 3,
      version: k.version,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('请先登记至少一次协商会议');
    k = (await district.post(`/api/contracts/${k.id}/rounds`, { heldOn: '2026-03-20', minutes: '第一次协商', agreed: '工时条款', open: '工资增幅' })).json();
    expect(k.rounds).toMatchObject([{ no: 1, heldOn: '2026-03-20' }]);
    const longTerm = await district.post(`/api/contracts/${k.id}/draft`, {
      clauses: [{ category: 'wages', title: '年度工资调整', text: '增长不低于5%' }],
      termYears: 4,
      version: k.version,
    });
    expect(longTerm.statusCode).toBe(400);
    expect(longTerm.json().message).toBe('集体合同期限应为1至3年，现为4年');
    k = (
      await district.post(`/api/contracts/${k.id}/draft`, {
        clauses: [
          { category: 'wages', title: '年度工资调整', text: '增长不低于5%' },
          { category: 'women', title: '女职工特殊保护', text: '每年体检' },
        ],
        termYears: 3,
        version: k.version,
      })
    ).json();
    expect(k).toMatchObject({ status: 'draft', termYears: 3, votingBody: { form: 'congress', minDelegates: 30 } });

    // The vote: 30 delegates, two thirds (20) present, more than half of all (16) for it.
    const vote = (v: Record<string, number>) =>
      district.post(`/api/contracts/${k.id}/vote`, { body: 'congress', heldOn: '2026-04-10', delegates: 30, against: 0, abstain: 0, version: k.version, ...v });
    const oneFewer = await vote({ present: 19, for: 19 });
    expect(oneFewer.statusCode).toBe(409);
    expect(oneFewer.json()).toMatchObject({ code: 'VOTE_FAILED' });
    expect(oneFewer.json().message).toContain('到会代表应不少于全体代表的三分之二（20人），实到19人，差1人');
    const ofPresentOnly = await vote({ present: 21, for: 15, against: 6 });
    expect(ofPresentOnly.statusCode).toBe(409);
    expect(ofPresentOnly.json().message).toContain('赞成票应超过全体代表的半数（16票），现有15票，差1票');
    expect((await vote({ present: 20, for: 16, against: 4, body: 'assembly' } as never)).statusCode).toBe(400);
    expect((await district.get(`/api/contracts/${k.id}`)).json()).toMatchObject({ status: 'draft', vote: null });
    k = (await vote({ present: 20, for: 16, against: 3, abstain: 1 })).json();
    expect(k).toMatchObject({ status: 'adopted', vote: { delegates: 30, present: 20, for: 16 } });

    // Both chiefs sign; filing is due 10 calendar days later (Art. 42): 04-20 + 10 = Thu 04-30.
    const wrongChief = await district.post(`/api/contracts/${k.id}/sign`, {
      signedOn: '2026-04-20',
      unionChief: '甲工2',
      employerChief: '甲企1',
      version: k.version,
    });
    expect(wrongChief.statusCode).toBe(400);
    expect(wrongChief.json().message).toBe('职工方首席协商代表为“甲工1”，应由其签字');
    k = (
      await district.post(`/api/contracts/${k.id}/sign`, { signedOn: '2026-04-20', unionChief: '甲工1', employerChief: '甲企1', version: k.version })
    ).json();
    expect(k).toMatchObject({ status: 'signed', filingDue: '2026-04-30', clock: { field: 'filingDue', due: '2026-04-30' } });

    // Filed 04-27: the review runs 15 calendar days (Art. 47), to Tue 05-12; in force the day after.
    k = (await district.post(`/api/contracts/${k.id}/file`, { filedOn: '2026-04-27', authority: '滨江区人力资源和社会保障局', version: k.version })).json();
    expect(k).toMatchObject({ status: 'filed', filingDue: null, reviewDue: '2026-05-12', filedWith: '滨江区人力资源和社会保障局' });
    expect(k.actions).toEqual(['object', 'takeEffect']);
    k = (await district.post(`/api/contracts/${k.id}/take-effect`, { version: k.version })).json();
    expect(k).toMatchObject({ status: 'effective', effectiveOn: '2026-05-13', expiresOn: '2029-05-12', reviewDue: null });

    const early2 = await district.post(`/api/contracts/${k.id}/publish`, { publishedOn: '2026-05-01', publishedVia: '厂务公开栏', version: k.version });
    expect(early2.statusCode).toBe(400);
    k = (await district.post(`/api/contracts/${k.id}/publish`, { publishedOn: '2026-05-15', publishedVia: '厂务公开栏', version: k.version })).json();
    expect(k).toMatchObject({ publishedOn: '2026-05-15', publishedVia: '厂务公开栏', can: { publish: true, renew: false } });

    const after = (await district.get('/api/contracts/coverage')).json();
    expect(after.total.covered).toBe(before.total.covered + 1);
    expect(after.total.workersCovered).toBe(before.total.workersCovered + employer.employee_count);

    const history = (await district.get(`/api/contracts/${k.id}/history`)).json().map((e: { action: string }) => e.action);
    expect(history).toEqual([
      'contract.publish',
      'contract.effective',
      'contract.file',
      'contract.sign',
      'contract.vote',
      'contract.draft',
      'contract.round',
      'contract.negotiators',
      'contract.answer',
      'contract.request',
    ]);
  });

  it('does not take effect while the review runs; an objection sends it back to bargaining with the points raised', async () => {
    const o = await uncovered(d01.path, 100);
    const today = todayInChina();
    let k = await request(district, o, '2026-01-05', { negotiators: seats('乙') });
    k = (await district.post(`/api/contracts/${k.id}/answer`, { answeredOn: '2026-01-10', answer: '同意', agreed: true, version: k.version })).json();
    k = (await district.post(`/api/contracts/${k.id}/rounds`, { heldOn: '2026-01-20', minutes: '协商' })).json();
    k = (
      await district.post(`/api/contracts/${k.id}/draft`, {
        clauses: [{ category: 'hours', title: '工时', text: '每日八小时' }],
        termYears: 2,
        version: k.version,
      })
    ).json();
    k = (
      await district.post(`/api/contracts/${k.id}/vote`, {
        body: 'congress',
        heldOn: '2026-02-01',
        delegates: 30,
        present: 30,
        for: 30,
        against: 0,
        abstain: 0,
        version: k.version,
      })
    ).json();
    k = (
      await district.post(`/api/contracts/${k.id}/sign`, { signedOn: '2026-02-02', unionChief: '乙工1', employerChief: '乙企1', version: k.version })
    ).json();
    k = (await district.post(`/api/contracts/${k.id}/file`, { filedOn: today, authority: '人社局', version: k.version })).json();
    expect(k.actions).toEqual(['object']);
    const running = await district.post(`/api/contracts/${k.id}/take-effect`, { version: k.version });
    expect(running.statusCode).toBe(409);
    expect(running.json().code).toBe('REVIEW_RUNNING');
    k = (await district.post(`/api/contracts/${k.id}/object`, { objection: '工资条款低于最低工资标准', version: k.version })).json();
    expect(k).toMatchObject({ status: 'objected', objection: '工资条款低于最低工资标准', reviewDue: null });
    expect(k.actions).toEqual(['draft']);
  });

  it('a refused request ends the bargaining; a request with no answer past 20 days is overdue in the list', async () => {
    const o = await uncovered(d01.path, 100);
    const k = await request(district, o, '2026-02-02');
    const overdue = (await district.get(`/api/contracts?overdue=true&q=${encodeURIComponent(o.name)}`)).json();
    expect(overdue.items.map((x: { id: string }) => x.id)).toContain(k.id);
    const r = (await district.post(`/api/contracts/${k.id}/answer`, { answeredOn: '2026-02-20', answer: '不同意', agreed: false, version: k.version })).json();
    expect(r).toMatchObject({ status: 'refused', actions: [] });
    expect((await district.get(`/api/contracts?overdue=true&q=${encodeURIComponent(o.name)}`)).json().items.map((x: { id: string }) => x.id)).not.toContain(
      k.id,
    );
  });
});

describe('coverage (建制率)', () => {
  it('equals direct counts for the district, regional and sector contracts included', async () => {
    const today = todayInChina();
    const regional = await count(
      sql`SELECT count(*)::int AS n FROM bargaining b JOIN org o ON o.id = b.org_id WHERE o.path LIKE ${d01.path + '%'} AND b.scope = 'regional' AND b.status = 'effective' AND b.expires_on >= ${today}`,
    );
    expect(regional, 'the demo has regional contracts in force in the district').toBeGreaterThan(0);
    const [direct] = await rows<{ employers: number; covered: number; workers: number; workers_covered: number }>(sql`
      WITH g AS (SELECT id, coalesce(employee_count, 0) AS n FROM org WHERE path LIKE ${d01.path + '%'} AND level = 'grassroots' AND active AND kind IN (${kinds})),
           cov AS (SELECT DISTINCT p.org_id FROM bargaining_party p JOIN bargaining b ON b.id = p.bargaining_id WHERE b.status = 'effective' AND b.expires_on >= ${today})
      SELECT count(*)::int AS employers, count(cov.org_id)::int AS covered, sum(g.n)::int AS workers, coalesce(sum(g.n) FILTER (WHERE cov.org_id IS NOT NULL), 0)::int AS workers_covered
      FROM g LEFT JOIN cov ON cov.org_id = g.id`);
    const res = (await district.get('/api/contracts/coverage')).json();
    expect(res.total).toMatchObject({
      orgId: d01.id,
      employers: direct!.employers,
      covered: direct!.covered,
      workers: direct!.workers,
      workersCovered: direct!.workers_covered,
    });
    expect(res.total.rate).toBe(Math.round((direct!.covered / direct!.employers) * 1000) / 10);
    expect(res.total.rate).toBeGreaterThan(45);
    expect(res.total.rate).toBeLessThan(75);
    // The children add up to the district (every employer lies under one street).
    expect(res.children.reduce((s: number, c: { covered: number }) => s + c.covered, 0)).toBe(direct!.covered);
    const street = res.children[0];
    const drill = (await district.get(`/api/contracts/coverage?under=${street.orgId}`)).json();
    expect(drill.total).toMatchObject({ orgId: street.orgId, covered: street.covered, employers: street.employers });
    const figures = (await district.get('/api/dashboard/contracts')).json();
    expect(figures.coverage.total.covered).toBe(direct!.covered);
    expect(figures.expiringIn90).toBe(
      await count(
        sql`SELECT count(*)::int AS n FROM bargaining b JOIN org o ON o.id = b.org_id WHERE o.path LIKE ${d01.path + '%'} AND b.status = 'effective' AND b.expires_on BETWEEN ${today} AND ${today}::date + 90`,
      ),
    );
  });
});

describe('scope and bad input', () => {
  it('refuses a request for an employer of the sibling district, and drills nowhere outside the scope', async () => {
    const [d02] = await rows<Org>(sql`SELECT id, path, name, 0 AS employee_count FROM org WHERE code = 'D02'`);
    const other = await uncovered(d02!.path);
    const res = await district.post('/api/contracts', {
      orgId: other.id,
      scope: 'single',
      kind: 'general',
      title: '越权要约',
      initiatedBy: 'union',
      requestOn: '2026-03-02',
      partyOrgIds: [other.id],
    });
    expect(res.statusCode).toBe(404);
    expect((await district.get(`/api/contracts/coverage?under=${d02!.id}`)).statusCode).toBe(404);
    // A chair sees their own union only, and cannot cover a neighbour from their own request.
    const [neighbour] = await rows<{ id: string }>(
      sql`SELECT g.id FROM org g JOIN app_user u ON u.username = 'grassroots' WHERE g.parent_id = (SELECT parent_id FROM org WHERE id = u.org_id) AND g.id <> u.org_id ORDER BY g.code LIMIT 1`,
    );
    const chairRes = await chair.post('/api/contracts', {
      orgId: neighbour!.id,
      scope: 'single',
      kind: 'general',
      title: '越权要约',
      initiatedBy: 'union',
      requestOn: '2026-03-02',
      partyOrgIds: [neighbour!.id],
    });
    expect(chairRes.statusCode).toBe(404);
  });

  it('answers bad input with a clear 400 in zh and en, and writes nothing', async () => {
    const before = await count(sql`SELECT count(*)::int AS n FROM bargaining`);
    const cases: [Record<string, unknown>, string][] = [
      [
        { orgId: employer.id, scope: 'single', kind: 'general', title: '', initiatedBy: 'union', requestOn: '2026-03-02', partyOrgIds: [employer.id] },
        '请填写协商事项名称',
      ],
      [
        { orgId: employer.id, scope: 'single', kind: 'nonsense', title: 'x', initiatedBy: 'union', requestOn: '2026-03-02', partyOrgIds: [employer.id] },
        '合同类型不正确',
      ],
      [{ orgId: employer.id, scope: 'single', kind: 'general', title: 'x', initiatedBy: 'union', requestOn: '0000-03-02', partyOrgIds: [employer.id] }, ''],
      [
        { orgId: employer.id, scope: 'single', kind: 'general', title: 'x', initiatedBy: 'union', requestOn: '2099-03-02', partyOrgIds: [employer.id] },
        '要约日期不能晚于今天',
      ],
      [
        { orgId: employer.id, scope: 'single', kind: 'general', title: 'x', initiatedBy: 'union', requestOn: '2026-03-02', partyOrgIds: [] },
        '请选择覆盖的单位',
      ],
    ];
    for (const [body, zh] of cases) {
      const res = await district.post('/api/contracts', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().message).toContain(zh);
      expect(res.json().messageEn).toBeTruthy();
    }
    const k = (await district.get('/api/contracts?pageSize=1')).json().items[0];
    const votes = await district.post(`/api/contracts/${k.id}/vote`, {
      body: 'congress',
      heldOn: '2026-04-10',
      delegates: 30,
      present: 31,
      for: 40,
      against: 0,
      abstain: 0,
      version: k.version,
    });
    expect(votes.statusCode).toBe(400);
    expect(votes.body).toContain('到会人数不能超过代表总数');
    expect(await count(sql`SELECT count(*)::int AS n FROM bargaining`)).toBe(before);
  });
});

describe("workers' congress, proposals and open management", () => {
  it('refuses delegates short of the quota or the make-up, with the numbers; an assembly below 100 workers', async () => {
    const [o] = await rows<Org>(
      sql`SELECT g.id, g.path, g.name, g.employee_count FROM org g WHERE g.path LIKE ${d01.path + '%'} AND g.level = 'grassroots' AND g.kind IN (${kinds}) AND NOT EXISTS (SELECT 1 FROM congress k WHERE k.org_id = g.id) ORDER BY g.code LIMIT 1`,
    );
    const body = {
      orgId: o!.id,
      workforce: 500,
      womenInWorkforce: 200,
      termYears: 5,
      termStart: '2025-01-01',
      delegates: 28,
      frontLine: 13,
      managers: 5,
      women: 10,
    };
    const short = await district.post('/api/congresses', body);
    expect(short.statusCode).toBe(400);
    expect(short.json().message).toBe(
      '代表构成不符合规定：职工500人应选代表不少于30人，现有28人，差2人；一线职工代表应不少于50%（14人），现有13人，差1人；女职工代表应与女职工比例相适应（11人），现有10人，差1人',
    );
    expect((await district.post('/api/congresses', { ...body, termYears: 4, delegates: 40, frontLine: 20, managers: 8, women: 16 })).json().message).toBe(
      '每届任期应为3或5年',
    );
    const ok = await district.post('/api/congresses', { ...body, delegates: 40, frontLine: 20, managers: 8, women: 16 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ form: 'congress', minDelegates: 30, delegates: 40, problems: [], termEnd: '2029-12-31', heldThisYear: false });
    const k = ok.json();

    // A session needs two thirds present (27 of 40); each item passes with more than half of all delegates (21).
    const few = await district.post(`/api/congresses/${k.id}/sessions`, {
      heldOn: '2026-03-01',
      present: 26,
      items: [{ kind: 'wage_plan', title: '工资调整方案', for: 26, against: 0, abstain: 0 }],
    });
    expect(few.statusCode).toBe(409);
    expect(few.json().message).toBe('到会代表应不少于全体代表的三分之二（27人），实到26人，差1人，会议不能举行表决');
    const held = await district.post(`/api/congresses/${k.id}/sessions`, {
      heldOn: todayInChina(),
      present: 30,
      items: [
        { kind: 'wage_plan', title: '工资调整方案', for: 21, against: 9, abstain: 0 },
        { kind: 'welfare', title: '福利方案', for: 20, against: 5, abstain: 5 },
      ],
      resolutions: '通过工资调整方案',
    });
    expect(held.statusCode, held.body).toBe(201);
    expect(held.json()).toMatchObject({ heldThisYear: true, sessions: [{ present: 30, items: [{ passed: true }, { passed: false }] }] });

    const small = await district.post('/api/congresses', {
      ...body,
      orgId: employer.id,
      workforce: 99,
      womenInWorkforce: 40,
      delegates: 0,
      frontLine: 0,
      managers: 0,
      women: 0,
    });
    expect(small.json()).toMatchObject({ form: 'assembly', delegates: 99, minDelegates: null });

    // A proposal followed to its close; a step out of turn is refused.
    const p = await district.post(`/api/congresses/${k.id}/proposals`, {
      title: '增设职工停车位',
      delegate: '李强',
      content: '建议增设停车位',
      registeredOn: '2026-03-01',
    });
    expect(p.statusCode, p.body).toBe(201);
    expect(p.json()).toMatchObject({ no: '2026-001', status: 'registered' });
    let pr = p.json();
    expect((await district.post(`/api/congress-proposals/${pr.id}/act`, { action: 'close', version: pr.version })).statusCode).toBe(409);
    pr = (
      await district.post(`/api/congress-proposals/${pr.id}/act`, { action: 'assign', department: '行政部', answerDue: '2026-04-01', version: pr.version })
    ).json();
    expect(pr).toMatchObject({ status: 'assigned', department: '行政部', overdue: true });
    expect(
      (await district.get(`/api/congress-proposals?overdue=true&q=${encodeURIComponent('增设职工停车位')}`)).json().items.map((x: { id: string }) => x.id),
    ).toContain(pr.id);
    pr = (
      await district.post(`/api/congress-proposals/${pr.id}/act`, { action: 'answer', answer: '已增设20个车位', answeredOn: '2026-03-20', version: pr.version })
    ).json();
    pr = (await district.post(`/api/congress-proposals/${pr.id}/act`, { action: 'close', version: pr.version })).json();
    expect(pr).toMatchObject({ status: 'closed', overdue: false, answer: '已增设20个车位' });
  });

  it('lists the employers with no disclosure this year until one is recorded', async () => {
    const missing = (await district.get(`/api/disclosures/missing?pageSize=5`)).json();
    expect(missing.total).toBeGreaterThan(0);
    const target = missing.items[0];
    const year = todayInChina().slice(0, 4);
    expect(missing.total).toBe(
      Math.min(
        1000,
        await count(sql`
      SELECT count(*)::int AS n FROM org g WHERE g.path LIKE ${d01.path + '%'} AND g.level = 'grassroots' AND g.active AND g.kind IN (${kinds})
        AND NOT EXISTS (SELECT 1 FROM disclosure d WHERE d.org_id = g.id AND d.disclosed_on >= ${year + '-01-01'})`),
      ),
    );
    const added = await district.post('/api/disclosures', {
      orgId: target.orgId,
      disclosedOn: todayInChina(),
      channel: 'board',
      subject: '年度经营状况',
      content: '公开年度经营状况',
    });
    expect(added.statusCode, added.body).toBe(201);
    const after = (await district.get(`/api/disclosures/missing?pageSize=5`)).json();
    expect(after.total).toBe(missing.total - 1);
    expect(after.items.map((x: { orgId: string }) => x.orgId)).not.toContain(target.orgId);
  });
});
