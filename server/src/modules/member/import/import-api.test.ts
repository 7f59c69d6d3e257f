import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from '../../../platform/exceljs.js';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness.js';
import { waitForImport } from './import.service.js';
import { makeId, multipartBody, xlsxOf } from './roster-fixtures.js';

/** The import API around the pipeline: scope, permissions, template, cancel, upload limits. */

let env: TestEnv;
let admin: TestClient;
let district: TestClient;
let chair: TestClient;
let ids: { a: string; b: string; d01: string; chairOrg: string };
const q = <T = Record<string, unknown>>(s: ReturnType<typeof sql>) => env.services.database.query<T>(s);

beforeAll(async () => {
  process.env.GONGHUI_IMPORT_MAX_MB = '1';
  env = await createTestEnv();
  delete process.env.GONGHUI_IMPORT_MAX_MB;
  [admin, district, chair] = await Promise.all([env.login('admin'), env.login('district'), env.login('grassroots')]);
  const pick = async (code: string) =>
    (
      await q<{ id: string }>(
        sql`SELECT o.id FROM org o JOIN org d ON o.path LIKE d.path || '%' WHERE d.code = ${code} AND o.level = 'grassroots' ORDER BY o.code LIMIT 1`,
      )
    )[0]!.id;
  const [d01] = await q<{ id: string }>(sql`SELECT id FROM org WHERE code = 'D01'`);
  const [chairOrg] = await q<{ id: string }>(sql`SELECT org_id AS id FROM app_user WHERE username = 'grassroots'`);
  ids = { a: await pick('D01'), b: await pick('D02'), d01: d01!.id, chairOrg: chairOrg!.id };
});
afterAll(async () => {
  await env?.close();
});

const roster = () =>
  xlsxOf(
    [
      ['姓名', '身份证号'],
      ['韩梅', makeId('1994-10-10', 2)],
    ],
    { textColumns: [2] },
  );

async function upload(client: TestClient, orgId: string, content: Buffer, name = 'r.xlsx') {
  const mp = multipartBody({ orgId }, { name, content });
  return client.request('POST', '/api/member-imports', mp.body, { 'content-type': mp.contentType });
}

describe('scope', () => {
  let batchB: string;
  beforeAll(async () => {
    const res = await upload(admin, ids.b, await roster());
    batchB = res.json().batchId;
    await waitForImport(batchB);
  });

  it('a district cadre of D01 cannot import into a union of D02 (looks missing)', async () => {
    const res = await upload(district, ids.b, await roster());
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
    const [n] = await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM import_batch WHERE org_id = ${ids.b}`);
    expect(n!.n).toBe(1); // only the administrator's batch
  });

  it('nor read, download, commit or cancel a D02 batch', async () => {
    for (const [m, url] of [
      ['GET', ''],
      ['GET', '/history'],
      ['GET', '/errors.xlsx'],
      ['POST', '/commit'],
      ['POST', '/cancel'],
    ] as const) {
      const res = await district.request(m, `/api/member-imports/${batchB}${url}`, m === 'POST' ? {} : undefined);
      expect(res.statusCode, `${m} ${url}`).toBe(404);
    }
    const list = (await district.get('/api/member-imports')).json();
    expect(list.items.map((b: { id: string }) => b.id)).not.toContain(batchB);
    expect((await admin.get('/api/member-imports')).json().items.map((b: { id: string }) => b.id)).toContain(batchB);
    expect((await admin.get(`/api/member-imports/${batchB}/history`)).statusCode).toBe(200);
  });

  it('a grassroots chair imports into their own union only', async () => {
    expect((await upload(chair, ids.chairOrg, await roster())).statusCode).toBe(202);
    expect((await upload(chair, ids.b, await roster())).statusCode).toBe(404);
  });

  it('only grassroots unions take rosters', async () => {
    const res = await upload(district, ids.d01, await roster());
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('基层工会');
  });

  it('a user without member.import is refused', async () => {
    const worker = await env.login('worker');
    expect((await upload(worker, ids.chairOrg, await roster())).statusCode).toBe(403);
    expect((await worker.get('/api/member-imports/template.xlsx')).statusCode).toBe(403);
  });
});

describe('upload', () => {
  it('refuses a file over the limit with a clear 413', async () => {
    const big = Buffer.alloc(1024 * 1024 + 10, 0x41);
    const res = await upload(admin, ids.a, big, 'big.csv');
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect(res.json().message).toContain('1 MB');
  });

  it('asks for the file and the union', async () => {
    const mp = multipartBody({}, { name: 'r.xlsx', content: await roster() });
    const res = await admin.request('POST', '/api/member-imports', mp.body, { 'content-type': mp.contentType });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('orgId');
    expect((await admin.post('/api/member-imports', { orgId: ids.a })).statusCode).toBe(400);
  });

  it('an old .xls file fails as a whole with advice', async () => {
    const res = await upload(admin, ids.a, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), '名册.xls');
    await waitForImport(res.json().batchId);
    const b = (await admin.get(`/api/member-imports/${res.json().batchId}`)).json();
    expect(b).toMatchObject({ status: 'failed', errors: [{ row: 0, code: 'FILE_XLS' }] });
    expect(b.message).toContain('.xlsx');
  });
});

describe('cancel and progress', () => {
  it('cancels a previewed batch and drops its staging rows', async () => {
    const id = (await upload(admin, ids.a, await roster())).json().batchId;
    await waitForImport(id);
    const detail = (await admin.get(`/api/member-imports/${id}`)).json();
    expect(detail).toMatchObject({ status: 'preview', rowsDone: 1, total: 1 });
    expect(typeof detail.rate).toBe('number');
    expect((await admin.post(`/api/member-imports/${id}/cancel`)).statusCode).toBe(200);
    const [s] = await q<{ status: string; n: number }>(
      sql`SELECT status, (SELECT count(*)::int FROM import_row WHERE batch_id = ${id}) AS n FROM import_batch WHERE id = ${id}`,
    );
    expect(s).toEqual({ status: 'cancelled', n: 0 });
    expect((await admin.post(`/api/member-imports/${id}/commit`)).statusCode).toBe(409);
  });
});

describe('template', () => {
  it('has the expected columns, the ID column as text, drop-down lists and instructions', async () => {
    const res = await chair.get('/api/member-imports/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['会员名册', '选项', '填写说明']);
    const ws = wb.getWorksheet('会员名册')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['姓名', '身份证号', '手机号码']);
    expect(ws.getColumn(2).numFmt).toBe('@');
    const validations = (ws as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model;
    const lists = Object.values(validations).map((v) => v.formulae[0]);
    expect(lists).toContain('"男,女"');
    expect(lists.some((f) => f?.startsWith('选项!'))).toBe(true);
    const guide = wb.getWorksheet('填写说明')!;
    const text: string[] = [];
    guide.eachRow((r) => text.push((r.values as unknown[]).join(' ')));
    expect(text.join('\n')).toContain('文本格式');
  });
});
