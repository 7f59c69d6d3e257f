import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as C from './join.contract.js';
import { applicationStatus, applyToJoin, findTerritorial, findUnions } from './join.public.js';
import { approveApplication, getApplication, joinApplicationSummary, listApplications, rejectApplication } from './join.review.js';
import { SlidingWindowLimiter, type LimitBucket } from './rate-limit.js';
import { ctx } from '../../../platform/guard.js';
import { IdParams, errorResponses } from '../../../platform/contract.js';
import type { PublicCtx } from './join.shared.js';

const tags = ['入会申请 join'];

/** Online joining (入会申请): public application and look-up, and the union's review. */
export async function joinRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // One limiter per app instance (see rate-limit.ts for what it does and does not guarantee).
  const limiter = new SlidingWindowLimiter();
  const pub = (req: FastifyRequest): PublicCtx => ({ ...app.gh, ip: req.ip });
  const E = C.publicErrorResponses;
  // Counted before validation, so malformed attempts count too.
  const limit = (bucket: LimitBucket) => async (req: FastifyRequest) => limiter.take(bucket, req.ip);

  r.get('/api/join/unions', {
    config: { access: 'public' },
    schema: {
      tags, summary: '查找单位工会（名称或统一社会信用代码，无需登录）/ find the employer’s union by name or credit code (public)',
      querystring: C.LookupQuery, response: { 200: z.array(C.UnionHit), ...E },
    },
    onRequest: limit('lookup'),
  }, (req) => findUnions(pub(req), req.query.q));

  r.get('/api/join/territorial', {
    config: { access: 'public' },
    schema: {
      tags, summary: '查找工作地的乡镇（街道）、园区工会（单位没有工会时，无需登录）/ find the territorial street/park union (public)',
      querystring: C.LookupQuery, response: { 200: z.array(C.TerritorialHit), ...E },
    },
    onRequest: limit('lookup'),
  }, (req) => findTerritorial(pub(req), req.query.q));

  r.post('/api/join/applications', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: '提交入会申请（无需登录；不通知用人单位；工会15个工作日内答复）/ apply to join (public; the employer is not notified; answer within 15 working days)',
      description: '限流：每个IP每小时20次，每个身份证号每天5份申请。Rate limits: 20 per IP per hour, 5 applications per ID number per day.',
      body: C.JoinApplyBody, response: { 201: C.JoinApplyResult, ...E },
    },
    onRequest: limit('apply'),
  }, async (req, reply) => reply.code(201).send(await applyToJoin(pub(req), req.body)));

  r.get('/api/join/applications/status', {
    config: { access: 'public' },
    schema: {
      tags, summary: '查询入会申请结果（须同时提供申请编号和身份证号，无需登录）/ look up an outcome by application number and ID number (public)',
      querystring: C.StatusQuery, response: { 200: C.StatusResult, ...E },
    },
    onRequest: limit('status'),
  }, (req) => applicationStatus(pub(req), req.query.appNo, req.query.idNumber));

  r.get('/api/join/applications', {
    config: { access: 'join.review' },
    schema: { tags, summary: '入会申请列表（管辖范围内，含逾期标记）/ applications in scope, with overdue flags', querystring: C.JoinListQuery, response: { 200: C.JoinPage, ...errorResponses } },
  }, (req) => listApplications(ctx(app, req), req.query));

  r.get('/api/join/applications/summary', {
    config: { access: 'join.review' },
    schema: { tags, summary: '待办、逾期、即将到期的入会申请数（管辖范围内）/ pending, overdue and due-soon counts in scope', response: { 200: C.JoinSummary, ...errorResponses } },
  }, (req) => joinApplicationSummary(ctx(app, req)));

  r.get('/api/join/applications/:id', {
    config: { access: 'join.review' },
    schema: { tags, summary: '入会申请详情（脱敏）/ application detail, masked', params: IdParams, response: { 200: C.JoinDetail, ...errorResponses } },
  }, (req) => getApplication(ctx(app, req), req.params.id));

  r.post('/api/join/applications/:id/approve', {
    config: { access: 'join.review' },
    schema: {
      tags, summary: '批准入会（登记会员并发放会员卡）/ approve: registers the member and issues the card', params: IdParams, body: C.ApproveBody,
      response: { 200: C.DecisionResult, ...errorResponses },
    },
  }, (req) => approveApplication(ctx(app, req), req.params.id, req.body.joinDate));

  r.post('/api/join/applications/:id/reject', {
    config: { access: 'join.review' },
    schema: { tags, summary: '不予入会（须说明理由）/ reject with a reason', params: IdParams, body: C.RejectBody, response: { 200: C.DecisionResult, ...errorResponses } },
  }, (req) => rejectApplication(ctx(app, req), req.params.id, req.body.reason));
}
