import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errors } from './errors.js';
import { appendAuditStandalone } from './audit.js';
import { invalidateActors, loadActor, SESSION_COOKIE } from '../modules/auth/session.js';
import type { Ctx } from './context.js';
import { isStorableText } from '../../../common/src/contracts/kit.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const PENDING_ERRORS = {
  totp: () => new AppError(403, 'TOTP_REQUIRED', '请输入动态验证码完成登录', 'Enter your authenticator code to finish signing in'),
  password_change: () =>
    new AppError(
      403,
      'PASSWORD_CHANGE_REQUIRED',
      '请先修改密码（首次登录或密码已超过有效期）',
      'Change your password first (first sign-in or password expired)',
    ),
  totp_enrol: () =>
    new AppError(403, 'TOTP_ENROL_REQUIRED', '管理员账号须先绑定动态验证码（双因素认证）', 'Administrators must enrol an authenticator (two-factor) first'),
};

/**
 * The one guard every request passes: load the session, then enforce the route's declared access
 * (public, any signed-in user, or a permission), CSRF on state-changing requests, and unfinished
 * sign-ins. Denials are audited.
 */
export function installGuard(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  // preValidation, not preHandler: access is decided before the input is looked at, so a signed-out
  // or unauthorised caller gets 401/403, never validation details of a route they may not use.
  app.addHook('preValidation', async (req: FastifyRequest) => {
    // The not-found handler declares no access; it answers 404 for itself.
    if (req.is404) return;
    const access = req.routeOptions.config?.access;
    const token = req.cookies?.[SESSION_COOKIE];
    if (token) {
      const actor = await loadActor(app.gh, token);
      if (actor && actor !== 'expired') req.actor = actor;
      else if (access !== 'public') throw actor === 'expired' ? errors.sessionExpired() : errors.unauthenticated();
    }
    if (access === 'public') return;
    if (!access) throw new AppError(500, 'ROUTE_WITHOUT_ACCESS', '路由未声明权限', 'Route declares no access');
    const actor = req.actor;
    if (!actor) throw errors.unauthenticated();
    if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== actor.csrfToken) {
      await audit(req, 'security.csrf_rejected', 'denied');
      throw errors.csrf();
    }
    if (actor.pending && !req.routeOptions.config?.allowPending) throw PENDING_ERRORS[actor.pending]();
    if (access !== 'authenticated' && !actor.permissions.has(access)) {
      await audit(req, 'security.permission_denied', 'denied', `${req.method} ${req.routeOptions.url} requires ${access}`);
      throw errors.forbidden(access);
    }
  });
  // A state-changing request of a signed-in user may have changed who may do what (roles,
  // permissions, users, sessions): drop the cached actors once its handler has committed, before the
  // answer leaves. Public writes (sign-in, self-check, join applications) change no grant and leave
  // the cache alone, so anonymous traffic does not keep emptying it.
  app.addHook('onSend', async (req: FastifyRequest, _reply: FastifyReply, payload: unknown) => {
    if (!SAFE_METHODS.has(req.method) && req.routeOptions.config?.access !== 'public') invalidateActors(app.gh);
    return payload;
  });
  // Then input hygiene, for every route: PostgreSQL text cannot hold NUL and its JSON refuses a lone
  // surrogate (half of a UTF-16 pair), so refuse both as bad input instead of failing inside a query
  // (or inside the audit entry) with a 500.
  app.addHook('preValidation', async (req: FastifyRequest) => {
    if (containsBadText(req.query) || containsBadText(req.params) || containsBadText(req.body)) {
      throw errors.invalid(
        '输入包含不允许的字符（NUL 控制字符或不完整的 Unicode 代理项）',
        'The input contains a NUL character or ill-formed Unicode (a lone surrogate)',
      );
    }
  });

  async function audit(req: FastifyRequest, action: string, result: 'denied' | 'failed', detail?: string) {
    await appendAuditStandalone(app.gh.db, {
      actorId: req.actor?.userId,
      actorName: req.actor?.username,
      orgId: req.actor?.orgId,
      action,
      ip: req.ip,
      result,
      detail: detail ?? `${req.method} ${req.url}`.slice(0, 300),
    });
  }
}

/** Whether any string (or key) in a parsed body, query or params holds U+0000 or a lone surrogate. Iterative: bodies may nest deeply. */
function containsBadText(input: unknown): boolean {
  const stack: unknown[] = [input];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (!isStorableText(v)) return true;
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (!isStorableText(k)) return true;
        stack.push(x);
      }
    }
  }
  return false;
}

/** The service context of a guarded request. */
export function ctx(app: FastifyInstance, req: FastifyRequest): Ctx {
  if (!req.actor) throw errors.unauthenticated();
  return { ...app.gh, actor: req.actor, ip: req.ip };
}

export function sendError(reply: FastifyReply, e: AppError) {
  return reply.code(e.status).send({ code: e.code, message: e.zh, messageEn: e.en, ...(e.details === undefined ? {} : { details: e.details }) });
}
