import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, type TestClient, type TestEnv } from '../../../test/harness.js';
import { jobs, waitForImport } from './import.service.js';
import { recoverImports, storedFile } from './import.recovery.js';
import { csvOf, makeId, multipartBody } from './roster-fixtures.js';

/**
 * Crash recovery (docs/operations.md, "Crash recovery"): a batch a killed process left 'parsing' or
 * 'committing' is marked failed with the reason when the app starts, nothing of it is in the
 * registry, and the user restarts it from the same stored file to the counts a clean run gives.
 */
let env: TestEnv;
let admin: TestClient;
let orgId: string;
const q = <T = Record<string, unknown>>(s: ReturnType<typeof sql>) => env.services.database.query<T>(s);
const count = async (table: 'member' | 'membership_event' | 'import_row') =>
  (await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))[0]!.n;

beforeAll(async () => {
  env = await createTestEnv({ members: 300, hardship: 0 });
  admin = await env.login('admin');
  [{ id: orgId }] = (await q<{ id: string }>(sql`SELECT id FROM org WHERE level = 'grassroots' ORDER BY code DESC LIMIT 1`)) as [{ id: string }];
});
afterAll(async () => {
  await env?.close();
});

const ROWS = 60;
const GIVEN = '安宁平和顺静雅秀';
/** A name of letters only: 恢 + two characters spelling the number. */
const nameOf = (n: number) => `恢${GIVEN[n % 8]}${GIVEN[Math.floor(n / 8) % 8]}${GIVEN[Math.floor(n / 64) % 8]}`;
const roster = (from: number) =>
  csvOf(
    [
      ['姓名', '身份证号', '手机号码'],
      ...Array.from({ length: ROWS }, (_, i) => [nameOf(i + from), makeId('1991-02-03', from + i), `139${String(from + i).padStart(8, '0')}`]),
    ],
    'utf8',
  );

async function upload(content: Buffer) {
  const mp = multipartBody({ orgId }, { name: '名册.csv', content });
  const res = await admin.request('POST', '/api/member-imports', mp.body, { 'content-type': mp.contentType });
  expect(res.statusCode, res.body).toBe(202);
  const id: string = res.json().batchId;
  await waitForImport(id);
  return id;
}
const batch = async (id: string) => (await admin.get(`/api/member-imports/${id}`)).json();

describe('a batch left mid-commit by a killed process', () => {
  it('is marked failed at start with the reason, nothing committed, and restarts from the stored file to the full counts', async () => {
    const id = await upload(roster(100));
    expect(await batch(id)).toMatchObject({ status: 'preview', valid: ROWS, created: ROWS });
    expect(fs.existsSync(storedFile(env.services, id))).toBe(true);
    const before = { member: await count('member'), events: await count('membership_event') };

    // The process claimed the commit and died inside its transaction: the claim is all that is left
    // (the transaction's writes went with it), staging rows included.
    await q(sql`UPDATE import_batch SET status = 'committing', rows_done = 0 WHERE id = ${id}`);
    expect(jobs.has(id)).toBe(false);

    // The app starts.
    expect(await recoverImports(env.services)).toEqual([id]);
    const failed = await batch(id);
    expect(failed.status).toBe('failed');
    expect(failed.message).toContain('提交过程中服务中断');
    expect(failed.restartable).toBe(true);
    expect(failed.errors[0]).toMatchObject({ row: 0, code: 'IMPORT_INTERRUPTED' });
    expect(await count('member')).toBe(before.member);
    expect((await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM import_row WHERE batch_id = ${id}`))[0]!.n).toBe(0);
    // A second start finds nothing more to do.
    expect(await recoverImports(env.services)).toEqual([]);
    // Committing a failed batch is refused; restarting it is the way.
    expect((await admin.post(`/api/member-imports/${id}/commit`)).statusCode).toBe(409);

    const restarted = await admin.post(`/api/member-imports/${id}/restart`);
    expect(restarted.statusCode, restarted.body).toBe(202);
    await waitForImport(id);
    const preview = await batch(id);
    expect(preview).toMatchObject({ status: 'preview', total: ROWS, valid: ROWS, created: ROWS, rejected: 0, errorCount: 0 });
    expect((await admin.post(`/api/member-imports/${id}/commit`)).statusCode).toBe(202);
    await waitForImport(id);
    expect(await batch(id)).toMatchObject({ status: 'done', created: ROWS, updated: 0, unchanged: 0, rejected: 0, restartable: false });
    expect(await count('member')).toBe(before.member + ROWS);
    expect(await count('membership_event')).toBe(before.events + ROWS);
    // The stored file goes once the batch is done.
    expect(fs.existsSync(storedFile(env.services, id))).toBe(false);
    const actions = (await admin.get(`/api/member-imports/${id}/history`)).json().map((h: { action: string }) => h.action);
    expect(actions).toEqual(expect.arrayContaining(['member.import_interrupted', 'member.import_restart', 'member.import']));
  });

  it('a batch left parsing is failed the same way, and its restart gives the counts of a clean import', async () => {
    const id = await upload(roster(300));
    // As if the parse had been cut off: staged rows of half the file, status still 'parsing'.
    await q(sql`DELETE FROM import_row WHERE batch_id = ${id} AND row_no > ${ROWS / 2}`);
    await q(sql`UPDATE import_batch SET status = 'parsing', rows_done = ${ROWS / 2} WHERE id = ${id}`);
    await recoverImports(env.services);
    const failed = await batch(id);
    expect(failed).toMatchObject({ status: 'failed', restartable: true });
    expect(failed.message).toContain('解析过程中服务中断');
    expect((await admin.post(`/api/member-imports/${id}/restart`)).statusCode).toBe(202);
    await waitForImport(id);
    expect(await batch(id)).toMatchObject({ status: 'preview', total: ROWS, valid: ROWS, created: ROWS, rejected: 0 });
    // Only a failed batch restarts.
    expect((await admin.post(`/api/member-imports/${id}/restart`)).json().code).toBe('IMPORT_NOT_RESTARTABLE');
  });

  it('a failed batch whose stored file is gone says to upload again', async () => {
    const id = await upload(roster(500));
    await q(sql`UPDATE import_batch SET status = 'parsing' WHERE id = ${id}`);
    fs.rmSync(storedFile(env.services, id));
    await recoverImports(env.services);
    const failed = await batch(id);
    expect(failed).toMatchObject({ status: 'failed', restartable: false });
    expect(failed.message).toContain('请重新上传文件');
    const res = await admin.post(`/api/member-imports/${id}/restart`);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('请重新上传');
  });
});
