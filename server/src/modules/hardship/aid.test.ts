import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness.js';
import { ensureTestLine, forceFiled, openFile, orgOf } from './test-helpers.js';
import { findCjkFont } from './roster.js';
import { todayInChina } from '../../../../common/src/dates.js';
import { scanWarnings } from './warning.scan.js';
import ExcelJS from '../../platform/exceljs.js';

/** Aid against budgets: caps (docs/rules.md, local and weak defaults) and budget refusals, receipts, campaigns and rosters. */
let env: TestEnv;
let admin: TestClient;
let district: TestClient;
let chair: TestClient;
let chairOrg: { id: string; path: string; parent_id: string };
let fileId: string;
let budgetId: string;
const today = todayInChina();
const year = Number(today.slice(0, 4));
const q = <T>(s: ReturnType<typeof sql>) => env.services.database.query<T>(s);
const spent = async (id: string) => Number((await q<{ s: string }>(sql`SELECT spent_fen::text AS s FROM aid_budget WHERE id = ${id}`))[0]!.s);
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const aid = (o: Record<string, unknown> = {}) => ({ kind: 'living', method: 'cash', amountFen: 100_000, paidOn: today, budgetId, recipientKind: 'head', ...o });
const jpeg = 'data:image/jpeg;base64,' + Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 2)]).toString('base64');
const pdfScan = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(64, 3)]).toString('base64');

beforeAll(async () => {
  env = await createTestEnv({ hardship: 3000 }); // the campaign test needs several deep-tier households in one union
  admin = await env.login('admin');
  district = await env.login('district');
  chair = await env.login('grassroots');
  chairOrg = await orgOf(env, 'grassroots');
  await ensureTestLine(admin);
  fileId = (await openFile(chair, chairOrg.id)).id;
  await forceFiled(env, fileId, today);
  const b = await district.post('/api/hardship/budgets', { orgId: chairOrg.id, year, line: '测试资金', allocatedFen: 300_000 });
  expect(b.statusCode, b.body).toBe(201);
  budgetId = b.json().id;
}, 600_000);
afterAll(async () => {
  await env?.close();
});

describe('caps are checked before saving, with a clear message', () => {
  it('one-off living aid ≤ 2,000 yuan', async () => {
    const over = await chair.post(`/api/hardship/files/${fileId}/aid`, aid({ amountFen: 200_001 }));
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: 'AID_CAP_EXCEEDED' });
    expect(over.json().message).toContain('2,000.00');
    const ok = await chair.post(
      `/api/hardship/files/${fileId}/aid`,
      aid({ amountFen: 200_000, receipt: { kind: 'signature', data: 'data:image/png;base64,' + png.toString('base64') } }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ budgetRemainingFen: 100_000, hasReceipt: true });
    const receipt = await chair.get(`/api/hardship/aid/${ok.json().id}/receipt`);
    expect(receipt.headers['content-type']).toBe('image/png');
  });

  it('the same illness once a year; the cause is required', async () => {
    const big = await district.post('/api/hardship/budgets', { orgId: chairOrg.id, year, line: '医疗救助', allocatedFen: 10_000_000 });
    const bid = big.json().id;
    expect((await chair.post(`/api/hardship/files/${fileId}/aid`, aid({ kind: 'medical', budgetId: bid }))).json().message).toContain('事由');
    expect((await chair.post(`/api/hardship/files/${fileId}/aid`, aid({ kind: 'medical', budgetId: bid, causeKey: '尿毒症' }))).statusCode).toBe(201);
    const again = await chair.post(`/api/hardship/files/${fileId}/aid`, aid({ kind: 'medical', budgetId: bid, causeKey: '尿 毒症 ' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().details.violations[0]).toMatchObject({ rule: 'same_cause_per_year', alreadyCount: 1 });
    // Festival gifts ≤ 2,200 yuan a person a year.
    expect((await chair.post(`/api/hardship/files/${fileId}/aid`, aid({ kind: 'festival', budgetId: bid, amountFen: 220_000 }))).statusCode).toBe(201);
    const fest = await chair.post(`/api/hardship/files/${fileId}/aid`, aid({ kind: 'festival', budgetId: bid, amountFen: 1 }));
    expect(fest.json()).toMatchObject({ code: 'AID_CAP_EXCEEDED', details: { violations: [{ rule: 'per_person_year', alreadyFen: 220_000 }] } });
  });
});

describe('the caps are rule data with a history', () => {
  it('a cap’s history is for those who maintain the rules', async () => {
    const cap = await admin.post('/api/hardship/rules/caps', {
      kind: 'legal',
      rule: 'per_payment',
      amountFen: 500_000,
      effectiveFrom: '2099-01-01',
      source: '测试：远期标准',
    });
    expect(cap.statusCode, cap.body).toBe(201);
    const history = (await admin.get(`/api/hardship/rules/caps/${cap.json().id}/history`)).json() as { action: string }[];
    expect(history.map((h) => h.action)).toEqual(['hardship.cap_add']);
    expect((await district.get(`/api/hardship/rules/caps/${cap.json().id}/history`)).statusCode).toBe(403);
  });
});

describe('budgets: allocated, spent, remaining; overspending is refused', () => {
  it('refuses a payment above the remaining amount and leaves the budget untouched', async () => {
    const before = await spent(budgetId);
    const res = await chair.post(`/api/hardship/files/${fileId}/aid`, aid({ kind: 'employment', amountFen: 100_001 }));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'BUDGET_EXCEEDED', details: { remainingFen: 100_000 } });
    expect(await spent(budgetId)).toBe(before);
    const list = (await chair.get(`/api/hardship/budgets?year=${year}&pageSize=200`)).json().items;
    expect(list.find((b: { id: string }) => b.id === budgetId)).toMatchObject({ allocatedFen: 300_000, spentFen: 200_000, remainingFen: 100_000 });
  });

  it('two payments at once that together overspend: exactly one succeeds (row lock)', async () => {
    const b = await district.post('/api/hardship/budgets', { orgId: chairOrg.id, year, line: '并发测试', allocatedFen: 150_000 });
    const bid = b.json().id;
    const results = await Promise.all(
      [1, 2, 3].map(() => chair.post(`/api/hardship/files/${fileId}/aid`, aid({ kind: 'legal', budgetId: bid, amountFen: 100_000 }))),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect(await spent(bid)).toBe(100_000);
  });

  it('an allocation cannot fall below what is spent; the payment year must match the budget year', async () => {
    const [v] = await q<{ version: number }>(sql`SELECT version FROM aid_budget WHERE id = ${budgetId}`);
    expect((await district.put(`/api/hardship/budgets/${budgetId}`, { allocatedFen: 199_999, version: v!.version })).statusCode).toBe(400);
    expect((await chair.post(`/api/hardship/files/${fileId}/aid`, aid({ paidOn: `${year - 1}-12-31` }))).statusCode).toBe(400);
  });

  it("lists the budgets chargeable for a union, and one household's aid with its budget line", async () => {
    const [sibling] = await q<{ id: string }>(sql`SELECT id FROM org WHERE parent_id = ${chairOrg.parent_id} AND id <> ${chairOrg.id} LIMIT 1`);
    const other = await district.post('/api/hardship/budgets', { orgId: sibling!.id, year, line: '邻近工会资金', allocatedFen: 100_000 });
    expect(other.statusCode, other.body).toBe(201);
    const forChair = (await district.get(`/api/hardship/budgets?year=${year}&forOrgId=${chairOrg.id}&pageSize=200`)).json().items as {
      id: string;
      orgId: string;
    }[];
    expect(forChair.map((b) => b.id)).toContain(budgetId);
    expect(forChair.map((b) => b.id)).not.toContain(other.json().id);
    const mine = (await chair.get(`/api/hardship/aid?fileId=${fileId}`)).json();
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((x: { fileId: string }) => x.fileId === fileId)).toBe(true);
    const [own] = await q<{ name: string }>(sql`SELECT name FROM org WHERE id = ${chairOrg.id}`);
    expect(mine.items.find((x: { budgetId: string }) => x.budgetId === budgetId)).toMatchObject({ budgetLine: '测试资金', budgetOrgName: own!.name });
  });

  it('the demo gives each grassroots union holding files a 2026 fund of its own, which its chair sees and may charge', async () => {
    const mine = (await chair.get(`/api/hardship/budgets?year=2026&forOrgId=${chairOrg.id}&pageSize=200`)).json().items as {
      orgId: string;
      line: string;
      allocatedFen: number;
    }[];
    expect(mine.find((b) => b.orgId === chairOrg.id && b.line === '帮扶资金')).toMatchObject({ allocatedFen: 2_000_000 });
    const [{ n: without }] = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM (SELECT DISTINCT org_id FROM hardship_file WHERE is_demo) f
      WHERE NOT EXISTS (SELECT 1 FROM aid_budget b WHERE b.org_id = f.org_id AND b.year = 2026 AND b.line = '帮扶资金')`);
    expect(without).toBe(0);
  });

  it('a budget of the sibling district cannot be charged or even seen', async () => {
    const [d02b] = await q<{ id: string }>(sql`SELECT b.id FROM aid_budget b JOIN org o ON o.id = b.org_id WHERE o.code = 'D02' LIMIT 1`);
    const res = await chair.post(`/api/hardship/files/${fileId}/aid`, aid({ budgetId: d02b!.id, amountFen: 1 }));
    expect(res.statusCode).toBe(404);
    const [d02] = await q<{ id: string }>(sql`SELECT id FROM org WHERE code = 'D02'`);
    expect((await district.get(`/api/hardship/budgets?under=${d02!.id}`)).json()).toMatchObject({ items: [], total: 0 });
    expect((await district.get('/api/hardship/budgets?pageSize=200')).json().items.some((b: { id: string }) => b.id === d02b!.id)).toBe(false);
    expect((await district.get(`/api/hardship/budgets/${d02b!.id}/history`)).statusCode).toBe(404);
  });

  it("pages the budgets with totals over every matching budget; a budget's history names its allocation and changes", async () => {
    const page = (await district.get(`/api/hardship/budgets?year=${year}&under=${chairOrg.id}&pageSize=1`)).json();
    const [sum] = await q<{ n: number; a: string; s: string }>(
      sql`SELECT count(*)::int AS n, sum(allocated_fen)::text AS a, sum(spent_fen)::text AS s FROM aid_budget WHERE org_id = ${chairOrg.id} AND year = ${year}`,
    );
    expect(page.items).toHaveLength(1);
    expect(page.total).toBe(sum!.n);
    expect(page.totals).toEqual({ allocatedFen: Number(sum!.a), spentFen: Number(sum!.s), remainingFen: Number(sum!.a) - Number(sum!.s) });
    const history = (await chair.get(`/api/hardship/budgets/${budgetId}/history`)).json() as { action: string }[];
    expect(history.map((h) => h.action)).toContain('hardship.budget_create');
  });
});

describe('campaigns (送温暖) and signature rosters', () => {
  it('selects by tier and area, pays in one step, skips households over the cap, prints xlsx and PDF', async () => {
    const b = await admin.post('/api/hardship/budgets', { orgId: chairOrg.id, year, line: '送温暖测试', allocatedFen: 100_000_000 });
    const body = { name: '测试送温暖', amountFen: 100_000, paidOn: today, budgetId: b.json().id, criteria: { tiers: ['deep'], underOrgId: chairOrg.id } };
    const preview = (await district.post('/api/hardship/campaigns/preview', body)).json();
    const [{ n }] = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM hardship_file WHERE org_id = ${chairOrg.id} AND status = 'filed' AND tier = 'deep'`,
    );
    expect(preview.households + preview.skipped.length).toBe(n);
    expect(preview.skipped.map((s: { fileId: string }) => s.fileId)).toContain(fileId); // already 2,200 yuan of festival aid this year
    const made = await district.post('/api/hardship/campaigns', body);
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({ households: preview.households, totalFen: preview.households * 100_000 });
    expect(await spent(b.json().id)).toBe(preview.households * 100_000);
    const id = made.json().id;
    const xlsx = await district.get(`/api/hardship/campaigns/${id}/roster?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await district.get(`/api/hardship/campaigns/${id}/roster?format=pdf`);
    if (findCjkFont()) {
      expect(pdf.statusCode).toBe(200);
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    } else {
      expect(pdf.json().code).toBe('PDF_FONT_MISSING');
    }
    const [{ n: exports }] = await q<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'hardship.roster_export' AND entity_id = ${id}`,
    );
    expect(exports).toBe(findCjkFont() ? 2 : 1);
    const listed = (await district.get(`/api/hardship/campaigns?year=${year}&pageSize=200`)).json().items as { id: string }[];
    expect(listed.find((k) => k.id === id)).toMatchObject({ name: '测试送温暖', households: preview.households, budgetLine: '送温暖测试' });
    const history = (await district.get(`/api/hardship/campaigns/${id}/history`)).json() as { action: string }[];
    expect(history.map((h) => h.action)).toEqual(expect.arrayContaining(['hardship.campaign', 'hardship.roster_export']));
  });
});

describe('the aid list: date range, budget line, name or file number, and the sum over every match', () => {
  const last = year - 1; // last year's dates are all in the past, whatever today is
  let fid: string;
  let fno: string;
  let bid: string;
  beforeAll(async () => {
    const f = await openFile(chair, chairOrg.id, { name: '筛选测试户' });
    fid = f.id;
    fno = f.fileNo;
    await forceFiled(env, fid, `${last}-01-05`);
    const b = await district.post('/api/hardship/budgets', { orgId: chairOrg.id, year: last, line: '筛选测试资金', allocatedFen: 1_000_000 });
    expect(b.statusCode, b.body).toBe(201);
    bid = b.json().id;
    for (const [kind, amountFen, paidOn] of [
      ['living', 120_000, `${last}-03-10`],
      ['legal', 30_000, `${last}-06-15`],
      ['employment', 50_000, `${last}-11-20`],
    ] as const) {
      const r = await chair.post(`/api/hardship/files/${fid}/aid`, aid({ kind, amountFen, paidOn, budgetId: bid }));
      expect(r.statusCode, r.body).toBe(201);
    }
  });
  type Page = { items: { fileId: string; paidOn: string; budgetId: string; amountFen: number }[]; total: number; totalFen: number };
  const list = async (qs: string) => {
    const res = await chair.get(`/api/hardship/aid?${qs}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };

  it('filters by budget line, and totalFen sums every matching row, not just the page', async () => {
    const p = await list(`budgetId=${bid}&pageSize=1`);
    expect(p.items).toHaveLength(1);
    expect(p).toMatchObject({ total: 3, totalFen: 200_000 });
    expect(p.items[0]).toMatchObject({ budgetId: bid, paidOn: `${last}-11-20` });
  });

  it('filters by paid-on date range, both ends included', async () => {
    const p = await list(`budgetId=${bid}&from=${last}-03-10&to=${last}-06-15`);
    expect(p.items.map((x) => x.paidOn)).toEqual([`${last}-06-15`, `${last}-03-10`]);
    expect(p.totalFen).toBe(150_000);
    expect((await list(`budgetId=${bid}&from=${last}-06-16`)).totalFen).toBe(50_000);
    expect(await list(`budgetId=${bid}&to=${last}-03-09`)).toMatchObject({ total: 0, totalFen: 0, items: [] });
    // Without the budget filter: every row in the range lies in it, and the sum is the database's.
    const all = await list(`from=${last}-01-01&to=${last}-12-31&pageSize=5`);
    expect(all.items.every((x) => x.paidOn >= `${last}-01-01` && x.paidOn <= `${last}-12-31`)).toBe(true);
    const [{ s }] = await q<{ s: string }>(sql`SELECT coalesce(sum(a.amount_fen), 0)::text AS s FROM aid_record a JOIN org o ON o.id = a.org_id
      WHERE o.path LIKE ${chairOrg.path + '%'} AND a.paid_on BETWEEN ${`${last}-01-01`}::date AND ${`${last}-12-31`}::date`);
    expect(all.totalFen).toBe(Number(s));
  });

  it('finds a household by part of its name or by its file number (any case)', async () => {
    const byName = await list('q=筛选测试');
    expect(byName.total).toBe(3);
    expect(byName.items.every((x) => x.fileId === fid)).toBe(true);
    expect(byName.totalFen).toBe(200_000);
    expect((await list(`q=${encodeURIComponent(fno.toLowerCase())}`)).total).toBe(3);
    expect((await list(`q=${encodeURIComponent('%')}&budgetId=${bid}`)).total).toBe(0); // % is a literal, not a wildcard
  });

  it('refuses a range that ends before it starts, and a malformed date, with a clear message', async () => {
    const bad = await chair.get(`/api/hardship/aid?from=${last}-06-01&to=${last}-05-31`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(bad.json().message).toContain('结束日期不能早于开始日期');
    expect(bad.json().messageEn).toContain('the end date cannot be before the start date');
    const malformed = await chair.get('/api/hardship/aid?from=2025-13-01');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().message).toContain('YYYY-MM-DD');
  });

  it('keeps the data scope: a namesake in the sibling union counts for the district, not for the chair', async () => {
    const [sibling] = await q<{ id: string }>(sql`SELECT id FROM org WHERE parent_id = ${chairOrg.parent_id} AND id <> ${chairOrg.id} LIMIT 1`);
    const f = await openFile(district, sibling!.id, { name: '筛选测试户' });
    await forceFiled(env, f.id, `${last}-01-05`);
    const b = await district.post('/api/hardship/budgets', { orgId: sibling!.id, year: last, line: '筛选测试资金', allocatedFen: 1_000_000 });
    expect(b.statusCode, b.body).toBe(201);
    const r = await district.post(`/api/hardship/files/${f.id}/aid`, aid({ amountFen: 70_000, paidOn: `${last}-04-01`, budgetId: b.json().id }));
    expect(r.statusCode, r.body).toBe(201);
    expect(await list('q=筛选测试')).toMatchObject({ total: 3, totalFen: 200_000 });
    const wide = (await district.get('/api/hardship/aid?q=筛选测试')).json();
    expect(wide).toMatchObject({ total: 4, totalFen: 270_000 });
  });
});

describe('who received the aid: the head, a listed household member, or a proxy with the relation and the reason', () => {
  let fid: string;
  let bid: string;
  let members: { id: string; name: string; relationship: string }[];
  beforeAll(async () => {
    fid = (await openFile(chair, chairOrg.id, { name: '领取测试户' })).id;
    await forceFiled(env, fid, today);
    members = (await chair.get(`/api/hardship/files/${fid}`)).json().household;
    bid = (await district.post('/api/hardship/budgets', { orgId: chairOrg.id, year, line: '领取测试资金', allocatedFen: 10_000_000 })).json().id;
  });
  const pay = (o: Record<string, unknown>) => chair.post(`/api/hardship/files/${fid}/aid`, aid({ kind: 'employment', amountFen: 10_000, budgetId: bid, ...o }));
  const recorded = async (id: string) =>
    (await chair.get(`/api/hardship/aid?fileId=${fid}&pageSize=200`)).json().items.find((x: { id: string }) => x.id === id);

  it("the head: the name is the file's, not typed", async () => {
    const r = await pay({ recipientKind: 'head', recipientName: '随便写的人' });
    expect(r.statusCode).toBe(400); // a free-text name is no longer accepted
    const ok = await pay({ recipientKind: 'head' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await recorded(ok.json().id)).toMatchObject({ recipientName: '领取测试户', recipientKind: 'head', recipientRelation: 'self' });
  });

  it('a household member listed on the file, and no one else', async () => {
    const spouse = members.find((m) => m.relationship === 'spouse')!;
    const ok = await pay({ recipientKind: 'member', recipientMemberId: spouse.id });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await recorded(ok.json().id)).toMatchObject({ recipientName: spouse.name, recipientKind: 'member', recipientRelation: 'spouse' });
    const noneChosen = await pay({ recipientKind: 'member' });
    expect(noneChosen.statusCode).toBe(400);
    expect(noneChosen.json().message).toContain('请选择领取的家庭成员');
    const [other] = await q<{ id: string }>(sql`SELECT id FROM hardship_household_member WHERE file_id <> ${fid} LIMIT 1`);
    const stranger = await pay({ recipientKind: 'member', recipientMemberId: other!.id });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json()).toMatchObject({ code: 'RECIPIENT_NOT_IN_HOUSEHOLD' });
    expect(stranger.json().message).toContain('代领');
  });

  it('a proxy (代领) needs the relation and the reason, and is shown as such', async () => {
    const bare = await pay({ recipientKind: 'proxy', proxyName: '李四' });
    expect(bare.statusCode).toBe(400);
    const paths = bare.json().details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['body.proxyRelation', 'body.proxyReason']));
    expect(bare.json().message).toContain('代领须填写代领人与困难职工的关系');
    const ok = await pay({ recipientKind: 'proxy', proxyName: '李四', proxyRelation: '邻居', proxyReason: '户主住院，无法到场' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await recorded(ok.json().id)).toMatchObject({
      recipientName: '李四',
      recipientKind: 'proxy',
      recipientRelation: '邻居',
      proxyReason: '户主住院，无法到场',
    });
    const [audit] = await q<{ changes: Record<string, unknown> }>(
      sql`SELECT changes FROM audit_log WHERE action = 'hardship.aid' AND changes ->> 'aidId' = ${ok.json().id}`,
    );
    expect(audit!.changes).toMatchObject({ recipientKind: 'proxy', recipientRelation: '邻居', proxyReason: '户主住院，无法到场' });
  });
});

describe('proof of payment (签领凭证) is rule data; a payment without it is 待补签领', () => {
  let fid: string;
  let bid: string;
  let lastBid: string;
  const last = year - 1;
  beforeAll(async () => {
    fid = (await openFile(chair, chairOrg.id, { name: '凭证测试户' })).id;
    await forceFiled(env, fid, `${last}-01-02`);
    bid = (await district.post('/api/hardship/budgets', { orgId: chairOrg.id, year, line: '凭证测试资金', allocatedFen: 10_000_000 })).json().id;
    lastBid = (await district.post('/api/hardship/budgets', { orgId: chairOrg.id, year: last, line: '凭证测试资金', allocatedFen: 10_000_000 })).json().id;
  });
  const pay = (o: Record<string, unknown>) => chair.post(`/api/hardship/files/${fid}/aid`, aid({ kind: 'legal', amountFen: 10_000, budgetId: bid, ...o }));

  it('the demo has payments still 待补签领 (some overdue, warned) and payments collected by proxies', async () => {
    const [d] = await q<{ pending: number; proxies: number; badProxy: number; transfers: number }>(sql`
      SELECT count(*) FILTER (WHERE proof_status = 'pending')::int AS pending, count(*) FILTER (WHERE recipient_kind = 'proxy')::int AS proxies,
        count(*) FILTER (WHERE recipient_kind = 'proxy' AND (proxy_reason IS NULL OR recipient_relation = 'self'))::int AS "badProxy",
        count(*) FILTER (WHERE method = 'transfer' AND receipt_kind = 'bank_record')::int AS transfers
      FROM aid_record a JOIN hardship_file f ON f.id = a.file_id WHERE f.is_demo`);
    expect(d!.pending).toBeGreaterThan(0);
    expect(d!.proxies).toBeGreaterThan(0);
    expect(d!.badProxy).toBe(0);
    expect(d!.transfers).toBeGreaterThan(0);
    const [w] = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM hardship_warning WHERE rule = 'proof_missing'`);
    expect(w!.n).toBeGreaterThan(0);
  });

  it('the rule names the proof each way of paying needs, with its source', async () => {
    const rules = (await chair.get('/api/rules')).json() as { key: string; inForce: { value: Record<string, unknown>; source: string } }[];
    const proof = rules.find((r) => r.key === 'hardship.aid_proof')!;
    expect(proof.inForce.value).toMatchObject({
      cash: expect.arrayContaining(['signature', 'signed_roster']),
      goods: expect.arrayContaining(['signature', 'signed_roster']),
      transfer: ['bank_record'],
      followUpDays: 30,
    });
    expect(proof.inForce.source).toContain('签收凭证');
  });

  it('a transfer needs the bank record: a signature is refused; the way of paying must be chosen', async () => {
    const wrong = await pay({ method: 'transfer', receipt: { kind: 'signature', data: 'data:image/png;base64,' + png.toString('base64') } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'PROOF_KIND_MISMATCH' });
    expect(wrong.json().message).toContain('银行转账发放须以银行转账记录为凭');
    const ok = await pay({ method: 'transfer', receipt: { kind: 'bank_record', data: pdfScan } });
    expect(ok.json()).toMatchObject({ proofStatus: 'complete', hasReceipt: true });
    const noMethod = await chair.post(`/api/hardship/files/${fid}/aid`, { ...aid({ kind: 'legal', amountFen: 10_000, budgetId: bid }), method: undefined });
    expect(noMethod.statusCode).toBe(400);
    expect(noMethod.json().message).toContain('请选择发放方式');
  });

  it('without proof it is 待补签领, listed for the paying union; the proof added later is audited and completes it', async () => {
    const r = await pay({ method: 'goods' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ proofStatus: 'pending', hasReceipt: false });
    const id = r.json().id;
    const pending = (await district.get(`/api/hardship/aid?proof=pending&payerOrgId=${chairOrg.id}&pageSize=200`)).json();
    expect(pending.items.map((x: { id: string }) => x.id)).toContain(id);
    expect(pending.items.every((x: { proofStatus: string }) => x.proofStatus === 'pending')).toBe(true);
    expect(pending.items.find((x: { id: string }) => x.id === id)).toMatchObject({ proofPendingDays: 0, method: 'goods' });
    const complete = (await district.get(`/api/hardship/aid?proof=complete&payerOrgId=${chairOrg.id}&pageSize=200`)).json();
    expect(complete.items.map((x: { id: string }) => x.id)).not.toContain(id);
    // A bank record does not prove goods were handed over.
    expect((await chair.post(`/api/hardship/aid/${id}/receipt`, { kind: 'bank_record', data: pdfScan })).json().code).toBe('PROOF_KIND_MISMATCH');
    const later = await chair.post(`/api/hardship/aid/${id}/receipt`, { kind: 'signed_roster', data: jpeg });
    expect(later.statusCode, later.body).toBe(200);
    expect((await chair.get(`/api/hardship/aid?fileId=${fid}&proof=pending`)).json().items.map((x: { id: string }) => x.id)).not.toContain(id);
    const [audit] = await q<{ changes: Record<string, unknown> }>(
      sql`SELECT changes FROM audit_log WHERE action = 'hardship.aid_receipt' AND changes ->> 'aidId' = ${id}`,
    );
    expect(audit!.changes).toMatchObject({ receipt: 'signed_roster', proofStatus: { from: 'pending', to: 'complete' } });
    expect((await chair.post(`/api/hardship/aid/${id}/receipt`, { kind: 'signed_roster', data: jpeg })).statusCode).toBe(409);
  });

  it('after 30 days without proof the paying union is warned; the proof closes the warning', async () => {
    const old = await pay({ method: 'cash', paidOn: `${last}-06-01`, budgetId: lastBid });
    const fresh = await pay({ method: 'cash' });
    expect(old.statusCode, old.body).toBe(201);
    await scanWarnings(env.services.db);
    const raised = await q<{ dedup_key: string; org_id: string; rule: string; status: string; explanation: string }>(sql`
      SELECT dedup_key, org_id, rule, status, explanation FROM hardship_warning WHERE dedup_key IN (${'proof_missing:' + old.json().id}, ${'proof_missing:' + fresh.json().id})`);
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ dedup_key: 'proof_missing:' + old.json().id, rule: 'proof_missing', org_id: chairOrg.id, status: 'open' });
    expect(raised[0]!.explanation).toContain('超过 30 天');
    const listed = (await chair.get(`/api/hardship/warnings?rule=proof_missing&fileId=${fid}`)).json();
    expect(listed.total).toBe(1);
    await chair.post(`/api/hardship/aid/${old.json().id}/receipt`, { kind: 'signature', data: 'data:image/png;base64,' + png.toString('base64') });
    const [after] = await q<{ status: string; action_taken: string }>(
      sql`SELECT status, action_taken FROM hardship_warning WHERE dedup_key = ${'proof_missing:' + old.json().id}`,
    );
    expect(after).toMatchObject({ status: 'closed' });
    expect(after!.action_taken).toContain('已补交签领凭证');
  });

  it("a campaign's payments start 待补签领; its list and its roster show the missing ones and the proxies", async () => {
    const b = await admin.post('/api/hardship/budgets', { orgId: chairOrg.id, year, line: '凭证送温暖', allocatedFen: 100_000_000 });
    const made = await district.post('/api/hardship/campaigns', {
      name: '凭证测试慰问',
      kind: 'employment',
      method: 'goods',
      amountFen: 1_000,
      paidOn: today,
      budgetId: b.json().id,
      criteria: { tiers: ['deep'], underOrgId: chairOrg.id },
    });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id;
    const households = made.json().households as number;
    const listed = () => district.get(`/api/hardship/campaigns?year=${year}&pageSize=200`).then((r) => r.json().items.find((k: { id: string }) => k.id === id));
    expect(await listed()).toMatchObject({ method: 'goods', pendingProofs: households });
    // One payee signs through a proxy, with a photo of the signed roster.
    const rows = (await district.get(`/api/hardship/aid?campaignId=${id}&pageSize=200`)).json().items as { id: string }[];
    const proxied = await district.post(`/api/hardship/aid/${rows[0]!.id}/receipt`, {
      kind: 'signed_roster',
      data: jpeg,
      recipientKind: 'proxy',
      proxyName: '王五',
      proxyRelation: '女儿',
      proxyReason: '户主卧床',
    });
    expect(proxied.statusCode, proxied.body).toBe(200);
    expect(await listed()).toMatchObject({ pendingProofs: households - 1 });
    const xlsx = await district.get(`/api/hardship/campaigns/${id}/roster?format=xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const text: string[] = [];
    wb.worksheets[0]!.eachRow((row) => text.push((row.values as unknown[]).slice(1).map(String).join('|')));
    expect(text[1]).toContain(`待补签领：${households - 1} 户`);
    expect(text[2]).toContain('签领凭证');
    expect(text.filter((t) => t.includes('|待补签领|'))).toHaveLength(households - 1);
    expect(text.some((t) => t.includes('代领：王五（女儿；户主卧床）') && t.includes('凭证齐全'))).toBe(true);
  });
});
