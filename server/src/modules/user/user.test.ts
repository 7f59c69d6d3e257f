import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { checkPassword, LEVEL3_PASSWORD_POLICY } from '../../../../common/src/password-policy.js';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness.js';

/** Accounts and roles as administrators manage them: grant only what you hold, inside your scope. */

let env: TestEnv;
let admin: TestClient;
let district: TestClient;
let rows: <T>(q: SQL) => Promise<T[]>;
const roles: Record<string, string> = {};
let d01: { id: string; name: string; path: string };
let d02: { id: string };
let grassrootsOrg: string;

beforeAll(async () => {
  env = await createTestEnv();
  rows = <T>(q: SQL) => env.services.database.query<T>(q);
  admin = await env.login('admin');
  district = await env.login('district');
  for (const r of await rows<{ id: string; code: string }>(sql`SELECT id, code FROM role`)) roles[r.code] = r.id;
  [d01] = (await rows<typeof d01>(sql`SELECT id, name, path FROM org WHERE code = 'D01'`)) as [typeof d01];
  [d02] = (await rows<typeof d02>(sql`SELECT id FROM org WHERE code = 'D02'`)) as [typeof d02];
  grassrootsOrg = (await rows<{ id: string }>(sql`SELECT org_id AS id FROM app_user WHERE username = 'grassroots'`))[0]!.id;
});
afterAll(async () => {
  await env?.close();
});

const account = (username: string, extra: Record<string, unknown> = {}) => ({
  username,
  displayName: `账号${username}`,
  orgId: grassrootsOrg,
  roleIds: [roles.grassroots_chair],
  ...extra,
});

describe('accounts', () => {
  it('creates an account with a one-time temporary password that must be changed at first sign-in', async () => {
    const res = await district.post('/api/users', account('clerk1'));
    expect(res.statusCode, res.body).toBe(201);
    const u = res.json();
    expect(u).toMatchObject({
      username: 'clerk1',
      orgId: grassrootsOrg,
      roles: [{ id: roles.grassroots_chair, name: '基层工会主席' }],
      mustChangePassword: true,
      active: true,
      locked: false,
    });
    expect(checkPassword(u.temporaryPassword, LEVEL3_PASSWORD_POLICY, 'clerk1')).toEqual([]);
    expect((await district.get(`/api/users/${u.id}`)).json()).not.toHaveProperty('temporaryPassword'); // shown once
    const { res: login } = await env.signIn('clerk1', u.temporaryPassword);
    expect(login.json().pending).toBe('password_change');
    const [entry] = await rows<{ changes: Record<string, unknown>; org_id: string }>(
      sql`SELECT changes, org_id FROM audit_log WHERE action = 'user.create' AND entity_id = ${u.id}`,
    );
    expect(entry).toMatchObject({ org_id: grassrootsOrg, changes: { username: 'clerk1', password: '[redacted]', roleIds: [roles.grassroots_chair] } });
    expect(JSON.stringify(entry)).not.toContain(u.temporaryPassword);
  });

  it('refuses a taken or malformed username and a weak chosen password', async () => {
    const dup = await district.post('/api/users', account('clerk1'));
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ details: { field: 'username' } });
    const bad = await district.post('/api/users', account('x!'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fields[0]).toMatchObject({ path: 'body.username', message: '用户名为3-32位字母、数字、下划线、点或短横线' });
    expect((await district.post('/api/users', account('clerk2', { password: 'password' }))).json().code).toBe('WEAK_PASSWORD');
  });

  it('grants only what the administrator holds, inside their scope', async () => {
    const sys = await district.post('/api/users', account('clerk3', { orgId: d01.id, roleIds: [roles.system_admin] }));
    expect(sys.statusCode).toBe(403);
    expect(sys.json().code).toBe('GRANT_NOT_ALLOWED');
    expect(sys.json().message).toContain('系统管理员');
    const sibling = await district.post('/api/users', account('clerk3', { orgId: d02.id }));
    expect(sibling.statusCode).toBe(404);
    // A subtree role is fine at home and would reach too far nowhere, since it is relative to the holder's org.
    expect((await district.post('/api/users', account('clerk3', { orgId: d01.id, roleIds: [roles.federation_admin] }))).statusCode).toBe(201);
    expect(await rows(sql`SELECT 1 FROM app_user WHERE username = 'clerk3' AND org_id = ${d02.id}`)).toEqual([]);
  });

  it('cannot take over an account stronger than oneself by resetting its password', async () => {
    const strong = await admin.post('/api/users', account('cityops', { orgId: d01.id, roleIds: [roles.system_admin], password: 'Strong#2026a' }));
    expect(strong.statusCode, strong.body).toBe(201);
    const res = await district.post(`/api/users/${strong.json().id}/reset-password`);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('GRANT_NOT_ALLOWED');
    expect((await env.signIn('cityops', 'Strong#2026a')).res.statusCode).toBe(200); // password unchanged
    expect((await admin.post(`/api/users/${strong.json().id}/reset-password`)).statusCode).toBe(200);
  });

  it('resets a password: the old one stops working, sessions end, the new one must be changed', async () => {
    const made = (await district.post('/api/users', account('clerk4', { password: 'Clerk#2026aa' }))).json();
    const session = (await env.signIn('clerk4', 'Clerk#2026aa')).client!;
    const res = await district.post(`/api/users/${made.id}/reset-password`);
    expect(res.statusCode).toBe(200);
    const temp = res.json().temporaryPassword as string;
    expect(checkPassword(temp, LEVEL3_PASSWORD_POLICY, 'clerk4')).toEqual([]);
    expect((await session.get('/api/auth/me')).statusCode).toBe(401);
    expect((await env.signIn('clerk4', 'Clerk#2026aa')).res.statusCode).toBe(401);
    expect((await env.signIn('clerk4', temp)).res.json().pending).toBe('password_change');
    const [entry] = await rows<{ changes: unknown }>(sql`SELECT changes FROM audit_log WHERE action = 'user.reset_password' AND entity_id = ${made.id}`);
    expect(entry!.changes).toEqual({ password: '[redacted]' });
  });

  it('deactivating an account ends its sessions and refuses its sign-in; reactivating restores it', async () => {
    const made = (await district.post('/api/users', account('clerk5', { password: 'Clerk#2026aa' }))).json();
    const { client } = await env.signIn('clerk5', 'Clerk#2026aa');
    expect((await client!.get('/api/auth/me')).statusCode).toBe(200);
    const body = { displayName: made.displayName, orgId: made.orgId, roleIds: [roles.grassroots_chair], active: false, version: made.version };
    const off = await district.put(`/api/users/${made.id}`, body);
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ active: false, version: made.version + 1 });
    expect((await client!.get('/api/auth/me')).statusCode).toBe(401);
    expect((await env.signIn('clerk5', 'Clerk#2026aa')).res.json().code).toBe('INVALID_CREDENTIALS');
    expect((await district.put(`/api/users/${made.id}`, body)).json().code).toBe('VERSION_CONFLICT');
    expect((await district.put(`/api/users/${made.id}`, { ...body, active: true, version: made.version + 1 })).statusCode).toBe(200);
    expect((await env.signIn('clerk5', 'Clerk#2026aa')).res.statusCode).toBe(200);
  });

  it('nobody deactivates their own account', async () => {
    const me = (await district.get('/api/auth/me')).json().user;
    const self = (await district.get(`/api/users/${me.id}`)).json();
    const res = await district.put(`/api/users/${me.id}`, {
      displayName: self.displayName,
      orgId: self.orgId,
      roleIds: self.roles.map((r: { id: string }) => r.id),
      active: false,
      version: self.version,
    });
    expect(res.statusCode).toBe(400);
  });

  it('lists accounts with filters', async () => {
    const byOrg = (await district.get(`/api/users?orgId=${grassrootsOrg}&pageSize=200`)).json();
    expect(byOrg.items.every((u: { orgId: string }) => u.orgId === grassrootsOrg)).toBe(true);
    expect(byOrg.items.map((u: { username: string }) => u.username)).toEqual(expect.arrayContaining(['grassroots', 'worker', 'clerk1']));
    expect((await district.get('/api/users?q=clerk')).json().total).toBe(4); // clerk1, 3, 4, 5 (clerk2 was refused)
    expect(
      (await district.get(`/api/users?roleId=${roles.federation_admin}`))
        .json()
        .items.map((u: { username: string }) => u.username)
        .sort(),
    ).toEqual(['clerk3', 'district']);
    expect((await district.get('/api/users?active=false')).json().total).toBe(0);
  });

  it('sorts the list on the server and shows an account’s history from the audit log', async () => {
    const names = (await district.get('/api/users?pageSize=200&sort=username&order=desc')).json().items.map((u: { username: string }) => u.username);
    expect(names).toEqual([...names].sort().reverse());
    const clerk5 = (await district.get('/api/users?q=clerk5')).json().items[0];
    const history = (await district.get(`/api/users/${clerk5.id}/history`)).json();
    expect(history.map((e: { action: string }) => e.action)).toEqual(['user.update', 'user.update', 'user.create']);
    expect(history[0]).toMatchObject({ actorName: 'district', changes: { active: { from: false, to: true } } });
    const outside = (
      await rows<{ id: string }>(sql`SELECT u.id FROM app_user u JOIN org o ON o.id = u.org_id WHERE o.path NOT LIKE ${d01.path + '%'} LIMIT 1`)
    )[0]!;
    expect((await district.get(`/api/users/${outside.id}/history`)).statusCode).toBe(404);
  });
});

describe('roles', () => {
  it('refuses roles that give more than the administrator holds', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ permissions: ['settings.manage'], scopeKind: 'subtree' }, 'settings.manage'],
      [{ permissions: ['org.read'], scopeKind: 'all' }, '全部'],
      [{ permissions: ['org.read', 'nuclear.launch'], scopeKind: 'own' }, '未知权限'],
      [{ permissions: ['org.read'], scopeKind: 'orgs', scopeOrgIds: [d02.id] }, '超出'],
    ];
    for (const [body, why] of cases) {
      const res = await district.post('/api/roles', { code: 'too_much', name: '越权角色', ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(403);
      expect(res.json().code).toBe('GRANT_NOT_ALLOWED');
      expect(res.json().message).toContain(why);
    }
    expect((await district.post('/api/roles', { code: 'no_orgs', name: '空范围', permissions: [], scopeKind: 'orgs', scopeOrgIds: [] })).statusCode).toBe(400);
  });

  it('creates, reads, edits and deletes a role; a role in use cannot be deleted', async () => {
    const created = await district.post('/api/roles', {
      code: 'd01_clerk',
      name: '滨江区办事员',
      permissions: ['org.read', 'user.read'],
      scopeKind: 'orgs',
      scopeOrgIds: [grassrootsOrg],
    });
    expect(created.statusCode, created.body).toBe(201);
    const role = created.json();
    expect(role).toMatchObject({ builtIn: false, ownerOrgName: d01.name, userCount: 0, grantable: true, editable: true, version: 1 });
    expect(role.scopeOrgs).toEqual([{ id: grassrootsOrg, name: expect.any(String) }]);
    expect((await district.get(`/api/roles/${role.id}`)).json()).toMatchObject({ code: 'd01_clerk' });
    expect((await district.get('/api/roles')).json().map((r: { code: string }) => r.code)).toContain('d01_clerk');
    expect((await district.post('/api/roles', { code: 'd01_clerk', name: '重复', permissions: [], scopeKind: 'own' })).statusCode).toBe(409);

    const edit = { code: 'd01_clerk', name: '滨江区文员', permissions: ['org.read'], scopeKind: 'subtree', scopeOrgIds: [] };
    const updated = await district.put(`/api/roles/${role.id}`, { ...edit, version: 1 });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ name: '滨江区文员', permissions: ['org.read'], scopeOrgs: [], version: 2 });
    expect((await district.put(`/api/roles/${role.id}`, { ...edit, version: 1 })).json().code).toBe('VERSION_CONFLICT');
    expect((await district.put(`/api/roles/${roles.worker}`, { ...edit, code: 'worker', version: 1 })).json().code).toBe('BUILT_IN_ROLE');
    expect((await district.del(`/api/roles/${roles.worker}`)).json().code).toBe('BUILT_IN_ROLE');

    const holder = (await district.post('/api/users', account('clerk6', { roleIds: [role.id] }))).json();
    expect((await district.get(`/api/roles/${role.id}`)).json().userCount).toBe(1);
    const inUse = await district.del(`/api/roles/${role.id}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json()).toMatchObject({ code: 'ROLE_IN_USE', details: { users: 1 } });
    expect(
      (
        await district.put(`/api/users/${holder.id}`, {
          displayName: holder.displayName,
          orgId: holder.orgId,
          roleIds: [],
          active: true,
          version: holder.version,
        })
      ).statusCode,
    ).toBe(200);
    expect((await district.del(`/api/roles/${role.id}`)).statusCode).toBe(200);
    expect((await district.get(`/api/roles/${role.id}`)).statusCode).toBe(404);
    const actions = await rows<{ action: string }>(sql`SELECT action FROM audit_log WHERE entity = 'role' AND entity_id = ${role.id} ORDER BY seq`);
    expect(actions.map((a) => a.action)).toEqual(['role.create', 'role.update', 'role.delete']);
  });

  it('shows a role’s history to those who see the role: a built-in one to everybody, a defined one inside its owner’s scope', async () => {
    const role = (await district.post('/api/roles', { code: 'd01_history', name: '滨江区记录员', permissions: ['org.read'], scopeKind: 'own' })).json();
    await district.put(`/api/roles/${role.id}`, {
      code: 'd01_history',
      name: '滨江区记录员甲',
      permissions: ['org.read'],
      scopeKind: 'own',
      scopeOrgIds: [],
      version: 1,
    });
    const history = (await district.get(`/api/roles/${role.id}/history`)).json();
    expect(history.map((e: { action: string }) => e.action)).toEqual(['role.update', 'role.create']);
    expect(history[0].changes).toMatchObject({ name: { from: '滨江区记录员', to: '滨江区记录员甲' } });
    expect((await admin.get(`/api/roles/${role.id}/history`)).statusCode).toBe(200);
    expect((await district.get(`/api/roles/${roles.worker}/history`)).statusCode).toBe(200);
    const chair = await env.login('grassroots');
    expect((await chair.get(`/api/roles/${role.id}/history`)).statusCode).toBe(404);
  });

  it('a district’s role is held only inside that district: the city cannot give it to a sibling district’s account, and a holder outside stops the district’s edit', async () => {
    const role = (await district.post('/api/roles', { code: 'd01_viewer', name: '滨江区查看员', permissions: ['member.read'], scopeKind: 'own' })).json();
    const outsider = (await admin.post('/api/users', { username: 'd02clerk', displayName: '邻区办事员', orgId: d02.id, roleIds: [] })).json();
    // The city administrator sees the role and may grant member.read, but not to an account of D02.
    const granted = await admin.put(`/api/users/${outsider.id}`, {
      displayName: outsider.displayName,
      orgId: d02.id,
      roleIds: [role.id],
      active: true,
      version: outsider.version,
    });
    expect(granted.statusCode).toBe(403);
    expect(granted.json()).toMatchObject({ code: 'GRANT_NOT_ALLOWED' });
    expect(granted.json().message).toContain(d01.name);
    const created = await admin.post('/api/users', { username: 'd02clerk2', displayName: '邻区办事员乙', orgId: d02.id, roleIds: [role.id] });
    expect(created.statusCode).toBe(403);
    // A holder outside the district (granted before this rule): the district may no longer widen the role.
    await rows(sql`INSERT INTO user_role (user_id, role_id) VALUES (${outsider.id}, ${role.id})`);
    const widen = await district.put(`/api/roles/${role.id}`, {
      code: 'd01_viewer',
      name: '滨江区查看员',
      permissions: ['member.read', 'member.unmask', 'member.export'],
      scopeKind: 'own',
      scopeOrgIds: [],
      version: 1,
    });
    expect(widen.statusCode).toBe(403);
    expect(widen.json()).toMatchObject({ code: 'ROLE_HELD_OUTSIDE_SCOPE' });
    const [after] = await rows<{ permissions: string[]; version: number }>(sql`SELECT permissions, version FROM role WHERE id = ${role.id}`);
    expect(after).toEqual({ permissions: ['member.read'], version: 1 });
    // The city, whose scope holds every holder, still can.
    expect(
      (
        await admin.put(`/api/roles/${role.id}`, {
          code: 'd01_viewer',
          name: '滨江区查看员',
          permissions: ['member.read'],
          scopeKind: 'own',
          scopeOrgIds: [],
          version: 1,
        })
      ).statusCode,
    ).toBe(200);
  });

  it('a role holder gets the role’s permissions and scope at the next request', async () => {
    const role = (await district.post('/api/roles', { code: 'd01_reader', name: '滨江区只读', permissions: ['org.read'], scopeKind: 'subtree' })).json();
    const u = (await district.post('/api/users', account('reader1', { orgId: d01.id, roleIds: [role.id], password: 'Reader#2026a' }))).json();
    await rows(sql`UPDATE app_user SET must_change_password = false WHERE id = ${u.id}`);
    const reader = (await env.signIn('reader1', 'Reader#2026a')).client!;
    expect((await reader.get('/api/orgs?pageSize=1')).json().total).toBe(
      (await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM org WHERE active AND path LIKE ${d01.path + '%'}`))[0]!.n,
    );
    expect((await reader.get('/api/users')).statusCode).toBe(403);
    await district.put(`/api/roles/${role.id}`, {
      code: 'd01_reader',
      name: '滨江区只读',
      permissions: ['org.read', 'user.read'],
      scopeKind: 'own',
      scopeOrgIds: [],
      version: 1,
    });
    expect((await reader.get('/api/users')).statusCode).toBe(200);
    expect((await reader.get('/api/orgs')).json().total).toBe(1);
  });
});
