import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import * as C from './user.contract.js';
import * as svc from './user.service.js';
import { ctx } from '../../platform/guard.js';
import { IdParams, errorResponses } from '../../platform/contract.js';

const tags = ['账号 user'];

export async function userRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/users', {
    config: { access: 'user.read' },
    schema: { tags, summary: '账号列表 / list accounts', querystring: C.UserListQuery, response: { 200: C.UserPage, ...errorResponses } },
  }, (req) => svc.listUsers(ctx(app, req), req.query));
  r.get('/api/users/:id', {
    config: { access: 'user.read' },
    schema: { tags, summary: '账号详情 / account', params: IdParams, response: { 200: C.UserSchema, ...errorResponses } },
  }, (req) => svc.getUser(ctx(app, req), req.params.id));
  r.post('/api/users', {
    config: { access: 'user.manage' },
    schema: { tags, summary: '新建账号（首次登录须改密码）/ create account', body: C.UserCreateBody, response: { 201: C.UserCreated, ...errorResponses } },
  }, async (req, reply) => reply.code(201).send(await svc.createUser(ctx(app, req), req.body)));
  r.put('/api/users/:id', {
    config: { access: 'user.manage' },
    schema: { tags, summary: '修改账号、角色、启停 / update account', params: IdParams, body: C.UserUpdateBody, response: { 200: C.UserSchema, ...errorResponses } },
  }, (req) => svc.updateUser(ctx(app, req), req.params.id, req.body));
  r.post('/api/users/:id/reset-password', {
    config: { access: 'user.manage' },
    schema: { tags, summary: '重置密码 / reset password', params: IdParams, response: { 200: C.PasswordReset, ...errorResponses } },
  }, (req) => svc.resetPassword(ctx(app, req), req.params.id));
  r.post('/api/users/:id/unlock', {
    config: { access: 'user.manage' },
    schema: { tags, summary: '解除锁定 / unlock', params: IdParams, response: { 200: C.UserSchema, ...errorResponses } },
  }, (req) => svc.unlockUser(ctx(app, req), req.params.id));
}
