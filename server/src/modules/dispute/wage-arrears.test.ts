import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness.js';
import { winterCampaign } from '../../../../common/src/dispute-rules.js';
import { usccCheckChar } from '../../../../common/src/uscc.js';

/** Wage arrears: owed, recovered (the sum of payments) and outstanding; cleared at zero; the employer flagged; the board and the winter campaign list. */
let env: TestEnv;
let district: TestClient;
let chair: TestClient;
let d01: string;
const q = <T>(s: ReturnType<typeof sql>) => env.services.database.query<T>(s);
const first17 = '91439900MA0000077';
const USCC = first17 + usccCheckChar(first17);
const body = (over: Record<string, unknown> = {}) => ({
  orgId: d01,
  employerName: '江城欠薪测试建设有限公司',
  employerUscc: USCC,
  construction: true,
  projectName: '滨江花园二期',
  siteAddress: '滨江区江堤路1号',
  workersAffected: 12,
  migrantWorkers: 10,
  owedFen: 36_000_000,
  ...over,
});

beforeAll(async () => {
  env = await createTestEnv({ disputes: 100 });
  district = await env.login('district');
  chair = await env.login('grassroots');
  [{ id: d01 }] = (await q<{ id: string }>(sql`SELECT id FROM org WHERE code = 'D01'`)) as [{ id: string }];
}, 600_000);
afterAll(async () => {
  await env?.close();
});

describe('wage arrears', () => {
  it('recoveries add up; more than outstanding is refused; nothing left clears the case', async () => {
    const made = await district.post('/api/wage-arrears', body());
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id;
    const part = await district.post(`/api/wage-arrears/${id}/recoveries`, { paidOn: '2026-01-10', amountFen: 20_000_000 });
    expect(part.statusCode, part.body).toBe(201);
    expect(part.json()).toMatchObject({ recoveredFen: 20_000_000, outstandingFen: 16_000_000, status: 'open' });
    const over = await district.post(`/api/wage-arrears/${id}/recoveries`, { paidOn: '2026-01-11', amountFen: 16_000_001 });
    expect(over.statusCode).toBe(400);
    expect(over.json().message).toContain('尚欠 160000.00 元');
    const rest = await district.post(`/api/wage-arrears/${id}/recoveries`, { paidOn: '2026-01-12', amountFen: 16_000_000 });
    expect(rest.json()).toMatchObject({ status: 'cleared', clearedOn: '2026-01-12', outstandingFen: 0 });
    const got = (await district.get(`/api/wage-arrears/${id}`)).json();
    expect(got.recoveries.map((r: { amountFen: number }) => r.amountFen)).toEqual([20_000_000, 16_000_000]);
  });

  it('refuses a negative or zero amount owed and a wrong credit code with a 400', async () => {
    expect((await district.post('/api/wage-arrears', body({ owedFen: -1 }))).json().message).toContain('金额不能为负');
    expect((await district.post('/api/wage-arrears', body({ owedFen: 0 }))).statusCode).toBe(400);
    expect((await district.post('/api/wage-arrears', body({ employerUscc: USCC.slice(0, 17) + (USCC.endsWith('0') ? '1' : '0') }))).statusCode).toBe(400);
  });

  it('an employer with open cases is flagged; the board sums by area; the campaign list puts the largest outstanding first', async () => {
    await district.post('/api/wage-arrears', body({ owedFen: 1_000_000 }));
    await district.post('/api/wage-arrears', body({ owedFen: 2_000_000 }));
    const list = (await district.get(`/api/wage-arrears?q=${encodeURIComponent('欠薪测试建设')}&status=open`)).json();
    expect(list.items.every((r: { employerOpenCases: number }) => r.employerOpenCases === 2)).toBe(true);
    const board = (await district.get('/api/wage-arrears/board')).json();
    const [sums] = await q<{ open: number; owed: string }>(
      sql`SELECT count(*) FILTER (WHERE status = 'open')::int AS open, sum(owed_fen)::bigint AS owed FROM wage_arrears WHERE org_id IN (SELECT id FROM org WHERE path LIKE (SELECT path || '%' FROM org WHERE id = ${d01}))`,
    );
    expect(
      board.areas.reduce((s: number, a: { open: number }) => s + a.open, 0) +
        (await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM wage_arrears WHERE org_id = ${d01} AND status = 'open'`))[0]!.n,
    ).toBe(sums!.open);
    expect(board.flaggedEmployers.map((e: { employerUscc: string }) => e.employerUscc)).toContain(USCC);
    const campaign = (await district.get('/api/wage-arrears?campaign=true&pageSize=50')).json();
    const out = campaign.items.map((r: { outstandingFen: number; status: string }) => r.outstandingFen);
    expect(campaign.items.every((r: { status: string }) => r.status === 'open')).toBe(true);
    expect(out).toEqual([...out].sort((a: number, b: number) => b - a));
    expect(campaign.totals.owedFen).toBe(
      Number(
        (
          await q<{ s: string }>(
            sql`SELECT coalesce(sum(owed_fen), 0)::bigint AS s FROM wage_arrears WHERE status = 'open' AND org_id IN (SELECT id FROM org WHERE path LIKE (SELECT path || '%' FROM org WHERE id = ${d01}))`,
          )
        )[0]!.s,
      ),
    );
  });

  it('the winter campaign runs from mid-November to the Spring Festival', () => {
    expect(winterCampaign('2026-11-14')).toEqual({ from: '2026-11-15', festival: '2027-02-06', running: false });
    expect(winterCampaign('2026-11-15')).toMatchObject({ running: true });
    expect(winterCampaign('2027-02-06')).toMatchObject({ festival: '2027-02-06', running: true });
    expect(winterCampaign('2027-02-07')).toMatchObject({ festival: '2028-01-26', running: false });
  });

  it('a grassroots chair does not see the district’s cases', async () => {
    const made = (await district.post('/api/wage-arrears', body())).json();
    expect((await chair.get(`/api/wage-arrears/${made.id}`)).statusCode).toBe(404);
    const list = (await chair.get('/api/wage-arrears?pageSize=200')).json();
    expect(list.items.map((r: { id: string }) => r.id)).not.toContain(made.id);
  });
});
