import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../test/harness.js';

/** Health probes, security headers and the metrics endpoint (docs/operations.md, "Health and metrics"). */
let env: TestEnv;
beforeAll(async () => {
  process.env.GONGHUI_METRICS_TOKEN = 'test-metrics-token';
  env = await createTestEnv({ members: 200, hardship: 10 });
});
afterAll(async () => {
  delete process.env.GONGHUI_METRICS_TOKEN;
  await env?.close();
});

describe('health probes', () => {
  it('answers liveness, and readiness with the database and the migration level', async () => {
    expect((await env.anonymous().get('/api/health/live')).json()).toEqual({ status: 'ok', checks: { process: 'ok' } });
    const ready = await env.anonymous().get('/api/health/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ok', checks: { database: 'ok', migrations: 'ok' } });
  });
});

describe('security headers', () => {
  it('sends a content security policy and the usual hardening headers on pages and API answers', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});

describe('metrics', () => {
  it('refuses without the token and serves Prometheus text with it', async () => {
    await env.anonymous().get('/api/orgs');
    expect((await env.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    expect((await env.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer wrong' } })).statusCode).toBe(401);
    const res = await env.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer test-metrics-token' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/gonghui_http_request_duration_seconds_count\{method="GET",route="\/api\/orgs",status="401"\} \d+/);
    expect(res.body).toContain('gonghui_db_pool_connections');
    expect(res.body).toContain('gonghui_process_resident_memory_bytes');
  });
});
