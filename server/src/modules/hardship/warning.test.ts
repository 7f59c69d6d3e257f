import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness.js';
import { annualFor, ensureTestLine, fields, forceFiled, newIdNumber, openFile, orgOf } from './test-helpers.js';
import { scanWarnings, scanWarningsRawQuery, SCAN_WARNINGS_SQL } from './warning.scan.js';
import { DEFAULT_RULE_SET } from '../../../../common/src/hardship-tier.js';
import { CURRENT_CONSENT_VERSION } from '../../../../common/src/member-input.js';
import { todayInChina } from '../../../../common/src/dates.js';

/** The monitoring scan: each signal raises exactly one warning, a repeated run raises none, closing needs the action taken. */
let env: TestEnv;
let admin: TestClient;
let chair: TestClient;
let district: TestClient;
let chairOrg: { id: string; path: string; parent_id: string };
const today = todayInChina();
const q = <T>(s: ReturnType<typeof sql>) => env.services.database.query<T>(s);
const rulesOf = async (fileId: string) =>
  (await q<{ rule: string }>(sql`SELECT rule FROM hardship_warning WHERE file_id = ${fileId} ORDER BY rule`)).map((r) => r.rule);
const params = { ...DEFAULT_RULE_SET.params, areaRelapseThreshold: 1 };
const ids: Record<string, string> = {};
type RawDriver = { query(text: string, params: unknown[]): Promise<{ rows: unknown[] }> };
const raw = (text: string, p: unknown[]) => (env.services.database.driver as unknown as RawDriver).query(text, p);

async function filed(o: Record<string, unknown> = {}) {
  const f = await openFile(chair, chairOrg.id, o);
  await forceFiled(env, f.id, today);
  return f.id;
}
async function edit(id: string, o: Record<string, unknown>) {
  const [v] = await q<{ version: number }>(sql`SELECT version FROM hardship_file WHERE id = ${id}`);
  const res = await chair.put(`/api/hardship/files/${id}`, { fields: fields(o), version: v!.version });
  expect(res.statusCode, res.body).toBe(200);
}

beforeAll(async () => {
  env = await createTestEnv();
  admin = await env.login('admin');
  chair = await env.login('grassroots');
  district = await env.login('district');
  chairOrg = await orgOf(env, 'grassroots');
  await ensureTestLine(admin);
  // A clean slate for this union's files and a first scan of everything else, so counts below are ours.
  await scanWarnings(env.services.db, { params });

  const poor = { annualIncomeFen: annualFor(60_000, 3) };
  ids.nearLine = await filed({ annualIncomeFen: annualFor(110_000, 3) });
  ids.quiet = await filed({ annualIncomeFen: annualFor(150_000, 3) });
  ids.illness = await filed(poor);
  await edit(ids.illness, { ...poor, health: 'serious_illness' });
  ids.jobLoss = await filed(poor);
  await edit(ids.jobLoss, { ...poor, employmentStatus: 'unemployed' });
  ids.disaster = await filed(poor);
  await edit(ids.disaster, { ...poor, disaster: true });
  ids.overdue = await filed(poor);
  await q(sql`UPDATE hardship_file SET next_review_due = ${today}::date - 1 WHERE id = ${ids.overdue}`);

  // An exited household (planned follow-ups) that then falls ill: relapse risk, not an ordinary illness warning.
  ids.exited = await filed(poor);
  expect((await chair.post(`/api/hardship/files/${ids.exited}/exit`, { reason: 'income_up', annualIncomeFen: annualFor(300_000, 3) })).statusCode).toBe(200);
  await edit(ids.exited, { annualIncomeFen: annualFor(300_000, 3), health: 'serious_illness' });
  ids.visitLate = await filed(poor);
  await chair.post(`/api/hardship/files/${ids.visitLate}/exit`, { reason: 'income_up', annualIncomeFen: annualFor(300_000, 3) });
  await q(
    sql`UPDATE hardship_visit SET due_on = ${today}::date - 3 WHERE id = (SELECT id FROM hardship_visit WHERE file_id = ${ids.visitLate} ORDER BY due_on LIMIT 1)`,
  );

  // A member whose file learns of the job loss from the membership event 'left'.
  const idNumber = newIdNumber('19750505');
  const m = await chair.post('/api/members', {
    orgId: chairOrg.id,
    consent: { version: CURRENT_CONSENT_VERSION, method: 'paper' },
    fields: { name: '会员职工', idNumber, employmentForm: 'standard', joinDate: '2020-01-01' },
  });
  expect(m.statusCode, m.body).toBe(201);
  const memberFile = await chair.post('/api/hardship/files', { orgId: chairOrg.id, memberId: m.json().id, idNumber, fields: fields(poor) });
  ids.member = memberFile.json().id;
  await forceFiled(env, ids.member, today);
  const left = await chair.post(`/api/members/${m.json().id}/status`, { kind: 'left', onDate: today, reason: '离职', version: 1 });
  expect(left.statusCode, left.body).toBe(200);

  // A relapse in the district this period: with a threshold of 1, the area rule fires.
  ids.relapsed = await filed(poor);
  await chair.post(`/api/hardship/files/${ids.relapsed}/exit`, { reason: 'income_up' });
  await chair.post(`/api/hardship/files/${ids.relapsed}/relapse`, { note: '再次失业' });
}, 600_000);
afterAll(async () => {
  await env?.close();
});

describe('the scan', () => {
  it('raises exactly one warning per signal', async () => {
    const first = await scanWarnings(env.services.db, { params });
    expect(first.raised).toBeGreaterThan(0);
    expect(await rulesOf(ids.nearLine!)).toEqual(['near_line']);
    expect(await rulesOf(ids.quiet!)).toEqual([]);
    expect(await rulesOf(ids.illness!)).toEqual(['serious_illness']);
    expect(await rulesOf(ids.jobLoss!)).toEqual(['job_loss']);
    expect(await rulesOf(ids.disaster!)).toEqual(['disaster']);
    expect(await rulesOf(ids.overdue!)).toEqual(['review_overdue']);
    expect(await rulesOf(ids.exited!)).toEqual(['relapse_risk']);
    expect(await rulesOf(ids.visitLate!)).toEqual(['visit_overdue']);
    expect(await rulesOf(ids.member!)).toEqual(['job_loss']);
    const [w] = await q<{ level: string; explanation: string; org_id: string; due_on: string; raised_on: string }>(
      sql`SELECT level, explanation, org_id, due_on::text, raised_on::text FROM hardship_warning WHERE file_id = ${ids.nearLine}`,
    );
    expect(w).toMatchObject({ level: 'yellow', org_id: chairOrg.id, raised_on: today });
    expect(w!.explanation).toContain('1100.00');
    expect(w!.due_on > today).toBe(true);
    const [red] = await q<{ level: string; explanation: string }>(sql`SELECT level, explanation FROM hardship_warning WHERE file_id = ${ids.exited}`);
    expect(red).toMatchObject({ level: 'red' });
    expect(red!.explanation).toContain('返困风险');
    const [d01] = await q<{ id: string }>(sql`SELECT id FROM org WHERE code = 'D01'`);
    const area = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM hardship_warning WHERE rule = 'area_relapse' AND org_id = ${d01!.id}`);
    expect(area[0]!.n).toBe(1);
  });

  it('a repeated run raises none, also as the single raw statement', async () => {
    expect((await scanWarnings(env.services.db, { params })).raised).toBe(0);
    const stmt = scanWarningsRawQuery({ today, params });
    expect(stmt.text).toBe(SCAN_WARNINGS_SQL);
    expect((await raw(stmt.text, stmt.params)).rows).toHaveLength(0);
  });

  it('the single raw statement raises the same warnings as the per-rule scan', async () => {
    const snapshot = async () => (await q<{ k: string }>(sql`SELECT dedup_key AS k FROM hardship_warning ORDER BY 1`)).map((r) => r.k);
    const all = await snapshot();
    await q(sql`DELETE FROM hardship_warning WHERE raised_on = ${today}::date AND org_id IN (SELECT id FROM org WHERE path LIKE ${chairOrg.path + '%'})`);
    const stmt = scanWarningsRawQuery({ today, params });
    await raw(stmt.text, stmt.params);
    expect(await snapshot()).toEqual(all);
  });

  it('the same fact recorded again the same day is the same cause: no duplicate', async () => {
    await edit(ids.illness!, { annualIncomeFen: annualFor(60_000, 3), health: 'healthy' });
    await edit(ids.illness!, { annualIncomeFen: annualFor(60_000, 3), health: 'serious_illness' });
    expect((await scanWarnings(env.services.db, { params })).raised).toBe(0);
    expect(await rulesOf(ids.illness!)).toEqual(['serious_illness']);
  });
});

describe('handling warnings', () => {
  it('closing needs the action taken; a closed warning stays closed', async () => {
    const list = (await chair.get(`/api/hardship/warnings?fileId=${ids.nearLine}`)).json();
    expect(list.total).toBe(1);
    const wid = list.items[0].id;
    expect((await chair.post(`/api/hardship/warnings/${wid}/close`, {})).statusCode).toBe(400);
    expect((await chair.post(`/api/hardship/warnings/${wid}/close`, { action: '已处理' })).statusCode).toBe(400);
    const ok = await chair.post(`/api/hardship/warnings/${wid}/close`, { action: '已入户走访，申请临时生活救助' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await chair.post(`/api/hardship/warnings/${wid}/close`, { action: '重复销号操作' })).json().code).toBe('WARNING_CLOSED');
    const closed = (await chair.get(`/api/hardship/warnings?status=closed&fileId=${ids.nearLine}`)).json().items[0];
    expect(closed).toMatchObject({ status: 'closed', actionTaken: '已入户走访，申请临时生活救助' });
    expect(closed.closedByName).toBeTruthy();
    const history = (await chair.get(`/api/hardship/warnings/${wid}/history`)).json() as { action: string; changes: { action?: string } }[];
    expect(history[0]).toMatchObject({ action: 'hardship.warning_close', changes: { action: '已入户走访，申请临时生活救助' } });
    expect((await scanWarnings(env.services.db, { params })).raised).toBe(0);
  });

  it('the on-demand route scans the caller’s scope; warnings of the sibling district are out of reach', async () => {
    const res = await chair.post('/api/hardship/warnings/scan');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().raised).toBe(0);
    const [d02w] = await q<{ id: string }>(
      sql`SELECT w.id FROM hardship_warning w JOIN org o ON o.id = w.org_id WHERE o.path LIKE (SELECT path || '%' FROM org WHERE code = 'D02') AND w.status = 'open' LIMIT 1`,
    );
    expect((await district.post(`/api/hardship/warnings/${d02w!.id}/close`, { action: '越权销号处理' })).statusCode).toBe(404);
    expect((await district.get(`/api/hardship/warnings/${d02w!.id}/history`)).statusCode).toBe(404);
    const mine = (await district.get('/api/hardship/warnings?pageSize=200')).json();
    const [{ n }] = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM hardship_warning w WHERE w.status = 'open' AND w.org_id IN (SELECT id FROM org WHERE path LIKE (SELECT path || '%' FROM org WHERE code = 'D01'))`,
    );
    expect(mine.total).toBe(n);
    // `under` narrows to a union and the unions below it.
    const under = (await district.get(`/api/hardship/warnings?pageSize=200&under=${chairOrg.id}`)).json();
    const [{ m }] = await q<{ m: number }>(
      sql`SELECT count(*)::int AS m FROM hardship_warning w WHERE w.status = 'open' AND w.org_id IN (SELECT id FROM org WHERE path LIKE ${chairOrg.path + '%'})`,
    );
    expect(under.total).toBe(m);
    expect(m).toBeGreaterThan(0);
  });

  it('the dashboard counts the caller’s scope only', async () => {
    const dash = (await district.get('/api/hardship/dashboard')).json();
    const [f] = await q<{ filed: number; open: number }>(sql`
      SELECT (SELECT count(*)::int FROM hardship_file WHERE status = 'filed' AND org_id IN (SELECT id FROM org WHERE path LIKE (SELECT path || '%' FROM org WHERE code = 'D01'))) AS filed,
             (SELECT count(*)::int FROM hardship_warning WHERE status = 'open' AND org_id IN (SELECT id FROM org WHERE path LIKE (SELECT path || '%' FROM org WHERE code = 'D01'))) AS open`);
    expect(dash.byTier.reduce((s: number, t: { n: number }) => s + t.n, 0)).toBe(f!.filed);
    expect(dash.warnings.open).toBe(f!.open);
    expect(dash.byMonth).toHaveLength(12);
    const mineOnly = (await chair.get('/api/hardship/dashboard')).json();
    expect(mineOnly.byArea).toEqual([]);
  });

  it('each money figure says what it counts: aid paid to the scope’s households, the part from budgets above, and the scope’s own budgets', async () => {
    const dash = (await district.get('/api/hardship/dashboard')).json();
    const d01 = sql`(SELECT id FROM org WHERE path LIKE (SELECT path || '%' FROM org WHERE code = 'D01'))`;
    const [m] = await q<{ paid: string; above: string; allocated: string; spent: string }>(sql`
      SELECT (SELECT coalesce(sum(a.amount_fen), 0)::text FROM aid_record a WHERE a.org_id IN ${d01} AND extract(year FROM a.paid_on) = ${dash.year}) AS paid,
             (SELECT coalesce(sum(a.amount_fen), 0)::text FROM aid_record a JOIN aid_budget b ON b.id = a.budget_id
               WHERE a.org_id IN ${d01} AND b.org_id NOT IN ${d01} AND extract(year FROM a.paid_on) = ${dash.year}) AS above,
             (SELECT coalesce(sum(allocated_fen), 0)::text FROM aid_budget WHERE org_id IN ${d01} AND year = ${dash.year}) AS allocated,
             (SELECT coalesce(sum(spent_fen), 0)::text FROM aid_budget WHERE org_id IN ${d01} AND year = ${dash.year}) AS spent`);
    expect(dash.aid.paidFen).toBe(Number(m!.paid));
    expect(dash.aid.fromAboveFen).toBe(Number(m!.above));
    expect(dash.budget).toEqual({ allocatedFen: Number(m!.allocated), spentFen: Number(m!.spent), remainingFen: Number(m!.allocated) - Number(m!.spent) });
  });
});
