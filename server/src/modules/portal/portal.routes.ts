import type { FastifyInstance, FastifyReply } from 'fastify';
import { and, count, desc, eq } from 'drizzle-orm';
import { portalApi } from '../../../../common/src/contracts/portal.js';
import { mount } from '../../platform/mount.js';
import { mobileIndexOf } from '../member/member.record.js';
import { smsOutbox } from './portal.schema.js';
import { listNotifications, markAllRead } from './notify.js';
import * as svc from './portal.service.js';
import * as req from './requests.service.js';

export async function portalRoutes(app: FastifyInstance) {
  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(svc.WORKER_SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      path: '/api/portal',
      secure: app.gh.config.cookieSecure,
      maxAge: svc.WORKER_SESSION_DAYS * 86_400,
    });

  mount(app, portalApi, {
    sendCode: (s, { body }) => svc.sendSignInCode(s, body.mobile, s.ip),
    signIn: async (s, { body }, _req, reply) => {
      const { account, created } = await svc.signInWorker(s, body as { mobile: string; code?: string; password?: string }, s.ip);
      setCookie(reply, await svc.createWorkerSession(s, account.id, created));
      return svc.workerMe(s, account, created);
    },
    signOut: async (s, _i, req, reply) => {
      await svc.endWorkerSession(s, req.cookies?.[svc.WORKER_SESSION_COOKIE]);
      reply.clearCookie(svc.WORKER_SESSION_COOKIE, { path: '/api/portal' });
      return { ok: true as const };
    },
    me: async (s, _i, req) => {
      const w = await svc.requireWorker(s, req);
      return svc.workerMe(s, w.account, w.firstSignIn);
    },
    setPassword: async (s, { body }, req) => {
      const w = await svc.requireWorker(s, req);
      await svc.setWorkerPassword(s, w.account, body.password, s.ip);
      return { ok: true as const };
    },
    link: async (s, { body }, req) => {
      const w = await svc.requireWorker(s, req);
      await svc.linkMember(s, w.account, body, s.ip);
      return svc.workerMe(s, w.account, w.firstSignIn);
    },
    consent: async (s, { body }, req) => {
      const w = await svc.requireWorker(s, req);
      await svc.confirmConsent(s, w.account, body.version, s.ip);
      return svc.workerMe(s, w.account, w.firstSignIn);
    },
    card: async (s, _i, req) => svc.workerCard(s, (await svc.requireWorker(s, req)).account, `${req.protocol}://${req.host}`),
    applications: async (s, _i, req) => svc.workerApplications(s, (await svc.requireWorker(s, req)).account),
    notifications: async (s, { query }, req) => listNotifications(s.db, (await svc.requireWorker(s, req)).account.id, query.page, query.pageSize),
    readNotifications: async (s, _i, req) => {
      await markAllRead(s.db, (await svc.requireWorker(s, req)).account.id);
      return { ok: true as const };
    },
    myChangeRequests: async (s, _i, r) => req.myChangeRequests(s, (await svc.requireWorker(s, r)).account),
    requestChange: async (s, { body }, r) => req.requestChange(s, (await svc.requireWorker(s, r)).account, body, s.ip),
    unlink: async (s, _i, r) => {
      const w = await svc.requireWorker(s, r);
      await req.workerUnlink(s, w.account, s.ip);
      return svc.workerMe(s, w.account, w.firstSignIn);
    },
    changeRequests: (c, { query }) => req.listChangeRequests(c, query),
    approveChange: (c, { params, body }) => req.approveChange(c, params.id, body.version),
    rejectChange: (c, { params, body }) => req.rejectChange(c, params.id, body.version, body.reason),
    adminUnlink: (c, { params, body }) => req.adminUnlink(c, params.id, body.reason),
    figures: (c) => req.portalFigures(c),
    // The outbox holds sign-in codes: only administrators of the platform read it (settings.manage).
    outbox: async (c, { query }) => {
      const where = query.mobile ? eq(smsOutbox.mobileIndex, mobileIndexOf(c.keys, query.mobile)) : undefined;
      const rows = await c.db
        .select()
        .from(smsOutbox)
        .where(and(where))
        .orderBy(desc(smsOutbox.createdAt))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      const [{ n }] = (await c.db.select({ n: count() }).from(smsOutbox).where(and(where))) as [{ n: number }];
      return {
        items: rows.map((r) => ({ id: r.id, mobileMasked: r.mobileMasked, body: r.body, purpose: r.purpose, createdAt: r.createdAt.toISOString() })),
        total: Number(n),
        page: query.page,
        pageSize: query.pageSize,
      };
    },
  });
}
