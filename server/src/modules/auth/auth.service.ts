import { and, desc, eq, isNull, lt, lte, or, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import { generateSecret, generateURI, verify as verifyTotp } from 'otplib';
import { checkPassword, passwordProblemMessage } from '../../../../common/src/password-policy.js';
import { AppError } from '../../platform/errors.js';
import { appendAudit, appendAuditStandalone } from '../../platform/audit.js';
import { hashPassword, verifyPassword } from '../../platform/crypto.js';
import { appUser, passwordHistory, session } from '../user/user.schema.js';
import { createSession } from './session.js';
import type { Ctx, Services } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';

const badCredentials = () => new AppError(401, 'INVALID_CREDENTIALS', '用户名或密码错误', 'Wrong username or password');
const locked = (minutes: number) =>
  new AppError(
    423,
    'ACCOUNT_LOCKED',
    `登录失败次数过多，账号已锁定，请${minutes}分钟后再试`,
    `Too many failed attempts; the account is locked for ${minutes} more minute(s)`,
    { minutes },
  );

/**
 * A hash of a random password, checked against when the username is unknown or disabled, so such
 * an answer takes as long as a wrong password and response timing doesn't reveal which usernames exist.
 */
let decoyHash: Promise<string> | null = null;
const decoy = () => (decoyHash ??= hashPassword(crypto.randomUUID()));

export interface LoginMeta {
  ip: string;
  userAgent?: string;
}

/** Password sign-in with lockout after repeated failures; returns a session token and its stage. */
export async function login(s: Services, username: string, password: string, meta: LoginMeta) {
  const sec = await s.settings.security();
  const [user] = await s.db.select().from(appUser).where(eq(appUser.username, username));
  const fail = async (detail: string, orgId?: string | null, userId?: string) =>
    appendAuditStandalone(s.db, { actorId: userId, actorName: username.slice(0, 64), orgId, action: 'auth.login', ip: meta.ip, result: 'failed', detail });
  if (!user || !user.active) {
    await verifyPassword(password, await decoy());
    await fail(user ? 'account disabled' : 'unknown user');
    throw badCredentials();
  }
  const now = Date.now();
  if (user.lockedUntil && user.lockedUntil.getTime() > now) {
    await fail('account locked', user.orgId, user.id);
    throw locked(Math.ceil((user.lockedUntil.getTime() - now) / 60000));
  }
  // Count the attempt before the (slow) password check, in one atomic statement: parallel guesses
  // each get their own number, so no more than maxFailedLogins of them are ever checked.
  const [slot] = await s.db
    .update(appUser)
    .set({ failedLogins: sql`${appUser.failedLogins} + 1` })
    .where(and(eq(appUser.id, user.id), or(isNull(appUser.lockedUntil), lte(appUser.lockedUntil, new Date(now)))))
    .returning({ failures: appUser.failedLogins });
  const lock = () =>
    s.db
      .update(appUser)
      .set({ failedLogins: 0, lockedUntil: new Date(now + sec.lockMinutes * 60000) })
      .where(eq(appUser.id, user.id));
  if (!slot) {
    await fail('account locked', user.orgId, user.id);
    throw locked(sec.lockMinutes);
  }
  if (slot.failures > sec.maxFailedLogins) {
    // More attempts in flight than failures allowed: this one is not checked, and not counted — the
    // account locks only on failures confirmed by a check, so several correct sign-ins at once
    // (tabs, devices, a shared clerk account) never lock it.
    await s.db
      .update(appUser)
      .set({ failedLogins: sql`greatest(${appUser.failedLogins} - 1, 0)` })
      .where(eq(appUser.id, user.id));
    await fail('too many sign-in attempts at once', user.orgId, user.id);
    throw new AppError(429, 'LOGIN_BUSY', '同一账号同时登录的请求过多，请稍后重试', 'Too many sign-ins of this account at once; try again shortly');
  }
  const failures = slot.failures;
  if (!(await verifyPassword(password, user.passwordHash))) {
    const lockNow = failures >= sec.maxFailedLogins;
    if (lockNow) await lock();
    await fail(lockNow ? `wrong password; locked for ${sec.lockMinutes} min` : `wrong password (${failures}/${sec.maxFailedLogins})`, user.orgId, user.id);
    if (lockNow) throw locked(sec.lockMinutes);
    throw badCredentials();
  }
  await s.db
    .update(appUser)
    .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: new Date(now) })
    .where(eq(appUser.id, user.id));
  const stage = user.totpEnabled ? 'totp' : 'active';
  const created = await createSession(s, user.id, stage, meta);
  await appendAuditStandalone(s.db, {
    actorId: user.id,
    actorName: user.username,
    orgId: user.orgId,
    action: 'auth.login',
    ip: meta.ip,
    result: 'ok',
    detail: stage === 'totp' ? 'password ok, awaiting second factor' : null,
  });
  return { ...created, stage };
}

/**
 * A TOTP code for this user, accepted at most once: the code's time step must be later than the
 * last one accepted (otplib's afterTimeStep), and it is claimed with a conditional update, so two
 * parallel requests with the same code cannot both pass (RFC 6238 §5.2).
 */
async function checkTotp(s: Services, user: { id: string; totpSecret: string | null; totpLastStep: number | null }, code: string): Promise<boolean> {
  if (!user.totpSecret) return false;
  const secret = s.keys.decrypt(user.totpSecret);
  const r = await verifyTotp({ secret, token: code, epochTolerance: 30, ...(user.totpLastStep != null ? { afterTimeStep: user.totpLastStep } : {}) });
  if (!r.valid || !('timeStep' in r)) return false;
  const claimed = await s.db
    .update(appUser)
    .set({ totpLastStep: r.timeStep })
    .where(and(eq(appUser.id, user.id), or(isNull(appUser.totpLastStep), lt(appUser.totpLastStep, r.timeStep))))
    .returning({ id: appUser.id });
  return claimed.length === 1;
}

export async function completeTotpLogin(c: Ctx, code: string): Promise<void> {
  const [user] = await c.db.select().from(appUser).where(eq(appUser.id, c.actor.userId));
  if (!user || !(await checkTotp(c, user, code))) {
    await appendAuditStandalone(c.db, {
      actorId: c.actor.userId,
      actorName: c.actor.username,
      orgId: c.actor.orgId,
      action: 'auth.totp',
      ip: c.ip,
      result: 'failed',
    });
    throw new AppError(401, 'TOTP_INVALID', '动态验证码不正确', 'The authenticator code is wrong');
  }
  await c.db.transaction(async (tx) => {
    await tx.update(session).set({ stage: 'active' }).where(eq(session.id, c.actor.sessionId));
    await appendAudit(tx, { actorId: c.actor.userId, actorName: c.actor.username, orgId: c.actor.orgId, action: 'auth.totp', ip: c.ip });
  });
}

/** Enforce the policy and the no-reuse rule; returns the new hash. */
export async function acceptNewPassword(s: Services, exec: Executor, userId: string, username: string, password: string): Promise<string> {
  const sec = await s.settings.security(exec); // exec: callers hold a transaction (see SettingsStore)
  const policy = { minLength: sec.passwordMinLength, minClasses: sec.passwordMinClasses };
  const problems = checkPassword(password, policy, username);
  if (problems.length) {
    const msgs = problems.map((p) => passwordProblemMessage(p, policy));
    throw new AppError(400, 'WEAK_PASSWORD', msgs.map((m) => m.zh).join('；'), msgs.map((m) => m.en).join('; '), { problems });
  }
  if (sec.passwordHistory > 0) {
    const recent = await exec
      .select({ hash: passwordHistory.hash })
      .from(passwordHistory)
      .where(eq(passwordHistory.userId, userId))
      .orderBy(desc(passwordHistory.createdAt))
      .limit(sec.passwordHistory);
    for (const r of recent) {
      if (await verifyPassword(password, r.hash)) {
        throw new AppError(
          400,
          'PASSWORD_REUSED',
          `新密码不能与最近${sec.passwordHistory}次使用过的密码相同`,
          `The new password may not repeat any of the last ${sec.passwordHistory}`,
        );
      }
    }
  }
  return hashPassword(password);
}

export async function recordPassword(exec: Executor, userId: string, hash: string): Promise<void> {
  await exec.insert(passwordHistory).values({ userId, hash });
}

export async function changeOwnPassword(c: Ctx, current: string, next: string): Promise<void> {
  const [user] = await c.db.select().from(appUser).where(eq(appUser.id, c.actor.userId));
  if (!user || !(await verifyPassword(current, user.passwordHash))) {
    await appendAuditStandalone(c.db, {
      actorId: c.actor.userId,
      actorName: c.actor.username,
      orgId: c.actor.orgId,
      action: 'auth.password_change',
      ip: c.ip,
      result: 'failed',
      detail: 'wrong current password',
    });
    throw new AppError(400, 'WRONG_CURRENT_PASSWORD', '当前密码不正确', 'The current password is wrong');
  }
  if (current === next) throw new AppError(400, 'PASSWORD_REUSED', '新密码不能与当前密码相同', 'The new password must differ from the current one');
  await c.db.transaction(async (tx) => {
    const hash = await acceptNewPassword(c, tx, user.id, user.username, next);
    await tx
      .update(appUser)
      .set({ passwordHash: hash, passwordChangedAt: new Date(), mustChangePassword: false, version: user.version + 1, updatedAt: new Date() })
      .where(eq(appUser.id, user.id));
    await recordPassword(tx, user.id, hash);
    await appendAudit(tx, {
      actorId: user.id,
      actorName: user.username,
      orgId: user.orgId,
      action: 'auth.password_change',
      entity: 'user',
      entityId: user.id,
      changes: { password: '[redacted]' },
      ip: c.ip,
    });
  });
}

/** Start TOTP enrolment: a new secret, kept encrypted until confirmed with a valid code. */
export async function setupTotp(c: Ctx) {
  // A new set-up would replace the enabled secret and switch the second factor off without a code.
  if (c.actor.totpEnabled) {
    throw new AppError(
      409,
      'TOTP_ALREADY_ENABLED',
      '动态验证码已启用；如需更换，请先用当前验证码停用',
      'The authenticator is already enabled; disable it with a current code first',
    );
  }
  const secret = generateSecret();
  const otpauthUrl = generateURI({ issuer: 'Gonghui 智慧工会', label: c.actor.username, secret });
  await c.db.transaction(async (tx) => {
    await tx
      .update(appUser)
      .set({ totpSecret: c.keys.encrypt(secret), totpEnabled: false })
      .where(eq(appUser.id, c.actor.userId));
    await appendAudit(tx, {
      actorId: c.actor.userId,
      actorName: c.actor.username,
      orgId: c.actor.orgId,
      action: 'auth.totp_setup',
      entity: 'user',
      entityId: c.actor.userId,
      ip: c.ip,
    });
  });
  const qrDataUrl = await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 220 });
  return { secret, otpauthUrl, qrDataUrl };
}

export async function enableTotp(c: Ctx, code: string): Promise<void> {
  const [user] = await c.db.select().from(appUser).where(eq(appUser.id, c.actor.userId));
  if (!user?.totpSecret) throw new AppError(400, 'TOTP_NOT_SET_UP', '请先生成动态验证码密钥', 'Start the authenticator set-up first');
  if (!(await checkTotp(c, user, code))) throw new AppError(400, 'TOTP_INVALID', '动态验证码不正确', 'The authenticator code is wrong');
  await c.db.transaction(async (tx) => {
    await tx.update(appUser).set({ totpEnabled: true, updatedAt: new Date() }).where(eq(appUser.id, user.id));
    await appendAudit(tx, {
      actorId: user.id,
      actorName: user.username,
      orgId: user.orgId,
      action: 'auth.totp_enable',
      entity: 'user',
      entityId: user.id,
      ip: c.ip,
    });
  });
}

export async function disableTotp(c: Ctx, code: string): Promise<void> {
  const [user] = await c.db.select().from(appUser).where(eq(appUser.id, c.actor.userId));
  if (!user?.totpEnabled || !(await checkTotp(c, user, code))) throw new AppError(400, 'TOTP_INVALID', '动态验证码不正确', 'The authenticator code is wrong');
  await c.db.transaction(async (tx) => {
    await tx.update(appUser).set({ totpEnabled: false, totpSecret: null, updatedAt: new Date() }).where(eq(appUser.id, user.id));
    await appendAudit(tx, {
      actorId: user.id,
      actorName: user.username,
      orgId: user.orgId,
      action: 'auth.totp_disable',
      entity: 'user',
      entityId: user.id,
      ip: c.ip,
    });
  });
}
