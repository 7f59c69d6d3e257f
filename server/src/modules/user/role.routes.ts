import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as C from './user.contract.js';
import * as svc from './role.service.js';
import { ctx } from '../../platform/guard.js';
import { IdParams, OkSchema, errorResponses } from '../../platform/contract.js';

const tags = ['角色 role'];

export async function roleRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/roles', {
    config: { access: 'user.read' },
    schema: { tags, summary: '角色列表 / list roles', response: { 200: z.array(C.RoleSchema), ...errorResponses } },
  }, (req) => svc.listRoles(ctx(app, req)));
  r.get('/api/roles/:id', {
    config: { access: 'user.read' },
    schema: { tags, summary: '角色详情 / role', params: IdParams, response: { 200: C.RoleSchema, ...errorResponses } },
  }, (req) => svc.getRole(ctx(app, req), req.params.id));
  r.post('/api/roles', {
    config: { access: 'role.manage' },
    schema: { tags, summary: '新建角色 / create role', body: C.RoleBody, response: { 201: C.RoleSchema, ...errorResponses } },
  }, async (req, reply) => reply.code(201).send(await svc.createRole(ctx(app, req), req.body)));
  r.put('/api/roles/:id', {
    config: { access: 'role.manage' },
    schema: { tags, summary: '修改角色 / update role', params: IdParams, body: C.RoleUpdateBody, response: { 200: C.RoleSchema, ...errorResponses } },
  }, (req) => svc.updateRole(ctx(app, req), req.params.id, req.body));
  r.delete('/api/roles/:id', {
    config: { access: 'role.manage' },
    schema: { tags, summary: '删除角色（无账号使用时）/ delete role', params: IdParams, response: { 200: OkSchema, ...errorResponses } },
  }, (req) => svc.deleteRole(ctx(app, req), req.params.id));
}
