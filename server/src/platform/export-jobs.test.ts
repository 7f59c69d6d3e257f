import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../test/harness.js';

/** Exports in the background: progress, the finished file, and nobody else's jobs. */
let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ members: 1200, hardship: 10 });
});
afterAll(async () => {
  await env?.close();
});

async function until<T>(f: () => Promise<T>, ok: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = await f();
    if (ok(v)) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out');
}

describe('a roster export in the background', () => {
  it('runs while the user works, reports its rows, and offers the same file the direct download gives', async () => {
    const admin = await env.login('admin');
    const direct = await admin.get('/api/members/export?format=csv&status=active');
    const started = await admin.post('/api/exports', { kind: 'members', query: { format: 'csv', status: 'active' } });
    expect(started.statusCode, started.body).toBe(202);
    const job = started.json();
    expect(job).toMatchObject({ kind: 'members', status: 'running', rows: Number(direct.headers['x-total-count']) });
    const done = await until(
      async () => (await admin.get(`/api/exports/${job.id}`)).json(),
      (j) => j.status !== 'running',
    );
    expect(done).toMatchObject({ status: 'done', rowsDone: job.rows, fileName: expect.stringMatching(/^会员名册-\d{8}\.csv$/) });
    const file = await admin.get(`/api/exports/${job.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toContain('filename*=UTF-8');
    expect(file.body.trim().split('\n')).toHaveLength(job.rows + 1);
    expect(file.body).toBe(direct.body);
    expect((await admin.get('/api/exports')).json().map((j: { id: string }) => j.id)).toContain(job.id);
  });

  it('is its owner’s only, needs the export permission, and refuses bad filters and unknown kinds', async () => {
    const admin = await env.login('admin');
    const job = (await admin.post('/api/exports', { kind: 'members', query: { format: 'xlsx' } })).json();
    const district = await env.login('district');
    expect((await district.get(`/api/exports/${job.id}`)).statusCode).toBe(404);
    expect((await district.get(`/api/exports/${job.id}/file`)).statusCode).toBe(404);
    expect((await district.get('/api/exports')).json().map((j: { id: string }) => j.id)).not.toContain(job.id);
    const worker = await env.login('worker');
    expect((await worker.post('/api/exports', { kind: 'members', query: {} })).statusCode).toBe(403);
    const bad = await admin.post('/api/exports', { kind: 'members', query: { joinFrom: '0000-01-01' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('joinFrom');
    expect((await admin.post('/api/exports', { kind: 'nothing', query: {} })).statusCode).toBe(400);
    await until(
      async () => (await admin.get(`/api/exports/${job.id}`)).json(),
      (j) => j.status !== 'running',
    );
  });
});
