import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as C from './transfer.contract.js';
import { startIncoming, startOutgoing, startSelf } from './transfer.start.js';
import { cancelTransfer, confirmTransfer, listTransfers, rejectTransfer } from './transfer.decide.js';
import { SlidingWindowLimiter } from '../join/rate-limit.js';
import { publicErrorResponses } from '../join/join.contract.js';
import { ctx } from '../../../platform/guard.js';
import { IdParams, errorResponses } from '../../../platform/contract.js';

const tags = ['会员关系接转 transfer'];

const Decision = z.object({ id: z.string(), status: z.string(), awaiting: z.array(z.enum(['from', 'to'])), completedOn: z.string().nullable() });

/** Membership transfers (会员关系接转): started by either union or the member, confirmed by both unions. */
export async function transferRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const limiter = new SlidingWindowLimiter();

  r.get('/api/transfers', {
    config: { access: 'member.transfer' },
    schema: { tags, summary: '接转列表（转出、转入或全部，管辖范围内）/ transfers in or out of scope', querystring: C.TransferListQuery, response: { 200: C.TransferPage, ...errorResponses } },
  }, (req) => listTransfers(ctx(app, req), req.query));

  r.post('/api/transfers', {
    config: { access: 'member.transfer' },
    schema: {
      tags, summary: '转出：原工会发起接转（本方即视为确认）/ start as the releasing union (its side confirmed)', body: C.TransferOutBody,
      response: { 201: C.TransferStarted, ...errorResponses },
    },
  }, async (req, reply) => reply.code(201).send(await startOutgoing(ctx(app, req), req.body)));

  r.post('/api/transfers/incoming', {
    config: { access: 'member.transfer' },
    schema: {
      tags, summary: '转入：接收工会凭身份证号发起接转（只显示脱敏姓名和原工会）/ start as the receiving union by ID number', body: C.TransferInBody,
      response: { 201: C.TransferStarted, ...errorResponses },
    },
  }, async (req, reply) => reply.code(201).send(await startIncoming(ctx(app, req), req.body)));

  r.post('/api/transfers/self', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: '会员本人申请接转（身份证号和登记手机号须一致，无需登录）/ a member asks for a transfer (ID number and mobile on record; public)',
      description: '限流：每个IP每小时10次，每个身份证号每小时5次。Rate limits: 10 per IP per hour, 5 per ID number per hour.',
      body: C.TransferSelfBody, response: { 201: C.TransferSelfResult, ...publicErrorResponses },
    },
    onRequest: async (req) => limiter.take('selfTransfer', req.ip),
  }, async (req, reply) => reply.code(201).send(await startSelf({ ...app.gh, ip: req.ip }, req.body, limiter)));

  r.post('/api/transfers/:id/confirm', {
    config: { access: 'member.transfer' },
    schema: { tags, summary: '确认接转（本方；双方确认后办结）/ confirm your side; completes when both have', params: IdParams, response: { 200: Decision, ...errorResponses } },
  }, (req) => confirmTransfer(ctx(app, req), req.params.id));

  r.post('/api/transfers/:id/reject', {
    config: { access: 'member.transfer' },
    schema: { tags, summary: '驳回接转（任一方，须说明理由）/ reject (either side, with a reason)', params: IdParams, body: C.TransferReasonBody, response: { 200: Decision, ...errorResponses } },
  }, (req) => rejectTransfer(ctx(app, req), req.params.id, req.body.reason));

  r.post('/api/transfers/:id/cancel', {
    config: { access: 'member.transfer' },
    schema: { tags, summary: '撤回接转（发起方）/ cancel (the initiating side)', params: IdParams, body: C.TransferCancelBody, response: { 200: Decision, ...errorResponses } },
  }, (req) => cancelTransfer(ctx(app, req), req.params.id, req.body.reason));
}
