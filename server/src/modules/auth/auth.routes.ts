import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ChangePasswordBody, LoginBody, MeSchema, TotpBody, TotpSetupSchema } from './auth.contract.js';
import { changeOwnPassword, completeTotpLogin, disableTotp, enableTotp, login, setupTotp } from './auth.service.js';
import { destroySession, loadActor, SESSION_COOKIE } from './session.js';
import { ctx } from '../../platform/guard.js';
import { OkSchema, errorResponses } from '../../platform/contract.js';
import { appendAuditStandalone } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/context.js';

const tags = ['认证 auth'];

export function presentMe(a: Actor) {
  return {
    user: { id: a.userId, username: a.username, displayName: a.displayName, orgId: a.orgId, orgName: a.orgName, orgLevel: a.orgLevel },
    permissions: [...a.permissions].sort(),
    scope: a.scope.all ? { all: true, subtreeCount: 0, orgCount: 0 } : { all: false, subtreeCount: a.scope.subtreePaths.length, orgCount: a.scope.orgIds.length },
    pending: a.pending,
    totpEnabled: a.totpEnabled,
    passwordExpiresAt: a.passwordExpiresAt,
    csrfToken: a.csrfToken,
  };
}

export async function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', secure: app.gh.config.cookieSecure });

  r.post('/api/auth/login', {
    config: { access: 'public' },
    schema: { tags, summary: '用户名密码登录 / sign in', body: LoginBody, response: { 200: MeSchema, ...errorResponses, 423: errorResponses[401] } },
  }, async (req, reply) => {
    const { token } = await login(app.gh, req.body.username, req.body.password, { ip: req.ip, userAgent: req.headers['user-agent'] });
    setCookie(reply, token);
    const actor = await loadActor(app.gh, token);
    if (!actor || actor === 'expired') throw new Error('session vanished right after login');
    return presentMe(actor);
  });

  r.post('/api/auth/login/totp', {
    config: { access: 'authenticated', allowPending: true },
    schema: { tags, summary: '输入动态验证码完成登录 / second factor', body: TotpBody, response: { 200: OkSchema, ...errorResponses } },
  }, async (req) => {
    await completeTotpLogin(ctx(app, req), req.body.code);
    return { ok: true as const };
  });

  r.post('/api/auth/logout', {
    config: { access: 'authenticated', allowPending: true },
    schema: { tags, summary: '退出登录 / sign out', response: { 200: OkSchema, ...errorResponses } },
  }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await destroySession(app.gh, token);
    const a = req.actor!;
    await appendAuditStandalone(app.gh.db, { actorId: a.userId, actorName: a.username, orgId: a.orgId, action: 'auth.logout', ip: req.ip });
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  r.get('/api/auth/me', {
    config: { access: 'authenticated', allowPending: true },
    schema: { tags, summary: '当前用户、权限与数据范围 / current user', response: { 200: MeSchema, ...errorResponses } },
  }, async (req) => presentMe(req.actor!));

  r.post('/api/auth/password', {
    config: { access: 'authenticated', allowPending: true },
    schema: { tags, summary: '修改本人密码 / change own password', body: ChangePasswordBody, response: { 200: OkSchema, ...errorResponses } },
  }, async (req) => {
    await changeOwnPassword(ctx(app, req), req.body.currentPassword, req.body.newPassword);
    return { ok: true as const };
  });

  r.post('/api/auth/totp/setup', {
    config: { access: 'authenticated', allowPending: true },
    schema: { tags, summary: '生成动态验证码密钥 / start TOTP enrolment', response: { 200: TotpSetupSchema, ...errorResponses } },
  }, async (req) => {
    const pending = req.actor!.pending;
    if (pending === 'totp' || pending === 'password_change') throw new AppError(403, 'SIGN_IN_UNFINISHED', '请先完成登录（验证码或修改密码）', 'Finish signing in first');
    return setupTotp(ctx(app, req));
  });

  r.post('/api/auth/totp/enable', {
    config: { access: 'authenticated', allowPending: true },
    schema: { tags, summary: '确认并启用动态验证码 / confirm TOTP', body: TotpBody, response: { 200: OkSchema, ...errorResponses } },
  }, async (req) => {
    await enableTotp(ctx(app, req), req.body.code);
    return { ok: true as const };
  });

  r.post('/api/auth/totp/disable', {
    config: { access: 'authenticated' },
    schema: { tags, summary: '停用动态验证码 / disable TOTP', body: TotpBody, response: { 200: OkSchema, ...errorResponses } },
  }, async (req) => {
    await disableTotp(ctx(app, req), req.body.code);
    return { ok: true as const };
  });
}
