import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestEnv, statementsSent, type TestClient, type TestEnv } from '../../test/harness.js';
import { appUser, session, userRole } from '../user/user.schema.js';
import { ACTOR_CACHE_MS, invalidateActors } from './session.js';

/**
 * The per-process actor cache: a signed-in session's actor is reused for a few seconds,
 * but every security property still holds — a change made through this process (role removed,
 * permissions edited, user deactivated, logout) is refused on the very next request; a change made
 * elsewhere (another replica, the CLI, straight in the database) within ACTOR_CACHE_MS; session
 * expiry and idle timeout are checked on every request.
 */

let env: TestEnv;
let admin: TestClient;

beforeAll(async () => {
  env = await createTestEnv();
  admin = await env.login('admin');
});
afterAll(() => env?.close());
afterEach(() => {
  vi.useRealTimers();
});

const userNamed = async (username: string) => (await env.services.db.select().from(appUser).where(eq(appUser.username, username)))[0]!;

async function userView(username: string) {
  const u = await userNamed(username);
  return (await admin.get(`/api/users/${u.id}`)).json() as {
    id: string;
    displayName: string;
    orgId: string;
    active: boolean;
    version: number;
    roles: { id: string }[];
  };
}

async function putUser(username: string, patch: { roleIds?: string[]; active?: boolean }) {
  const u = await userView(username);
  const res = await admin.put(`/api/users/${u.id}`, {
    displayName: u.displayName,
    orgId: u.orgId,
    roleIds: patch.roleIds ?? u.roles.map((r) => r.id),
    active: patch.active ?? u.active,
    version: u.version,
  });
  expect(res.statusCode, res.body).toBe(200);
  return u;
}

describe('actor cache', () => {
  it('is kept through public writes (a sign-in attempt) and dropped by a signed-in write', async () => {
    const district = await env.login('district');
    expect((await district.get('/api/auth/me')).statusCode).toBe(200); // cached now
    const lookups = async (fn: () => Promise<unknown>) => (await statementsSent(env.services, fn)).filter((q) => /from "session"/i.test(q)).length;
    await env.signIn('nobody-here', 'Wrong#2026pass'); // a public write: refused sign-in
    expect(await lookups(() => district.get('/api/auth/me')), 'served from the cache').toBe(0);
    await putUser('worker', {}); // a signed-in write
    expect(await lookups(() => district.get('/api/auth/me')), 'reloaded after a signed-in write').toBeGreaterThan(0);
  });

  it('a role removed through the API is refused on the next request, and given back on the next', async () => {
    const district = await env.login('district');
    expect((await district.get('/api/members?pageSize=1')).statusCode).toBe(200);
    expect((await district.get('/api/members?pageSize=1')).statusCode).toBe(200); // served from the cache
    const u = await putUser('district', { roleIds: [] });
    expect((await district.get('/api/members?pageSize=1')).statusCode).toBe(403);
    await putUser('district', { roleIds: u.roles.map((r) => r.id) });
    expect((await district.get('/api/members?pageSize=1')).statusCode).toBe(200);
  });

  it("a permission taken out of the user's role is refused on the next request", async () => {
    const body = { code: 'cache_reader', name: '查询员', description: null, permissions: ['member.read'], scopeKind: 'subtree', scopeOrgIds: [] };
    const created = await admin.post('/api/roles', body);
    expect(created.statusCode, created.body).toBe(201);
    const roleId = created.json().id as string;
    const u = await userView('worker');
    await putUser('worker', { roleIds: [...u.roles.map((r) => r.id), roleId] });
    const worker = await env.login('worker');
    expect((await worker.get('/api/members?pageSize=1')).statusCode).toBe(200);
    expect((await worker.get('/api/members?pageSize=1')).statusCode).toBe(200); // served from the cache
    const res = await admin.put(`/api/roles/${roleId}`, { ...body, permissions: [], version: created.json().version });
    expect(res.statusCode, res.body).toBe(200);
    expect((await worker.get('/api/members?pageSize=1')).statusCode).toBe(403);
    await putUser('worker', { roleIds: u.roles.map((r) => r.id) });
  });

  it('a deactivated user and a logged-out session are refused on the next request', async () => {
    const worker = await env.login('worker');
    const again = await env.login('worker');
    expect((await worker.get('/api/auth/me')).statusCode).toBe(200);
    expect((await again.get('/api/auth/me')).statusCode).toBe(200);
    expect((await again.post('/api/auth/logout')).statusCode).toBeLessThan(300);
    expect((await again.get('/api/auth/me')).statusCode).toBe(401);
    expect((await worker.get('/api/auth/me')).statusCode).toBe(200); // the other session lives on
    await putUser('worker', { active: false });
    expect((await worker.get('/api/auth/me')).statusCode).toBe(401);
    await putUser('worker', { active: true });
  });

  it('a change made outside this process holds within ACTOR_CACHE_MS', async () => {
    const district = await env.login('district');
    expect((await district.get('/api/members?pageSize=1')).statusCode).toBe(200);
    const u = await userNamed('district');
    const held = await env.services.db.select().from(userRole).where(eq(userRole.userId, u.id));
    await env.services.db.delete(userRole).where(eq(userRole.userId, u.id)); // as another replica would
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + ACTOR_CACHE_MS + 1);
    expect((await district.get('/api/members?pageSize=1')).statusCode).toBe(403);
    vi.useRealTimers();
    await env.services.db.insert(userRole).values(held);
    invalidateActors(env.services, u.id);
    expect((await district.get('/api/members?pageSize=1')).statusCode).toBe(200);
  });

  it('absolute expiry and idle timeout are enforced on cached sessions too', async () => {
    const district = await env.login('district');
    expect((await district.get('/api/auth/me')).statusCode).toBe(200);
    const sec = await env.services.settings.security();
    // Idle: the clock moves past the idle timeout within the cache's lifetime as far as the cache knows.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + sec.idleMinutes * 60_000 + 1000);
    const idle = await district.get('/api/auth/me');
    expect(idle.statusCode).toBe(401);
    vi.useRealTimers();
    // Absolute expiry, set in the database and then reached by the clock.
    const other = await env.login('district');
    expect((await other.get('/api/auth/me')).statusCode).toBe(200);
    const soon = new Date(Date.now() + 2000);
    await env.services.db
      .update(session)
      .set({ expiresAt: soon })
      .where(sql`${session.userId} = (SELECT id FROM app_user WHERE username = 'district')`);
    invalidateActors(env.services);
    expect((await other.get('/api/auth/me')).statusCode).toBe(200); // reloaded, cached with the new expiry
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(soon.getTime() + 1);
    expect((await other.get('/api/auth/me')).statusCode).toBe(401);
  });
});
