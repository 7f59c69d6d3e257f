import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { CONTRACT_EMPLOYER_KINDS } from '../../../../common/src/contract-vocab.js';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness.js';

/**
 * The delegates of a workers' congress and its elections (docs/contracts.md, 企业民主管理规定 and the
 * local 职工代表大会条例): the roster with each delegate's category and gender, the composition
 * check with the numbers, the quota at the workforce edges, the election record per term; and the
 * vote of a regional or sector draft under the same two tests as a single employer's.
 */

let env: TestEnv;
let district: TestClient;
let rows: <T>(q: SQL) => Promise<T[]>;
type Org = { id: string; path: string; name: string };
let d01: Org;
const kinds = sql.join(
  CONTRACT_EMPLOYER_KINDS.map((k) => sql`${k}`),
  sql`, `,
);

/** A roster of `n` delegates: `front` front-line, `managers` managers, the rest technical; `women` of them women. */
const roster = (n: number, front: number, managers: number, women: number) =>
  Array.from({ length: n }, (_, i) => ({
    name: `代表${i + 1}`,
    category: i < front ? 'front_line' : i < front + managers ? 'manager' : 'technical',
    gender: i >= n - women ? 'female' : 'male',
    department: '生产部',
  }));

/** Employers of D01 with no congress yet, one per call. */
const used = new Set<string>();
async function freshEmployer(withMembers = false): Promise<Org> {
  const found = await rows<Org>(
    sql`SELECT g.id, g.path, g.name FROM org g WHERE g.path LIKE ${d01.path + '%'} AND g.level = 'grassroots' AND g.active AND g.kind IN (${kinds})
        AND NOT EXISTS (SELECT 1 FROM congress k WHERE k.org_id = g.id)
        ${withMembers ? sql`AND EXISTS (SELECT 1 FROM member m WHERE m.org_id = g.id AND m.status = 'active')` : sql``} ORDER BY g.code LIMIT 40`,
  );
  const o = found.find((x) => !used.has(x.id))!;
  used.add(o.id);
  return o;
}

/** Register a congress for a workforce (counts that pass), and return it. */
async function congressFor(workforce: number, womenInWorkforce = Math.floor(workforce / 5), withMembers = false) {
  const o = await freshEmployer(withMembers);
  const delegates = workforce < 100 ? 0 : workforce >= 10_000 ? 150 : workforce >= 1000 ? 100 : 30;
  const res = await district.post('/api/congresses', {
    orgId: o.id,
    workforce,
    womenInWorkforce,
    termYears: 3,
    termStart: '2024-01-01',
    delegates,
    frontLine: Math.ceil(delegates / 2),
    managers: Math.floor(delegates / 5),
    women: delegates,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; version: number; orgId: string; form: string };
}

const election = (k: { version: number }, delegates: unknown[], extra: Record<string, unknown> = {}) => ({
  termYears: 5,
  termStart: '2026-02-01',
  electedOn: '2026-01-20',
  method: 'direct',
  electorate: 480,
  voted: 452,
  delegates,
  version: k.version,
  ...extra,
});

beforeAll(async () => {
  env = await createTestEnv();
  rows = <T>(q: SQL) => env.services.database.query<T>(q);
  district = await env.login('district');
  [d01] = await rows<Org>(sql`SELECT id, path, name FROM org WHERE code = 'D01'`);
});
afterAll(async () => {
  await env?.close();
});

describe('an election and its roster', () => {
  it('refuses a roster that fails the make-up, with the numbers, and records nothing', async () => {
    const k = await congressFor(500, 200);
    // 30 delegates from 500 workers, 40% women: at least 15 front-line, at most 6 managers, at least 12 women.
    const bad = await district.post(`/api/congresses/${k.id}/elections`, election(k, roster(30, 14, 7, 11)));
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'COMPOSITION_FAILED',
      message:
        '代表构成不符合规定：一线职工代表应不少于50%（15人），现有14人，差1人；中层以上管理人员代表应不超过20%（6人），现有7人，多1人；女职工代表应与女职工比例相适应（12人），现有11人，差1人',
    });
    expect(bad.json().messageEn).toContain('Front-line delegates must be at least 50% (15); 14');
    expect(bad.json().details.problems.map((p: { code: string; needed: number; have: number }) => [p.code, p.needed, p.have])).toEqual([
      ['front_line', 15, 14],
      ['managers', 6, 7],
      ['women', 12, 11],
    ]);
    const [n] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM congress_term WHERE congress_id = ${k.id}`);
    expect(n!.n).toBe(0);
    const r = (await district.get(`/api/congresses/${k.id}/roster`)).json();
    expect(r).toMatchObject({ current: null, terms: [], delegates: [], problems: [], minDelegates: 30 });
  });

  it('records the term with its election record and roster; the congress carries the counts; the next election is the next term', async () => {
    const k = await congressFor(500, 200);
    const ok = await district.post(`/api/congresses/${k.id}/elections`, election(k, roster(32, 16, 6, 13), { notes: '以车间为选区' }));
    expect(ok.statusCode, ok.body).toBe(201);
    const r = ok.json();
    expect(r.current).toMatchObject({
      no: 1,
      termYears: 5,
      termStart: '2026-02-01',
      termEnd: '2031-01-31',
      electorate: 480,
      voted: 452,
      delegates: 32,
      frontLine: 16,
      managers: 6,
      technical: 10,
      women: 13,
      current: true,
    });
    expect(r.delegates).toHaveLength(32);
    expect(r.problems).toEqual([]);
    const detail = (await district.get(`/api/congresses/${k.id}`)).json();
    expect(detail).toMatchObject({ delegates: 32, frontLine: 16, managers: 6, women: 13, termYears: 5, termStart: '2026-02-01', problems: [] });
    const history = (await district.get(`/api/congresses/${k.id}/history`)).json();
    expect(history.map((h: { action: string }) => h.action)).toContain('congress.election');

    // A second election before the last one is refused; a later one is the second term, and the roster is the new one.
    const early = await district.post(
      `/api/congresses/${k.id}/elections`,
      election({ version: r.version }, roster(30, 15, 6, 12), { electedOn: '2026-01-10', termStart: '2026-01-15' }),
    );
    expect(early.statusCode).toBe(400);
    expect(early.json().message).toBe('换届选举应晚于上一届的选举（2026-01-20）');
    const next = await district.post(
      `/api/congresses/${k.id}/elections`,
      election({ version: r.version }, roster(30, 15, 6, 12), { electedOn: '2026-03-01', termStart: '2026-03-01', termYears: 3 }),
    );
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json().terms.map((t: { no: number; current: boolean }) => [t.no, t.current])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(next.json().delegates).toHaveLength(30);
    // A stale version is refused.
    expect(
      (
        await district.post(
          `/api/congresses/${k.id}/elections`,
          election({ version: r.version }, roster(30, 15, 6, 12), { electedOn: '2026-03-02', termStart: '2026-03-02' }),
        )
      ).statusCode,
    ).toBe(409);
  });

  it('links a delegate to a member of the union only, and shows the card number, never the ID number', async () => {
    const k = await congressFor(500, 100, true);
    const [mine] = await rows<{ id: string; card_no: string }>(sql`SELECT id, card_no FROM member WHERE org_id = ${k.orgId} AND status = 'active' LIMIT 1`);
    const [other] = await rows<{ id: string }>(sql`SELECT id FROM member WHERE org_id <> ${k.orgId} LIMIT 1`);
    const people = roster(30, 15, 6, 6);
    const bad = await district.post(
      `/api/congresses/${k.id}/elections`,
      election(
        k,
        people.map((p, i) => (i === 3 ? { ...p, memberId: other!.id } : p)),
      ),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ message: '第4位代表不是本单位工会会员', messageEn: 'Delegate 4 is not a member of this union' });
    expect(mine, 'a member of the union to link').toBeTruthy();
    const ok = await district.post(
      `/api/congresses/${k.id}/elections`,
      election(
        k,
        people.map((p, i) => (i === 0 ? { ...p, memberId: mine.id } : p)),
      ),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    const linked = ok.json().delegates.find((d: { memberId: string | null }) => d.memberId === mine!.id);
    expect(linked).toMatchObject({ memberCardNo: mine!.card_no });
    expect(JSON.stringify(ok.json())).not.toMatch(/idCipher|idMasked|id_cipher/);
  });

  it('answers bad input with a clear 400 in zh and en', async () => {
    const k = await congressFor(500, 100);
    const wrongCategory = await district.post(`/api/congresses/${k.id}/elections`, election(k, [{ name: '甲', category: 'boss', gender: 'female' }]));
    expect(wrongCategory.statusCode).toBe(400);
    expect(wrongCategory.body).toContain('请选择代表类别');
    const moreVoters = await district.post(`/api/congresses/${k.id}/elections`, election(k, roster(30, 15, 6, 6), { voted: 481 }));
    expect(moreVoters.statusCode).toBe(400);
    expect(moreVoters.body).toContain('参加投票人数不能超过有选举权的职工人数');
    const term = await district.post(`/api/congresses/${k.id}/elections`, election(k, roster(30, 15, 6, 6), { termYears: 4 }));
    expect(term.statusCode).toBe(400);
    expect(term.json().message).toBe('每届任期应为3或5年');
    const none = await district.post(`/api/congresses/${k.id}/elections`, election(k, []));
    expect(none.statusCode).toBe(400);
    expect((await district.post(`/api/congresses/not-a-uuid/elections`, election(k, roster(30, 15, 6, 6)))).statusCode).toBe(400);
  });
});

describe('the delegate quota at the workforce edges (企业民主管理规定, local 职代会条例)', () => {
  // Workforce → the body and its least number of delegates.
  const edges: [number, number | null][] = [
    [99, null],
    [100, 30],
    [999, 30],
    [1000, 100],
    [9999, 100],
    [10_000, 150],
  ];
  for (const [workforce, quota] of edges) {
    it(`${workforce} workers: ${quota === null ? 'an all-worker assembly, no delegates elected' : `at least ${quota} delegates, one fewer refused`}`, async () => {
      const k = await congressFor(workforce, 0);
      if (quota === null) {
        expect(k.form).toBe('assembly');
        const res = await district.post(`/api/congresses/${k.id}/elections`, election(k, roster(30, 15, 6, 0), { electorate: 99, voted: 90 }));
        expect(res.statusCode).toBe(409);
        expect(res.json().message).toBe('职工99人，不足100人的单位召开职工大会，全体职工参加，不选举代表');
        return;
      }
      const body = (n: number) => election(k, roster(n, Math.ceil(n / 2), Math.floor(n / 5), 0), { electorate: workforce, voted: workforce });
      const short = await district.post(`/api/congresses/${k.id}/elections`, body(quota - 1));
      expect(short.statusCode).toBe(400);
      expect(short.json().message).toContain(`职工${workforce}人应选代表不少于${quota}人，现有${quota - 1}人，差1人`);
      const ok = await district.post(`/api/congresses/${k.id}/elections`, body(quota));
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json()).toMatchObject({ minDelegates: quota, current: { delegates: quota } });
    });
  }
});

describe('the vote on a regional or sector draft (集体合同规定 Art. 36; 劳社部发〔2006〕32号)', () => {
  /** A regional (street union) or sector (district federation) bargaining brought to its draft. */
  async function draftFor(scope: 'regional' | 'sector') {
    const [street] = await rows<Org>(sql`SELECT id, path, name FROM org WHERE level = 'street' AND path LIKE ${d01.path + '%'} ORDER BY code LIMIT 1`);
    const runner = scope === 'regional' ? street! : d01;
    const parties = await rows<{ id: string; n: number }>(
      sql`SELECT g.id, g.employee_count AS n FROM org g WHERE g.path LIKE ${runner.path + '%'} AND g.level = 'grassroots' AND g.active AND g.kind IN (${kinds})
          AND g.employee_count BETWEEN 20 AND 99 ORDER BY g.code DESC LIMIT 3`,
    );
    expect(parties).toHaveLength(3);
    const workforce = parties.reduce((s, p) => s + Number(p.n), 0);
    let k = (
      await district.post('/api/contracts', {
        orgId: runner.id,
        scope,
        kind: scope === 'sector' ? 'wage' : 'general',
        title: `${runner.name}${scope === 'sector' ? '行业工资专项' : '区域性'}集体合同（表决测试）`,
        initiatedBy: 'union',
        requestOn: '2026-03-02',
        partyOrgIds: parties.map((p) => p.id),
      })
    ).json();
    k = (await district.post(`/api/contracts/${k.id}/answer`, { answeredOn: '2026-03-05', answer: '同意协商', agreed: true, version: k.version })).json();
    const seats = [
      ...[1, 2, 3].map((i) => ({ side: 'union', name: `区工${i}`, chief: i === 1, chosenBy: '职工代表推选' })),
      ...[1, 2, 3].map((i) => ({ side: 'employer', name: `区企${i}`, chief: i === 1 })),
    ];
    k = (await district.put(`/api/contracts/${k.id}/negotiators`, { negotiators: seats, version: k.version })).json();
    k = (await district.post(`/api/contracts/${k.id}/rounds`, { heldOn: '2026-03-10', minutes: '第一次协商' })).json();
    k = (
      await district.post(`/api/contracts/${k.id}/draft`, {
        clauses: [{ category: 'wages', title: '工资增长', text: '不低于5%' }],
        termYears: 1,
        version: k.version,
      })
    ).json();
    expect(k.status, JSON.stringify(k)).toBe('draft');
    return { k, workforce };
  }

  for (const scope of ['regional', 'sector'] as const) {
    it(`${scope}: exactly two thirds present passes, one fewer fails, a majority of those present but not of all fails`, async () => {
      const { k, workforce } = await draftFor(scope);
      // 31 delegates: two thirds is 21 (20.67 up), more than half of all is 16.
      const vote = (v: Record<string, unknown>) =>
        district.post(`/api/contracts/${k.id}/vote`, {
          body: 'congress',
          heldOn: '2026-03-20',
          delegates: 31,
          against: 0,
          abstain: 0,
          version: k.version,
          ...v,
        });
      const oneFewer = await vote({ present: 20, for: 20 });
      expect(oneFewer.statusCode).toBe(409);
      expect(oneFewer.json().message).toBe('表决未通过，不能作为通过记录：到会代表应不少于全体代表的三分之二（21人），实到20人，差1人');
      const ofPresent = await vote({ present: 29, for: 15, against: 14 });
      expect(ofPresent.statusCode).toBe(409);
      expect(ofPresent.json().message).toBe('表决未通过，不能作为通过记录：赞成票应超过全体代表的半数（16票），现有15票，差1票');
      // The assembly is every worker covered; more delegates than workers is refused.
      const assembly = await vote({ body: 'assembly', present: 21, for: 16 });
      expect(assembly.statusCode).toBe(400);
      expect(assembly.json().message).toBe(`职工大会由覆盖单位的全体职工（${workforce}人）表决，现填31人`);
      const tooMany = await vote({ delegates: workforce + 1, present: workforce, for: workforce });
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.json().message).toBe(`职工代表不能多于覆盖单位的职工总数（${workforce}人），现填${workforce + 1}人`);
      const [{ status }] = (await rows<{ status: string }>(sql`SELECT status FROM bargaining WHERE id = ${k.id}`)) as [{ status: string }];
      expect(status, 'a refused vote records nothing').toBe('draft');
      const passed = await vote({ present: 21, for: 16, against: 5 });
      expect(passed.statusCode, passed.body).toBe(200);
      expect(passed.json()).toMatchObject({ status: 'adopted', vote: { delegates: 31, present: 21, for: 16 } });
    });
  }
});
