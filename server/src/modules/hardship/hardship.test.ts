import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness.js';
import { annualFor, ensureTestLine, fields, newIdNumber, openFile, orgOf, TEST_LINE_FEN, TEST_REGION } from './test-helpers.js';
import { CURRENT_CONSENT_VERSION } from '../../../../common/src/member-input.js';
import { todayInChina } from '../../../../common/src/dates.js';

/** Household files: tier computed by rule, the workflow (check → N review levels → filed → reassess → exit → relapse), public routes, rules as data. */
let env: TestEnv;
let admin: TestClient;
let district: TestClient;
let chair: TestClient;
let street: TestClient;
let chairOrg: { id: string; path: string; parent_id: string };
const q = <T>(s: ReturnType<typeof sql>) => env.services.database.query<T>(s);
const audits = async (action: string, entityId: string) =>
  (await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action} AND entity_id = ${entityId}`))[0]!.n;

beforeAll(async () => {
  env = await createTestEnv();
  admin = await env.login('admin');
  district = await env.login('district');
  chair = await env.login('grassroots');
  chairOrg = await orgOf(env, 'grassroots');
  await ensureTestLine(admin);
  // A street-level reviewer for level 1 (the chair's union sits under a street under D01).
  const [role] = await q<{ id: string }>(sql`SELECT id FROM role WHERE code = 'federation_admin'`);
  const made = await admin.post('/api/users', {
    username: 'streetcadre',
    displayName: '街道工会干部',
    orgId: chairOrg.parent_id,
    roleIds: [role!.id],
    password: 'Street#2026a',
  });
  expect(made.statusCode, made.body).toBe(201);
  const first = (await env.signIn('streetcadre', 'Street#2026a')).client!;
  expect((await first.post('/api/auth/password', { currentPassword: 'Street#2026a', newPassword: 'Street#2026ab' })).statusCode).toBe(200);
  street = await env.login('streetcadre', 'Street#2026ab');
}, 600_000);
afterAll(async () => {
  await env?.close();
});

describe('a file: the tier is computed by rule and shown with its computation', () => {
  it('opening a file computes the tier from the figures and the line (never typed)', async () => {
    const made = await openFile(chair, chairOrg.id, { annualIncomeFen: annualFor(TEST_LINE_FEN, 3) - 1 });
    expect(made).toMatchObject({ status: 'applied', tier: 'deep' });
    const d = (await chair.get(`/api/hardship/files/${made.id}`)).json();
    expect(d.householdSize).toBe(3);
    expect(d.tierSnapshot).toMatchObject({ tier: 'deep', ruleVersion: 'tiers-2021.1', line: { regionCode: TEST_REGION, monthlyFen: TEST_LINE_FEN } });
    expect(d.tierSnapshot.explanation).toContain('深度困难');
    expect(d.idMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(d.household[0].idMasked).toMatch(/\*{8}/);
    expect(d.household[1].idMasked).toBeNull();
    expect(JSON.stringify(d)).not.toMatch(/id_?cipher|idIndex/i);
    const [row] = await q<{ id_cipher: string }>(sql`SELECT id_cipher FROM hardship_file WHERE id = ${made.id}`);
    expect(row!.id_cipher).toMatch(/^v1\./);
  });

  it('a tier field in the body is refused; changing the income re-evaluates it', async () => {
    const made = await openFile(chair, chairOrg.id, { annualIncomeFen: annualFor(TEST_LINE_FEN * 2, 3) });
    expect(made.tier).toBeNull();
    const typed = await chair.put(`/api/hardship/files/${made.id}`, { fields: { ...fields(), tier: 'deep' }, version: 1 });
    expect(typed.statusCode).toBe(400);
    const upd = await chair.put(`/api/hardship/files/${made.id}`, { fields: fields({ annualIncomeFen: annualFor(TEST_LINE_FEN * 2, 3) - 1 }), version: 1 });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json()).toMatchObject({ tier: 'relative', version: 2 });
    const stale = await chair.put(`/api/hardship/files/${made.id}`, { fields: fields(), version: 1 });
    expect(stale.statusCode).toBe(409);
  });

  it('one live file per person', async () => {
    const id = newIdNumber();
    await openFile(chair, chairOrg.id, {}, id);
    const again = await chair.post('/api/hardship/files', { orgId: chairOrg.id, idNumber: id, fields: fields() });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('HARDSHIP_FILE_EXISTS');
    // Someone with a file in the sibling district: refused without naming that union or file.
    const [d02] = await q<{ id_cipher: string; file_no: string }>(sql`
      SELECT f.id_cipher, f.file_no FROM hardship_file f JOIN org o ON o.id = f.org_id
      WHERE o.path LIKE (SELECT path || '%' FROM org WHERE code = 'D02') AND f.status = 'filed' ORDER BY f.file_no LIMIT 1`);
    const other = await chair.post('/api/hardship/files', { orgId: chairOrg.id, idNumber: env.services.keys.decrypt(d02!.id_cipher), fields: fields() });
    expect(other.json().code).toBe('HARDSHIP_FILE_EXISTS');
    expect(other.body).not.toContain(d02!.file_no);
  });

  it('a change of the line re-evaluates the files that use it', async () => {
    await admin.post('/api/hardship/rules/lines', { regionCode: '439998', effectiveFrom: '2020-01-01', monthlyFen: 100_000, source: '测试' });
    const made = await openFile(chair, chairOrg.id, { regionCode: '439998', annualIncomeFen: annualFor(110_000, 3) });
    expect(made.tier).toBe('relative');
    const rules = (await admin.get('/api/hardship/rules')).json();
    const line = rules.lines.find((l: { regionCode: string }) => l.regionCode === '439998');
    const changed = await admin.put(`/api/hardship/rules/lines/${line.id}`, { monthlyFen: 120_000, source: '测试（上调）', version: line.version });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().reevaluated).toBeGreaterThanOrEqual(1);
    expect((await chair.get(`/api/hardship/files/${made.id}`)).json()).toMatchObject({ tier: 'deep', tierSnapshot: { line: { monthlyFen: 120_000 } } });
    // A new line from a later date takes over when it comes into force (today here).
    const later = await admin.post('/api/hardship/rules/lines', {
      regionCode: '439998',
      effectiveFrom: todayInChina(),
      monthlyFen: 50_000,
      source: '测试（年中调整）',
    });
    expect(later.statusCode, later.body).toBe(201);
    expect((await chair.get(`/api/hardship/files/${made.id}`)).json().tier).toBeNull();
  });

  it('rule data is city-wide: a district administrator may not change it', async () => {
    const res = await district.post('/api/hardship/rules/lines', { regionCode: '439902', effectiveFrom: '2027-01-01', monthlyFen: 90_000, source: '越权' });
    expect(res.statusCode).toBe(403);
    const caps = (await district.get('/api/hardship/rules')).json().caps;
    expect(caps.map((c: { rule: string; amountFen: number | null }) => [c.rule, c.amountFen])).toEqual(
      expect.arrayContaining([
        ['per_payment', 200_000],
        ['per_person_year', 220_000],
      ]),
    );
    expect(caps.every((c: { weak: boolean }) => c.weak)).toBe(true);
  });
});

describe('the workflow', () => {
  it('check by the grassroots union, review level 1 (street) and 2 (district), filed, reassessed, exited, relapsed', async () => {
    const made = await openFile(chair, chairOrg.id, { annualIncomeFen: annualFor(60_000, 3) });
    const id = made.id;
    expect((await chair.post(`/api/hardship/files/${id}/review`, { approve: true })).statusCode).toBe(403); // chair lacks hardship.review
    const checked = await chair.post(`/api/hardship/files/${id}/check`, { approve: true, note: '入户核实属实' });
    expect(checked.json()).toMatchObject({ status: 'reviewing' });
    expect((await chair.get(`/api/hardship/files/${id}`)).json()).toMatchObject({
      reviewLevelsRequired: 2,
      reviewLevelsDone: 0,
      nextReviewLevelOrg: { id: chairOrg.parent_id, level: 1 },
    });
    // Level 1 belongs to the street; the district may act for it; a level is never skipped.
    // The detail names the steps each caller may take: the chair none now, the street its level.
    expect((await chair.get(`/api/hardship/files/${id}`)).json().actions).toEqual([]);
    expect((await street.get(`/api/hardship/files/${id}`)).json().actions).toEqual(['review', 'reject']);
    const l1 = await street.post(`/api/hardship/files/${id}/review`, { approve: true, note: '复核通过' });
    expect(l1.json()).toMatchObject({ status: 'reviewing' });
    expect((await street.get(`/api/hardship/files/${id}`)).json().actions).toEqual([]);
    expect((await district.get(`/api/hardship/files/${id}`)).json().actions).toEqual(['review', 'reject']);
    expect((await street.post(`/api/hardship/files/${id}/review`, { approve: true })).json().code).toBe('NOT_THIS_LEVEL');
    const l2 = await district.post(`/api/hardship/files/${id}/review`, { approve: true, note: '审核通过' });
    expect(l2.json()).toMatchObject({ status: 'filed', tier: 'deep' });
    const filed = (await chair.get(`/api/hardship/files/${id}`)).json();
    expect(filed.events.map((e: { kind: string }) => e.kind)).toEqual(['opened', 'checked', 'reviewed', 'reviewed', 'filed']);
    expect(filed.nextReviewDue > todayInChina()).toBe(true);
    expect(filed.actions).toEqual(['reassess', 'exit']);
    // The re-assessment date is a tracked deadline, ended by the exit below.
    expect(
      await q<{ due_on: string }>(sql`SELECT due_on::text FROM tracked_deadline WHERE entity = 'hardship_file' AND entity_id = ${id} AND closed_at IS NULL`),
    ).toEqual([{ due_on: filed.nextReviewDue }]);

    const re = await chair.post(`/api/hardship/files/${id}/reassess`, { note: '年度复核' });
    expect(re.json()).toMatchObject({ status: 'filed', suggestExit: false });

    const ex = await chair.post(`/api/hardship/files/${id}/exit`, { reason: 'employment', note: '实现稳定就业', annualIncomeFen: annualFor(250_000, 3) });
    expect(ex.statusCode, ex.body).toBe(200);
    expect(ex.json().plannedVisits).toHaveLength(4);
    const exited = (await chair.get(`/api/hardship/files/${id}`)).json();
    expect(exited).toMatchObject({ status: 'exited', exitReason: 'employment', annualIncomeFen: annualFor(250_000, 3), exitSnapshot: { tier: null } });
    const planned = exited.visits.filter((v: { kind: string }) => v.kind === 'follow_up');
    const visit = await chair.post(`/api/hardship/files/${id}/visits`, {
      kind: 'follow_up',
      visitedOn: todayInChina(),
      visitor: '王干事',
      findings: '收入稳定',
      plannedVisitId: planned[0].id,
    });
    expect(visit.statusCode, visit.body).toBe(201);
    expect((await chair.get(`/api/hardship/files/${id}`)).json().visits.filter((v: { visitedOn: string | null }) => v.visitedOn)).toHaveLength(1);

    // A relapse is evaluated on the current figures: the income at exit (2,500 yuan a person) does not qualify.
    const refused = await chair.post(`/api/hardship/files/${id}/relapse`, { note: '再次失业' });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json()).toMatchObject({
      status: 'exited',
      eligible: false,
      relapseCount: 0,
      perCapitaMonthlyFen: 250_000,
      lineMonthlyFen: TEST_LINE_FEN,
      monitoringUntil: ex.json().monitoringUntil,
    });
    expect(refused.json().summary).toContain('人均月收入 2,500.00 元，不低于低保标准 1,000.00 元/人·月的 2 倍（2,000.00 元）');
    const still = (await chair.get(`/api/hardship/files/${id}`)).json();
    expect(still).toMatchObject({ status: 'exited', relapseCount: 0 });
    expect(still.visits.filter((v: { visitedOn: string | null }) => !v.visitedOn)).toHaveLength(3);
    expect(still.events.at(-1)).toMatchObject({ kind: 'relapse_refused' });
    expect(still.events.at(-1).note).toContain('2,500.00');

    // With the income the household has now, it qualifies: back to the check and review, not filed at once.
    const rel = await chair.post(`/api/hardship/files/${id}/relapse`, { note: '再次失业', annualIncomeFen: annualFor(50_000, 3) });
    expect(rel.json()).toMatchObject({ status: 'applied', eligible: true, relapseCount: 1, tier: 'deep' });
    const again = (await chair.get(`/api/hardship/files/${id}`)).json();
    expect(again).toMatchObject({ status: 'applied', relapseCount: 1, fileNo: made.fileNo, actions: ['check', 'reject'] });
    expect(again.events.map((e: { kind: string }) => e.kind).slice(0, 5)).toEqual(['opened', 'checked', 'reviewed', 'reviewed', 'filed']);
    expect((await chair.post(`/api/hardship/files/${id}/check`, { approve: true, note: '返困核实属实' })).json()).toMatchObject({ status: 'reviewing' });
    await street.post(`/api/hardship/files/${id}/review`, { approve: true });
    expect((await district.post(`/api/hardship/files/${id}/review`, { approve: true })).json()).toMatchObject({ status: 'filed', tier: 'deep' });
    const after = (await chair.get(`/api/hardship/files/${id}`)).json();
    expect(after).toMatchObject({ relapseCount: 1, monitoringUntil: null });
    expect(after.visits.filter((v: { visitedOn: string | null }) => !v.visitedOn)).toHaveLength(0);
    for (const a of ['hardship.create', 'hardship.check', 'hardship.review', 'hardship.reassess', 'hardship.exit', 'hardship.visit', 'hardship.relapse']) {
      expect(await audits(a, id), a).toBeGreaterThan(0);
    }
    // The file's history is its audit entries, newest first.
    const history = (await chair.get(`/api/hardship/files/${id}/history`)).json();
    expect(history.map((e: { action: string }) => e.action).slice(0, 6)).toEqual([
      'hardship.review',
      'hardship.review',
      'hardship.check',
      'hardship.relapse',
      'hardship.relapse',
      'hardship.visit',
    ]);
  });

  it('a relapse application refused at the check goes back to monitoring, not to a closed file', async () => {
    const made = await openFile(chair, chairOrg.id, { annualIncomeFen: annualFor(60_000, 3) });
    await chair.post(`/api/hardship/files/${made.id}/check`, { approve: true });
    await street.post(`/api/hardship/files/${made.id}/review`, { approve: true });
    await district.post(`/api/hardship/files/${made.id}/review`, { approve: true });
    const ex = await chair.post(`/api/hardship/files/${made.id}/exit`, { reason: 'income_up' });
    const rel = await chair.post(`/api/hardship/files/${made.id}/relapse`, { note: '家人患病' });
    expect(rel.json()).toMatchObject({ status: 'applied', eligible: true });
    const no = await chair.post(`/api/hardship/files/${made.id}/check`, { approve: false, note: '入户核实收入已恢复' });
    expect(no.json()).toMatchObject({ status: 'exited' });
    const d = (await chair.get(`/api/hardship/files/${made.id}`)).json();
    expect(d).toMatchObject({ status: 'exited', monitoringUntil: ex.json().monitoringUntil, relapseCount: 1, rejectReason: null });
    expect(d.actions).toContain('relapse');
  });

  it('a household that does not qualify cannot pass the check; a rejection needs a reason', async () => {
    const made = await openFile(chair, chairOrg.id, { annualIncomeFen: annualFor(300_000, 3) });
    expect((await chair.post(`/api/hardship/files/${made.id}/check`, { approve: true })).json().code).toBe('HARDSHIP_NOT_ELIGIBLE');
    expect((await chair.post(`/api/hardship/files/${made.id}/check`, { approve: false })).statusCode).toBe(400);
    expect((await chair.post(`/api/hardship/files/${made.id}/check`, { approve: false, note: '收入超标' })).json().status).toBe('rejected');
    const rejected = (await chair.get(`/api/hardship/files/${made.id}`)).json();
    expect(rejected).toMatchObject({ rejectReason: '收入超标', actions: [], can: { edit: false } });
    expect((await chair.post(`/api/hardship/files/${made.id}/check`, { approve: true })).json().code).toBe('WRONG_STATUS');
  });

  it('a review level refuses with the reason; the re-assessment date starts only when the file is filed', async () => {
    const made = await openFile(chair, chairOrg.id, { annualIncomeFen: annualFor(60_000, 3) });
    expect((await chair.post(`/api/hardship/files/${made.id}/check`, { approve: true })).json().status).toBe('reviewing');
    expect((await chair.get(`/api/hardship/files/${made.id}`)).json().nextReviewDue).toBeNull();
    const bare = await street.post(`/api/hardship/files/${made.id}/review`, { approve: false });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().details.fields[0].path).toBe('body.note');
    expect((await street.post(`/api/hardship/files/${made.id}/review`, { approve: false, note: '材料不全' })).json().status).toBe('rejected');
    const d = (await chair.get(`/api/hardship/files/${made.id}`)).json();
    expect(d).toMatchObject({ status: 'rejected', rejectReason: '材料不全', nextReviewDue: null });
    expect(d.events.at(-1)).toMatchObject({ kind: 'rejected', level: 1 });
    expect(await audits('hardship.reject', made.id)).toBe(1);
  });

  it('unmask reveals worker and household ID numbers and is audited', async () => {
    const id = newIdNumber();
    const made = await openFile(chair, chairOrg.id, {}, id);
    expect((await chair.post(`/api/hardship/files/${made.id}/unmask`)).statusCode).toBe(403);
    const res = await district.post(`/api/hardship/files/${made.id}/unmask`);
    expect(res.json()).toMatchObject({ idNumber: id, mobile: '13800138000' });
    expect(res.json().household[0].idNumber).toMatch(/^439902/);
    expect(await audits('hardship.unmask', made.id)).toBe(1);
  });
});

describe('attachments (type by content, size checked)', () => {
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]);
  it('accepts a PNG, refuses a renamed text file and an oversized scan', async () => {
    const made = await openFile(chair, chairOrg.id);
    const ok = await chair.post(`/api/hardship/files/${made.id}/attachments`, { kind: 'income_proof', fileName: '收入证明.png', data: png.toString('base64') });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ mime: 'image/png', size: 108 });
    const dl = await chair.get(`/api/hardship/attachments/${ok.json().id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('image/png');
    expect(Buffer.from(dl.rawPayload).equals(png)).toBe(true);
    const fake = await chair.post(`/api/hardship/files/${made.id}/attachments`, {
      kind: 'other',
      fileName: 'x.pdf',
      data: Buffer.from('hello').toString('base64'),
    });
    expect(fake.statusCode).toBe(415);
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5 * 1024 * 1024)]);
    const tooBig = await chair.post(`/api/hardship/files/${made.id}/attachments`, { kind: 'other', fileName: 'big.pdf', data: big.toString('base64') });
    expect(tooBig.statusCode).toBe(413);
    expect((await chair.request('DELETE', `/api/hardship/attachments/${ok.json().id}`)).statusCode).toBe(200);
  });
});

describe('public routes', () => {
  it('self-check computes a tier and stores nothing', async () => {
    const before = await q<{ n: number }>(sql`SELECT (SELECT count(*) FROM hardship_file)::int + (SELECT count(*) FROM audit_log)::int AS n`);
    const res = await env
      .anonymous()
      .post('/api/hardship/self-check', { regionCode: TEST_REGION, householdSize: 2, annualIncomeFen: annualFor(TEST_LINE_FEN, 2) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ stored: false, result: { tier: 'relative', ratioPermille: 1000 } });
    expect(res.json().nextSteps.length).toBeGreaterThan(0);
    const after = await q<{ n: number }>(sql`SELECT (SELECT count(*) FROM hardship_file)::int + (SELECT count(*) FROM audit_log)::int AS n`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('a worker applies online with consent; the union sees it as applied', async () => {
    const body = {
      orgId: chairOrg.id,
      idNumber: newIdNumber(),
      mobile: '13900139000',
      fields: fields({ annualIncomeFen: annualFor(50_000, 3) }),
      consent: { version: CURRENT_CONSENT_VERSION, accepted: true },
    };
    expect((await env.anonymous().post('/api/hardship/apply', { ...body, consent: { version: CURRENT_CONSENT_VERSION, accepted: false } })).statusCode).toBe(
      400,
    );
    const res = await env.anonymous().post('/api/hardship/apply', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'applied', tier: 'deep' });
    const list = (await chair.get(`/api/hardship/files?q=${res.json().fileNo}`)).json();
    expect(list.items[0]).toMatchObject({ status: 'applied', tier: 'deep' });
    const again = await env.anonymous().post('/api/hardship/apply', body);
    expect(again.json().code).toBe('HARDSHIP_FILE_EXISTS');
    expect(again.body).not.toContain(res.json().fileNo); // the public learns no union and no file number
  });

  it('meta lists the vocabularies', async () => {
    const m = (await env.anonymous().get('/api/hardship/meta')).json();
    expect(m.tiers.map((t: { code: string }) => t.code)).toEqual(['deep', 'relative', 'accident']);
  });
});
