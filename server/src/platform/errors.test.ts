import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestClient, type TestEnv } from '../test/harness.js';

/**
 * Bad input is the caller's problem and says so in both languages; it never becomes a 500. The
 * fuzz section throws junk at every registered route, so new routes are fuzzed too.
 */

let env: TestEnv;
let admin: TestClient;

beforeAll(async () => {
  env = await createTestEnv();
  admin = await env.login('admin');
});
afterAll(async () => {
  await env?.close();
});

const json = { 'content-type': 'application/json' };

describe('input errors', () => {
  it('an unknown field is refused with VALIDATION_FAILED in Chinese and English', async () => {
    const res = await admin.post('/api/auth/password', { currentPassword: 'Gonghui@2026', newPassword: 'Other#2026aa', isAdmin: true });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toMatch(/^输入有误：body 出现未知的键\(key\): "isAdmin"/);
    expect(body.messageEn).toBe('Invalid input: body Unrecognized key: "isAdmin"');
    expect(body.details.fields).toEqual([{ path: 'body', message: '出现未知的键(key): "isAdmin"', messageEn: 'Unrecognized key: "isAdmin"' }]);
  });

  it('names the field of a wrong type, and keeps the messages a schema writes itself', async () => {
    const res = await admin.post('/api/auth/password', { currentPassword: 12345, newPassword: 'Other#2026aa' });
    expect(res.json().details.fields).toEqual([
      { path: 'body.currentPassword', message: '无效输入：期望 string，实际接收 数字', messageEn: 'Invalid input: expected string, received number' },
    ]);
    const own = await admin.post('/api/auth/login/totp', { code: '12ab' });
    expect(own.json().details.fields[0]).toMatchObject({ path: 'body.code', message: '动态验证码为6位数字' });
  });

  it('a malformed id in the path is a 400 naming the parameter', async () => {
    const res = await admin.get('/api/orgs/not-a-uuid');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { fields: [{ path: 'params.id', message: '编号格式不正确', messageEn: 'malformed id' }] },
    });
  });

  it('malformed or empty JSON is INVALID_JSON; prototype pollution is refused', async () => {
    for (const payload of ['{"username": "admin",', '', '{"__proto__": {"admin": true}}']) {
      const res = await admin.request('POST', '/api/orgs', payload, json);
      expect(res.statusCode, payload).toBe(400);
      expect(res.json(), payload).toMatchObject({ code: 'INVALID_JSON', message: '请求内容不是有效的 JSON' });
    }
    const ctor = await admin.request('POST', '/api/auth/login', '{"username":"a","password":"b","constructor":{"prototype":{"x":1}}}', json);
    expect(ctor.statusCode).toBe(400);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('an unsupported content type is 415', async () => {
    const res = await admin.request('POST', '/api/orgs', '<org/>', { 'content-type': 'application/xml' });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('a body over 1 MiB is 413 BODY_TOO_LARGE, signed in or not', async () => {
    const big = JSON.stringify({ username: 'x'.repeat(1024 * 1024), password: 'x' });
    for (const client of [admin, env.anonymous()]) {
      const res = await client.request('POST', '/api/auth/login', big, json);
      expect(res.statusCode).toBe(413);
      expect(res.json()).toEqual({ code: 'BODY_TOO_LARGE', message: '提交的数据过大', messageEn: 'The request body is too large' });
    }
  });

  it('NUL characters are refused as bad input (PostgreSQL text cannot hold them)', async () => {
    const login = await env.anonymous().post('/api/auth/login', { username: 'admin\u0000', password: 'x' });
    expect(login.statusCode).toBe(400);
    expect(login.json()).toMatchObject({ code: 'INVALID_INPUT', message: '输入包含不允许的字符（NUL 控制字符或不完整的 Unicode 代理项）' });
    for (const url of ['/api/orgs?q=%00', '/api/users?q=a%00b', '/api/audit?actor=%00', '/api/orgs/tree/search?q=%00']) {
      expect((await admin.get(url)).statusCode, url).toBe(400);
    }
    expect((await admin.post('/api/roles', { code: 'nul_role', name: '角色\u0000', permissions: [], scopeKind: 'own' })).statusCode).toBe(400);
  });

  it('an unknown route is a JSON 404, for any method and caller', async () => {
    for (const [client, method, url] of [
      [admin, 'GET', '/api/nothing-here'],
      [admin, 'DELETE', '/api/orgs'],
      [env.anonymous(), 'POST', '/api/nothing'],
      [env.anonymous(), 'GET', '/no-web-build-here'],
    ] as const) {
      const res = await client.request(method, url);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND', message: '接口不存在' });
    }
  });
});

describe('fuzz: junk never makes a 500', () => {
  const huge = '鸡'.repeat(100_000);
  const junkValues: unknown[] = [null, 0, -1, 1e308, -0.5, true, '', ' ', huge, '\u202e\ud83d\ude00', [], [null], {}, { $gt: '' }, ['a', 1, {}]];
  const fieldNames = [
    'id',
    'name',
    'code',
    'level',
    'kind',
    'parentId',
    'orgId',
    'version',
    'username',
    'displayName',
    'password',
    'currentPassword',
    'newPassword',
    'roleIds',
    'permissions',
    'scopeKind',
    'scopeOrgIds',
    'uscc',
    'termStart',
    'termYears',
    'employeeCount',
    'active',
    'code',
    'fields',
    'consent',
    'kind',
    'onDate',
    'reason',
    'token',
    'idNumber',
    'mobile',
  ];
  const pick = <T>(xs: T[], i: number) => xs[i % xs.length]!;
  /** Raw JSON bodies: scalars, arrays, known field names filled with junk, deep nesting, a huge string. */
  const bodies = (): string[] => [
    ...[null, 42, 'text', [1, 2, 3], {}].map((v) => JSON.stringify(v)),
    JSON.stringify(Object.fromEntries(fieldNames.map((f, i) => [f, pick(junkValues, i)]))),
    JSON.stringify(Object.fromEntries(fieldNames.map((f, i) => [f, pick(junkValues, i + 7)]))),
    JSON.stringify(Object.fromEntries(fieldNames.map((f) => [f, null]))),
    '['.repeat(5000) + ']'.repeat(5000),
    '{"a":'.repeat(3000) + '1' + '}'.repeat(3000),
    JSON.stringify({ name: huge, code: huge, username: huge, password: huge }),
  ];
  const queries = [
    '?page=-1&pageSize=1000000',
    '?page=abc',
    '?pageSize=1e9',
    `?q=${encodeURIComponent(huge.slice(0, 2000))}`,
    '?q=%25%5F%5C',
    '?sort=pg_sleep&order=sideways',
    '?under=not-a-uuid&parentId=1',
    '?active=maybe&level=galaxy',
    '?termStatus=expired&termStatus=due',
    '?q[]=1&q[]=2',
    '?q=%E0%A4%A',
    '?from=2026-02-30&to=0000-00-00',
    '?orgId=00000000-0000-0000-0000-000000000000',
    '?token=' + 'x'.repeat(600),
    '?minAge=-5&maxAge=1000&joinFrom=yesterday',
  ];
  const params = () => [crypto.randomUUID(), 'not-a-uuid', '00000000-0000-0000-0000-000000000000', '..%2F..%2Fetc%2Fpasswd', '%F0%9F%92%A9'];

  // Signing out would end the fuzzing session; it takes no input anyway.
  const skip = new Set(['POST /api/auth/logout']);

  it('every route answers below 500 to junk paths, queries and bodies', async () => {
    const failures: string[] = [];
    // HEAD runs the GET handler; docs are static files.
    const routes = env.routes.filter(
      (r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD' && !skip.has(`${r.method} ${r.url}`),
    );
    expect(routes.length).toBeGreaterThan(40);
    for (const r of routes) {
      const read = r.method === 'GET' || r.method === 'HEAD';
      const fill = (p: string) => r.url.replace(/:[A-Za-z0-9_]+/g, p);
      // Junk in the path alone, then every junk query or body on a well-formed (unknown) id.
      const requests: [string, string | undefined][] = r.url.includes(':')
        ? params().map((p) => [fill(p), read ? undefined : '{}'] as [string, string | undefined])
        : [];
      const url = fill(crypto.randomUUID());
      // Input a route does not declare never reaches it, so one try is enough there.
      if (read) for (const q of r.hasQuery ? queries : ['?junk=1']) requests.push([url + q, undefined]);
      else for (const b of r.hasBody ? bodies() : ['{"junk":1}']) requests.push([url, b]);
      for (const [url, body] of requests) {
        const res = await admin.request(r.method, url, body, body === undefined ? {} : json);
        if (res.statusCode >= 500) failures.push(`${r.method} ${url.slice(0, 120)} ${body?.slice(0, 80) ?? ''} → ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
    // The session survived the fuzzing: nothing above broke the server or signed us out.
    expect((await admin.get('/api/auth/me')).statusCode).toBe(200);
  }, 300_000);
});
