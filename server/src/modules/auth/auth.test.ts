import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { generate } from 'otplib';
import { LEVEL3_PRESET } from '../../../../common/src/security-settings.js';
import { createTestEnv, type TestClient, type TestEnv } from '../../test/harness.js';
import { invalidateActors } from './session.js';

/** Sign-in security as a user meets it: passwords, lockout, sessions, CSRF, forced changes, TOTP. */

let env: TestEnv;
let admin: TestClient;
let rows: <T>(q: SQL) => Promise<T[]>;
let chairRoleId: string;
let grassrootsOrgId: string;

beforeAll(async () => {
  env = await createTestEnv();
  rows = <T>(q: SQL) => env.services.database.query<T>(q);
  admin = await env.login('admin');
  [{ id: chairRoleId }] = (await rows<{ id: string }>(sql`SELECT id FROM role WHERE code = 'grassroots_chair'`)) as [{ id: string }];
  [{ id: grassrootsOrgId }] = (await rows<{ id: string }>(sql`SELECT org_id AS id FROM app_user WHERE username = 'grassroots'`)) as [{ id: string }];
});
afterAll(async () => {
  await env?.close();
});

/** A new account made by the admin: a grassroots chair who must change the password at first sign-in. */
async function newUser(username: string, password?: string): Promise<{ id: string; password: string }> {
  const res = await admin.post('/api/users', {
    username,
    displayName: `测试${username}`,
    orgId: grassrootsOrgId,
    roleIds: [chairRoleId],
    ...(password ? { password } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id, password: password ?? res.json().temporaryPassword };
}

/** Sign in and finish the forced first change, returning a ready client. */
async function readyUser(username: string, password: string, next: string): Promise<TestClient> {
  const { client } = await env.signIn(username, password);
  expect((await client!.post('/api/auth/password', { currentPassword: password, newPassword: next })).statusCode).toBe(200);
  return client!;
}

const auditCount = async (where: SQL) => (await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE ${where}`))[0]!.n;

describe('password sign-in', () => {
  it('signs in a demo user with the password alone and sets a safe session cookie', async () => {
    const { res } = await env.signIn('district');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { username: 'district', orgLevel: 'county' }, pending: null, totpEnabled: false, passwordExpiresAt: null });
    const cookie = res.cookies.find((c) => c.name === 'gh_sid')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(res.json().csrfToken).toMatch(/^[\w-]{20,}$/);
  });

  it('refuses a wrong password or an unknown user with the same answer, and audits both', async () => {
    const before = await auditCount(sql`action = 'auth.login' AND result = 'failed'`);
    for (const [username, password] of [
      ['district', 'Wrong#2026x'],
      ['nobody', 'Gonghui@2026'],
    ]) {
      const { res, client } = await env.signIn(username!, password);
      expect(client).toBeNull();
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误', messageEn: 'Wrong username or password' });
      expect(res.cookies.find((c) => c.name === 'gh_sid')).toBeUndefined();
    }
    expect(await auditCount(sql`action = 'auth.login' AND result = 'failed'`)).toBe(before + 2);
    const [entry] = await rows<{ actor_name: string; detail: string; org_id: string | null }>(
      sql`SELECT actor_name, detail, org_id FROM audit_log WHERE action = 'auth.login' AND result = 'failed' AND actor_name = 'district' ORDER BY seq DESC LIMIT 1`,
    );
    expect(entry).toMatchObject({ actor_name: 'district', detail: 'wrong password (1/5)' });
    expect(entry!.org_id).not.toBeNull();
    // A good sign-in clears the failure count.
    expect((await env.signIn('district')).res.statusCode).toBe(200);
    expect((await rows<{ n: number }>(sql`SELECT failed_logins AS n FROM app_user WHERE username = 'district'`))[0]!.n).toBe(0);
  });
});

describe('the per-address limit of the sign-in form', () => {
  it('refuses a 61st attempt within a minute from one address with 429, counting malformed ones; other addresses still sign in', async () => {
    const from = (remoteAddress: string, payload: object) => env.app.inject({ method: 'POST', url: '/api/auth/login', payload, remoteAddress });
    for (let i = 0; i < 60; i++) expect((await from('10.9.0.1', {})).statusCode).toBe(400);
    const refused = await from('10.9.0.1', { username: 'district', password: 'Gonghui@2026' });
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'RATE_LIMITED', message: '操作过于频繁，请稍后再试' });
    expect((await from('10.9.0.2', { username: 'district', password: 'Gonghui@2026' })).statusCode).toBe(200);
  });
});

describe('lockout', () => {
  it('locks the account for 15 minutes at the 5th failure, refuses even the right password, and an admin can unlock', async () => {
    const u = await newUser('lockme', 'Gate#2026aa');
    for (let i = 1; i <= 4; i++) expect((await env.signIn('lockme', 'Wrong#2026x')).res.statusCode).toBe(401);
    const fifth = (await env.signIn('lockme', 'Wrong#2026x')).res;
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json()).toMatchObject({ code: 'ACCOUNT_LOCKED', details: { minutes: 15 } });
    expect(fifth.json().message).toContain('15分钟');
    const [{ until }] = (await rows<{ until: Date }>(sql`SELECT locked_until AS until FROM app_user WHERE id = ${u.id}`)) as [{ until: Date }];
    expect(Math.abs(new Date(until).getTime() - (Date.now() + 15 * 60_000))).toBeLessThan(60_000);

    const right = (await env.signIn('lockme', 'Gate#2026aa')).res;
    expect(right.statusCode).toBe(423);
    expect(right.json().code).toBe('ACCOUNT_LOCKED');
    expect((await admin.get(`/api/users/${u.id}`)).json().locked).toBe(true);
    expect(await auditCount(sql`action = 'auth.login' AND result = 'failed' AND actor_id = ${u.id}`)).toBe(6);

    const unlock = await admin.post(`/api/users/${u.id}/unlock`);
    expect(unlock.statusCode).toBe(200);
    expect(unlock.json().locked).toBe(false);
    expect(await auditCount(sql`action = 'user.unlock' AND entity_id = ${u.id}`)).toBe(1);
    expect((await env.signIn('lockme', 'Gate#2026aa')).res.statusCode).toBe(200);
  });

  it('the lock ends by itself once its time has passed', async () => {
    for (let i = 1; i <= 5; i++) await env.signIn('lockme', 'Wrong#2026x');
    expect((await env.signIn('lockme', 'Gate#2026aa')).res.statusCode).toBe(423);
    await rows(sql`UPDATE app_user SET locked_until = now() - interval '1 second' WHERE username = 'lockme'`);
    expect((await env.signIn('lockme', 'Gate#2026aa')).res.statusCode).toBe(200);
  });

  it('parallel guesses cannot get past the limit: at most 5 are checked, the rest refused unchecked, then the account is locked', async () => {
    await newUser('raceme', 'Gate#2026bb');
    const results = await Promise.all(Array.from({ length: 12 }, () => env.signIn('raceme', 'Wrong#2026x')));
    const statuses = results.map((r) => r.res.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(4);
    expect(statuses.filter((s) => s === 423)).toHaveLength(1); // the fifth failure locks
    expect(statuses.filter((s) => s === 429)).toHaveLength(7); // never checked
    expect((await env.signIn('raceme', 'Gate#2026bb')).res.statusCode).toBe(423);
  });

  it('several correct sign-ins of one account at once never lock it', async () => {
    await newUser('manytabs', 'Tabs#2026cc');
    const results = await Promise.all(Array.from({ length: 10 }, () => env.signIn('manytabs', 'Tabs#2026cc')));
    const statuses = results.map((r) => r.res.statusCode);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(5);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
    expect((await env.signIn('manytabs', 'Tabs#2026cc')).res.statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('a write without the CSRF token is refused and audited; the right token passes', async () => {
    const worker = await env.login('worker');
    const noToken = await env.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: worker.cookie } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json()).toMatchObject({ code: 'CSRF_FAILED', message: '安全校验失败，请刷新页面后重试' });
    const wrong = await env.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: worker.cookie, 'x-csrf-token': 'x'.repeat(32) } });
    expect(wrong.statusCode).toBe(403);
    expect(await auditCount(sql`action = 'security.csrf_rejected' AND actor_name = 'worker'`)).toBe(2);
    expect((await worker.get('/api/auth/me')).statusCode).toBe(200); // reads need no token
    expect((await worker.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await worker.get('/api/auth/me')).json().code).toBe('UNAUTHENTICATED');
  });

  it('ends a session idle for more than 30 minutes', async () => {
    const worker = await env.login('worker');
    // Ageing the row stands for time passing: drop the per-process actor cache, which would otherwise keep the session it loaded for a few seconds.
    const age = async (minutes: number) => {
      await rows(sql`UPDATE session SET last_seen_at = now() - make_interval(mins => ${minutes}) WHERE csrf_token = ${worker.csrf}`);
      invalidateActors(env.services);
    };
    await age(29);
    expect((await worker.get('/api/auth/me')).statusCode).toBe(200);
    const [{ seen }] = (await rows<{ seen: Date }>(sql`SELECT last_seen_at AS seen FROM session WHERE csrf_token = ${worker.csrf}`)) as [{ seen: Date }];
    expect(Date.now() - new Date(seen).getTime()).toBeLessThan(60_000); // activity keeps it alive
    await age(31);
    const res = await worker.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'SESSION_EXPIRED', message: '登录已过期，请重新登录' });
    expect((await worker.get('/api/auth/me')).json().code).toBe('UNAUTHENTICATED'); // the session is gone
  });

  it('ends a session at its absolute expiry however active it is', async () => {
    const worker = await env.login('worker');
    const [{ hours }] = (await rows<{ hours: number }>(
      sql`SELECT round(extract(epoch FROM expires_at - created_at) / 3600)::int AS hours FROM session WHERE csrf_token = ${worker.csrf}`,
    )) as [{ hours: number }];
    expect(hours).toBe(12);
    await rows(sql`UPDATE session SET expires_at = now() - interval '1 second' WHERE csrf_token = ${worker.csrf}`);
    // Changed behind the server's back (SQL): as from another process, it holds once the actor cache lets go.
    invalidateActors(env.services);
    expect((await worker.get('/api/auth/me')).json().code).toBe('SESSION_EXPIRED');
  });
});

describe('passwords', () => {
  let newbie: { id: string; password: string };

  it('a new account must change its password at first sign-in before anything else', async () => {
    newbie = await newUser('newbie');
    const { res, client } = await env.signIn('newbie', newbie.password);
    expect(res.statusCode).toBe(200);
    expect(res.json().pending).toBe('password_change');
    const blocked = await client!.get('/api/orgs');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改密码（首次登录或密码已超过有效期）' });
    expect((await client!.get('/api/auth/me')).json()).toMatchObject({ user: { username: 'newbie' }, pending: 'password_change' });
    const wrongCurrent = await client!.post('/api/auth/password', { currentPassword: 'Nope#2026xx', newPassword: 'Newbie#2026b' });
    expect(wrongCurrent.json().code).toBe('WRONG_CURRENT_PASSWORD');
    expect((await client!.post('/api/auth/password', { currentPassword: newbie.password, newPassword: 'Fresh#2026b' })).statusCode).toBe(200);
    expect((await client!.get('/api/auth/me')).json().pending).toBeNull();
    expect((await client!.get('/api/orgs')).statusCode).toBe(200);
    expect((await env.signIn('newbie', 'Fresh#2026b')).res.json().pending).toBeNull();
  });

  it('refuses weak passwords with the reasons in Chinese', async () => {
    const client = (await env.signIn('newbie', 'Fresh#2026b')).client!;
    const cases: [string, string[], string][] = [
      ['Ab1!', ['too_short'], '密码至少需要8位'],
      ['abcdefgh1', ['too_few_classes'], '至少3类'],
      ['Newbie#2026x', ['contains_username'], '密码不能包含用户名'],
    ];
    for (const [pw, problems, zh] of cases) {
      const res = await client.post('/api/auth/password', { currentPassword: 'Fresh#2026b', newPassword: pw });
      expect(res.statusCode, pw).toBe(400);
      expect(res.json()).toMatchObject({ code: 'WEAK_PASSWORD', details: { problems } });
      expect(res.json().message).toContain(zh);
    }
  });

  it('refuses any of the last 5 passwords and accepts an older one', async () => {
    const pw = (i: number) => `Reuse#2026-${i}`;
    await newUser('reuser', pw(0));
    const client = await readyUser('reuser', pw(0), pw(1));
    for (let i = 2; i <= 5; i++) expect((await client.post('/api/auth/password', { currentPassword: pw(i - 1), newPassword: pw(i) })).statusCode).toBe(200);
    for (const old of [1]) {
      // the 5th most recent: still refused
      const res = await client.post('/api/auth/password', { currentPassword: pw(5), newPassword: pw(old) });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'PASSWORD_REUSED', message: '新密码不能与最近5次使用过的密码相同' });
    }
    expect((await client.post('/api/auth/password', { currentPassword: pw(5), newPassword: pw(5) })).json().code).toBe('PASSWORD_REUSED');
    expect((await client.post('/api/auth/password', { currentPassword: pw(5), newPassword: pw(0) })).statusCode).toBe(200);
  });

  it('a password older than 90 days must be changed, except on demo accounts', async () => {
    await rows(sql`UPDATE app_user SET password_changed_at = now() - interval '91 days' WHERE username IN ('newbie', 'district')`);
    const { res, client } = await env.signIn('newbie', 'Fresh#2026b');
    expect(res.json().pending).toBe('password_change');
    expect(new Date(res.json().passwordExpiresAt).getTime()).toBeLessThan(Date.now());
    expect((await client!.get('/api/orgs')).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await client!.post('/api/auth/password', { currentPassword: 'Fresh#2026b', newPassword: 'Renewed#2026c' })).statusCode).toBe(200);
    const me = (await client!.get('/api/auth/me')).json();
    expect(me.pending).toBeNull();
    expect(new Date(me.passwordExpiresAt).getTime()).toBeGreaterThan(Date.now() + 89 * 86400_000);
    expect((await env.signIn('district')).res.json()).toMatchObject({ pending: null, passwordExpiresAt: null });
  });
});

describe('two-factor sign-in (TOTP)', () => {
  /** A six-digit code that is valid in no window the server accepts. */
  async function wrongCode(secret: string) {
    const now = Math.floor(Date.now() / 1000);
    const valid = await Promise.all([-60, -30, 0, 30, 60].map((d) => generate({ secret, epoch: now + d })));
    return ['000000', '111111', '222222', '333333'].find((c) => !valid.includes(c))!;
  }

  /**
   * The code of the time step `k` steps from now (the server accepts −1, 0, +1). Each code is good
   * once, so a flow that needs several codes takes them from successive steps; near the end of a
   * step it first waits for the next one to begin, so "now" cannot move on mid-test.
   */
  async function codeAt(secret: string, k: -1 | 0 | 1) {
    return generate({ secret, epoch: (Math.floor(Date.now() / 30_000) + k) * 30 + 15 });
  }
  async function freshStep() {
    const left = 30_000 - (Date.now() % 30_000);
    if (left < 5_000) await new Promise((r) => setTimeout(r, left + 50));
  }

  it('enrols with a code from the authenticator, then asks for a code at every sign-in', async () => {
    await freshStep();
    const chair = await env.login('grassroots');
    const setup = await chair.post('/api/auth/totp/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl, qrDataUrl } = setup.json();
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\/.*grassroots\?secret=/);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect((await chair.post('/api/auth/totp/enable', { code: await wrongCode(secret) })).json().code).toBe('TOTP_INVALID');
    expect((await chair.post('/api/auth/totp/enable', { code: await codeAt(secret, -1) })).statusCode).toBe(200);
    // A second set-up would silently switch the factor off: refused while it is on.
    expect((await chair.post('/api/auth/totp/setup')).json().code).toBe('TOTP_ALREADY_ENABLED');
    expect((await rows<{ on: boolean }>(sql`SELECT totp_enabled AS on FROM app_user WHERE username = 'grassroots'`))[0]!.on).toBe(true);

    const { res, client } = await env.signIn('grassroots');
    expect(res.json()).toMatchObject({ pending: 'totp', totpEnabled: true });
    const blocked = await client!.get('/api/orgs');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ code: 'TOTP_REQUIRED', message: '请输入动态验证码完成登录' });
    expect((await client!.post('/api/auth/totp/setup')).json().code).toBe('SIGN_IN_UNFINISHED');
    const wrong = await client!.post('/api/auth/login/totp', { code: await wrongCode(secret) });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('TOTP_INVALID');
    expect(await auditCount(sql`action = 'auth.totp' AND result = 'failed' AND actor_name = 'grassroots'`)).toBe(1);
    const code = await codeAt(secret, 0);
    expect((await client!.post('/api/auth/login/totp', { code })).statusCode).toBe(200);
    expect((await client!.get('/api/orgs')).statusCode).toBe(200);
    // The same code again (someone who saw it, within its 30 s window): refused, and so is an older one.
    const replay = await env.signIn('grassroots');
    expect((await replay.client!.post('/api/auth/login/totp', { code })).json().code).toBe('TOTP_INVALID');
    expect((await replay.client!.post('/api/auth/login/totp', { code: await codeAt(secret, -1) })).json().code).toBe('TOTP_INVALID');

    expect((await client!.post('/api/auth/totp/disable', { code: await wrongCode(secret) })).json().code).toBe('TOTP_INVALID');
    expect((await client!.post('/api/auth/totp/disable', { code: await codeAt(secret, 1) })).statusCode).toBe(200);
    expect((await env.signIn('grassroots')).res.json().pending).toBeNull();
  });

  it('when required for administrators, their sessions must enrol before doing anything else', async () => {
    await freshStep();
    const put = await admin.put('/api/settings/security', { ...LEVEL3_PRESET, totpRequiredForAdmins: true });
    expect(put.statusCode).toBe(200);
    expect(put.json().totpRequiredForAdmins).toBe(true);
    const blocked = await admin.get('/api/orgs');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('TOTP_ENROL_REQUIRED');
    expect((await admin.get('/api/auth/me')).json().pending).toBe('totp_enrol');
    expect((await env.signIn('district')).res.json().pending).toBe('totp_enrol'); // holds user.manage
    expect((await env.signIn('worker')).res.json().pending).toBeNull(); // not an administrator

    const { secret } = (await admin.post('/api/auth/totp/setup')).json();
    expect((await admin.post('/api/auth/totp/enable', { code: await codeAt(secret, -1) })).statusCode).toBe(200);
    expect((await admin.get('/api/orgs')).statusCode).toBe(200);
    expect((await admin.put('/api/settings/security', LEVEL3_PRESET)).statusCode).toBe(200);
    expect((await admin.post('/api/auth/totp/disable', { code: await codeAt(secret, 0) })).statusCode).toBe(200);
    expect((await env.signIn('district')).res.json().pending).toBeNull();
  });
});
