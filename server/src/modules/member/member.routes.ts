import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as C from './member.contract.js';
import * as svc from './member.service.js';
import { memberCard, verifyCard } from './card.js';
import { ctx } from '../../platform/guard.js';
import { IdParams, OkSchema, errorResponses } from '../../platform/contract.js';

const tags = ['会员 member'];

export async function memberRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/members', {
    config: { access: 'member.read' },
    schema: { tags, summary: '会员查询（管辖范围内）/ search members in scope', querystring: C.MemberListQuery, response: { 200: C.MemberPage, ...errorResponses } },
  }, (req) => svc.listMembers(ctx(app, req), req.query));

  r.get('/api/members/:id', {
    config: { access: 'member.read' },
    schema: { tags, summary: '会员详情与会籍时间线 / member with history', params: IdParams, response: { 200: C.MemberDetail, ...errorResponses } },
  }, (req) => svc.getMemberDetail(ctx(app, req), req.params.id));

  r.post('/api/members', {
    config: { access: 'member.write' },
    schema: { tags, summary: '登记会员 / register a member', body: C.MemberCreateBody, response: { 201: z.object({ id: z.string() }), ...errorResponses } },
  }, async (req, reply) => reply.code(201).send({ id: await svc.createMember(ctx(app, req), req.body) }));

  r.put('/api/members/:id', {
    config: { access: 'member.write' },
    schema: { tags, summary: '修改会员信息 / update', params: IdParams, body: C.MemberUpdateBody, response: { 200: z.object({ id: z.string() }), ...errorResponses } },
  }, async (req) => ({ id: await svc.updateMember(ctx(app, req), req.params.id, req.body) }));

  r.post('/api/members/:id/status', {
    config: { access: 'member.write' },
    schema: { tags, summary: '保留会籍、退会、恢复 / retain, leave, reactivate', params: IdParams, body: C.MemberStatusBody, response: { 200: OkSchema, ...errorResponses } },
  }, async (req) => {
    await svc.changeMemberStatus(ctx(app, req), req.params.id, req.body);
    return { ok: true as const };
  });

  r.post('/api/members/:id/unmask', {
    config: { access: 'member.unmask' },
    schema: { tags, summary: '查看完整身份证号和手机号（记入审计）/ reveal, audited', params: IdParams, response: { 200: C.Unmasked, ...errorResponses } },
  }, (req) => svc.unmaskMember(ctx(app, req), req.params.id));

  r.get('/api/members/:id/card', {
    config: { access: 'member.read' },
    schema: {
      tags, summary: '电子会员卡 / electronic card', params: IdParams,
      response: { 200: z.object({ cardNo: z.string(), name: z.string(), orgName: z.string(), joinDate: z.string(), status: z.string(), token: z.string(), verifyUrl: z.string(), qrDataUrl: z.string() }), ...errorResponses },
    },
  }, (req) => memberCard(ctx(app, req), req.params.id, `${req.protocol}://${req.host}`));

  r.get('/api/cards/verify', {
    config: { access: 'public' },
    schema: {
      tags, summary: '核验会员卡（仅显示脱敏姓名和工会）/ verify a card', querystring: z.strictObject({ token: z.string().min(1).max(500) }),
      response: { 200: z.object({ valid: z.boolean(), reason: z.string().nullable(), maskedName: z.string().optional(), unionName: z.string().optional(), status: z.string().optional() }) },
    },
  }, (req) => verifyCard(app.gh, req.query.token));
}
