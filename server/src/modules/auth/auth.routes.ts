import type { FastifyInstance, FastifyReply } from 'fastify';
import { authApi } from '../../../../common/src/contracts/auth.js';
import { changeOwnPassword, completeTotpLogin, disableTotp, enableTotp, login, setupTotp } from './auth.service.js';
import { destroySession, loadActor, SESSION_COOKIE } from './session.js';
import { mount } from '../../platform/mount.js';
import { appendAuditStandalone } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/context.js';

export function presentMe(a: Actor) {
  return {
    user: { id: a.userId, username: a.username, displayName: a.displayName, orgId: a.orgId, orgName: a.orgName, orgLevel: a.orgLevel },
    permissions: [...a.permissions].sort(),
    scope: a.scope.all
      ? { all: true, subtreeCount: 0, orgCount: 0 }
      : { all: false, subtreeCount: a.scope.subtreePaths.length, orgCount: a.scope.orgIds.length },
    pending: a.pending,
    totpEnabled: a.totpEnabled,
    passwordExpiresAt: a.passwordExpiresAt,
    csrfToken: a.csrfToken,
  };
}

const ok = { ok: true as const };

export async function authRoutes(app: FastifyInstance) {
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', secure: app.gh.config.cookieSecure });

  mount(app, authApi, {
    login: async (s, { body }, req, reply) => {
      const { token } = await login(s, body.username, body.password, { ip: s.ip, userAgent: req.headers['user-agent'] });
      setCookie(reply, token);
      const actor = await loadActor(s, token);
      if (!actor || actor === 'expired') throw new Error('session vanished right after login');
      return presentMe(actor);
    },
    loginTotp: async (c, { body }) => {
      await completeTotpLogin(c, body.code);
      return ok;
    },
    logout: async (c, _input, req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await destroySession(c, token);
      const a = c.actor;
      await appendAuditStandalone(c.db, { actorId: a.userId, actorName: a.username, orgId: a.orgId, action: 'auth.logout', ip: c.ip });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return ok;
    },
    me: (c) => presentMe(c.actor),
    changePassword: async (c, { body }) => {
      await changeOwnPassword(c, body.currentPassword, body.newPassword);
      return ok;
    },
    totpSetup: (c) => {
      const pending = c.actor.pending;
      if (pending === 'totp' || pending === 'password_change')
        throw new AppError(403, 'SIGN_IN_UNFINISHED', '请先完成登录（验证码或修改密码）', 'Finish signing in first');
      return setupTotp(c);
    },
    totpEnable: async (c, { body }) => {
      await enableTotp(c, body.code);
      return ok;
    },
    totpDisable: async (c, { body }) => {
      await disableTotp(c, body.code);
      return ok;
    },
  });
}
