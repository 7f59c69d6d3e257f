import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql, type SQL } from 'drizzle-orm';
import { CONTRACT_EMPLOYER_KINDS } from '../../../../common/src/contract-vocab.js';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness.js';
import { runContractJob } from './contract.job.js';
import { isExpiring } from './contract.service.js';

/**
 * The daily contract job (docs/contracts.md, "Automatic effect and expiry"), run with pinned dates:
 * a filed contract takes effect the day after its 15-day review with no objection, an objected one
 * does not, a contract past its last day expires; each change audited with the system as actor.
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

async function uncovered(path: string): Promise<Org> {
  const [o] = await rows<Org>(sql`
    SELECT g.id, g.path, g.name FROM org g
    WHERE g.path LIKE ${path + '%'} AND g.level = 'grassroots' AND g.active AND g.kind IN (${kinds}) AND g.employee_count BETWEEN 100 AND 999
      AND NOT EXISTS (SELECT 1 FROM bargaining_party p WHERE p.org_id = g.id)
    ORDER BY g.code LIMIT 1`);
  return o!;
}

/** A single-employer contract taken by hand up to filing on `filedOn`. */
async function filed(tag: string, filedOn: string) {
  const o = await uncovered(d01.path);
  const negotiators = [
    ...[1, 2, 3].map((i) => ({ side: 'union', name: `${tag}工${i}`, chief: i === 1, chosenBy: '职工代表大会推选' })),
    ...[1, 2, 3].map((i) => ({ side: 'employer', name: `${tag}企${i}`, chief: i === 1 })),
  ];
  const post = async (path: string, body: Record<string, unknown>) => {
    const res = await district.post(path, body);
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };
  let k = await post('/api/contracts', {
    orgId: o.id,
    scope: 'single',
    kind: 'general',
    title: `${o.name}集体合同`,
    initiatedBy: 'union',
    requestOn: '2026-01-05',
    partyOrgIds: [o.id],
    negotiators,
  });
  k = await post(`/api/contracts/${k.id}/answer`, { answeredOn: '2026-01-10', answer: '同意', agreed: true, version: k.version });
  k = await post(`/api/contracts/${k.id}/rounds`, { heldOn: '2026-01-20', minutes: '协商' });
  k = await post(`/api/contracts/${k.id}/draft`, { clauses: [{ category: 'hours', title: '工时', text: '每日八小时' }], termYears: 1, version: k.version });
  k = await post(`/api/contracts/${k.id}/vote`, {
    body: 'congress',
    heldOn: '2026-02-01',
    delegates: 30,
    present: 30,
    for: 30,
    against: 0,
    abstain: 0,
    version: k.version,
  });
  k = await post(`/api/contracts/${k.id}/sign`, { signedOn: '2026-02-02', unionChief: `${tag}工1`, employerChief: `${tag}企1`, version: k.version });
  k = await post(`/api/contracts/${k.id}/file`, { filedOn, authority: '人社局', version: k.version });
  expect(k.status).toBe('filed');
  return k as { id: string; version: number; reviewDue: string };
}

const get = async (id: string) => (await district.get(`/api/contracts/${id}`)).json();
const audits = (id: string) =>
  rows<{ action: string; actor_name: string; actor_id: string | null; changes: Record<string, unknown> }>(
    sql`SELECT action, actor_name, actor_id, changes FROM audit_log WHERE entity_id = ${id} AND action IN ('contract.effective', 'contract.expire') ORDER BY seq`,
  );

beforeAll(async () => {
  env = await createTestEnv();
  rows = <T>(q: SQL) => env.services.database.query<T>(q);
  district = await env.login('district');
  [d01] = await rows<Org>(sql`SELECT id, path, name FROM org WHERE code = 'D01'`);
});
afterAll(async () => {
  await env?.close();
});

describe('automatic effect and expiry (daily job)', () => {
  it('makes a filed contract take effect after the review with no objection, then expires it after its last day; audited as the system', async () => {
    const a = await filed('甲', '2026-02-06');
    expect(a.reviewDue).toBe('2026-02-24'); // 15 calendar days from 02-06 end on 02-21, in the Spring Festival holiday: the last day moves to the next working day
    const objected = await filed('丙', '2026-02-06');
    const o = await district.post(`/api/contracts/${objected.id}/object`, { objection: '工资条款低于最低工资标准', version: objected.version });
    expect(o.statusCode, o.body).toBe(200);

    // On the review's last day nothing happens: the period has not passed.
    let r = await runContractJob(env.services, a.reviewDue);
    expect(r.effective).not.toContain(a.id);
    expect((await get(a.id)).status).toBe('filed');

    // The day after: in force from that day, for its one-year term; the objected one stays objected.
    r = await runContractJob(env.services, '2026-02-25');
    expect(r.effective).toContain(a.id);
    expect(r.effective).not.toContain(objected.id);
    let k = await get(a.id);
    expect(k).toMatchObject({ status: 'effective', effectiveOn: '2026-02-25', expiresOn: '2027-02-24', reviewDue: null });
    expect((await get(objected.id)).status).toBe('objected');
    // The tag on the list and the 即将到期 filter agree (both from today and the renewal window).
    const listed = (await district.get(`/api/contracts?expiring=true&pageSize=100`)).json().items.map((x: { id: string }) => x.id);
    expect(listed.includes(a.id)).toBe(k.expiring);
    // A second run the same day changes nothing.
    expect((await runContractJob(env.services, '2026-02-25')).effective).not.toContain(a.id);

    // On its last day it is still in force; the day after it has expired.
    expect((await runContractJob(env.services, '2027-02-24')).expired).not.toContain(a.id);
    r = await runContractJob(env.services, '2027-02-25');
    expect(r.expired).toContain(a.id);
    k = await get(a.id);
    expect(k.status).toBe('expired');

    const log = await audits(a.id);
    expect(log.map((e) => [e.action, e.actor_name, e.actor_id])).toEqual([
      ['contract.effective', 'system', null],
      ['contract.expire', 'system', null],
    ]);
    expect(log[0]!.changes).toMatchObject({ status: { from: 'filed', to: 'effective' }, effectiveOn: '2026-02-25', automatic: true });
  });
});

describe('expiring within the renewal window (the list tag and filter)', () => {
  const rule = { renewalMonths: 3 } as Parameters<typeof isExpiring>[2];
  const row = { status: 'effective', expiresOn: '2027-02-24' } as Parameters<typeof isExpiring>[0];
  it('is expiring from 3 months before the last day through the last day, and only while in force', () => {
    expect(isExpiring(row, '2026-11-23', rule)).toBe(false);
    expect(isExpiring(row, '2026-11-24', rule)).toBe(true);
    expect(isExpiring(row, '2027-02-24', rule)).toBe(true);
    expect(isExpiring(row, '2027-02-25', rule)).toBe(false);
    expect(isExpiring({ ...row, status: 'expired' }, '2026-12-01', rule)).toBe(false);
  });
});

describe('exports: the ledger and the coverage table as xlsx', () => {
  const sheet = async (url: string) => {
    const res = await district.request('GET', url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const out: string[][] = [];
    ws.eachRow((r, n) => {
      if (n > 1) out.push((r.values as unknown[]).slice(1).map((v) => String(v ?? '')));
    });
    return out;
  };
  const titlesUnder = async (path: string, extra: SQL = sql`TRUE`) =>
    (await rows<{ title: string }>(sql`SELECT b.title FROM bargaining b JOIN org o ON o.id = b.org_id WHERE o.path LIKE ${path + '%'} AND ${extra}`)).map(
      (r) => r.title,
    );

  it('the ledger holds exactly the list in scope with its filters, never a row of the sibling district; audited', async () => {
    const [d02] = await rows<Org>(sql`SELECT id, path, name FROM org WHERE code = 'D02'`);
    const sibling = new Set(await titlesUnder(d02!.path));
    expect(sibling.size).toBeGreaterThan(0);

    const all = await sheet('/api/contracts/ledger');
    const listed = (await district.get('/api/contracts?pageSize=1')).json().total;
    expect(all.length).toBe(listed);
    expect(all.filter((r) => sibling.has(r[1]!))).toEqual([]);
    expect(new Set(all.map((r) => r[1]))).toEqual(new Set(await titlesUnder(d01.path)));

    const inForce = await sheet('/api/contracts/ledger?status=effective');
    expect(inForce.length).toBe((await titlesUnder(d01.path, sql`b.status = 'effective'`)).length);
    expect(new Set(inForce.map((r) => r[5]))).toEqual(new Set(['已生效']));
    // Asking for the sibling district's area gives an empty ledger, as the list does: the scope stays in the query.
    expect(await sheet(`/api/contracts/ledger?under=${d02!.id}`)).toEqual([]);

    const [a] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'contract.ledger.export' AND actor_name = 'district'`);
    expect(a!.n).toBe(3);
  });

  it('the coverage table is the page’s figures for the district and each child; the sibling district is refused', async () => {
    const cov = (await district.get('/api/contracts/coverage')).json();
    const table = await sheet('/api/contracts/coverage/xlsx');
    expect(table.map((r) => r[0])).toEqual([cov.total.name, ...cov.children.map((c: { name: string }) => c.name)]);
    expect(table[0]!.slice(1, 3).map(Number)).toEqual([cov.total.employers, cov.total.covered]);
    const [d02] = await rows<Org>(sql`SELECT id, path, name FROM org WHERE code = 'D02'`);
    expect((await district.request('GET', `/api/contracts/coverage/xlsx?under=${d02!.id}`)).statusCode).toBe(404);
  });
});
