import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as C from './org.contract.js';
import * as svc from './org.service.js';
import { ctx } from '../../platform/guard.js';
import { IdParams, errorResponses } from '../../platform/contract.js';

const tags = ['工会组织 org'];

export async function orgRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/orgs', {
    config: { access: 'org.read' },
    schema: { tags, summary: '组织列表（筛选、分页）/ list organisations', querystring: C.OrgListQuery, response: { 200: C.OrgPage, ...errorResponses } },
  }, (req) => svc.listOrgs(ctx(app, req), req.query));

  r.get('/api/orgs/tree', {
    config: { access: 'org.read' },
    schema: { tags, summary: '组织树（逐级加载）/ tree children', querystring: C.TreeQuery, response: { 200: z.array(C.TreeNodeSchema), ...errorResponses } },
  }, (req) => svc.orgTree(ctx(app, req), req.query.parentId));

  r.get('/api/orgs/tree/search', {
    config: { access: 'org.read' },
    schema: { tags, summary: '在组织树中搜索 / search the tree', querystring: C.TreeSearchQuery, response: { 200: C.TreeSearchResult, ...errorResponses } },
  }, (req) => svc.searchOrgTree(ctx(app, req), req.query.q));

  r.get('/api/orgs/:id', {
    config: { access: 'org.read' },
    schema: { tags, summary: '组织详情 / organisation detail', params: IdParams, response: { 200: C.OrgDetailSchema, ...errorResponses } },
  }, (req) => svc.getOrgDetail(ctx(app, req), req.params.id));

  r.post('/api/orgs', {
    config: { access: 'org.write' },
    schema: { tags, summary: '新建组织 / create', body: C.OrgCreateBody, response: { 201: C.OrgSchema, ...errorResponses } },
  }, async (req, reply) => reply.code(201).send(await svc.createOrg(ctx(app, req), req.body)));

  r.put('/api/orgs/:id', {
    config: { access: 'org.write' },
    schema: { tags, summary: '修改组织 / update', params: IdParams, body: C.OrgUpdateBody, response: { 200: C.OrgSchema, ...errorResponses } },
  }, (req) => svc.updateOrg(ctx(app, req), req.params.id, req.body));

  r.post('/api/orgs/:id/move', {
    config: { access: 'org.write' },
    schema: { tags, summary: '迁移组织及其下级 / move a subtree', params: IdParams, body: C.OrgMoveBody, response: { 200: C.OrgSchema, ...errorResponses } },
  }, (req) => svc.moveOrg(ctx(app, req), req.params.id, req.body.parentId, req.body.version));

  r.post('/api/orgs/:id/deactivate', {
    config: { access: 'org.write' },
    schema: { tags, summary: '停用组织（不删除）/ deactivate', params: IdParams, body: C.OrgVersionBody, response: { 200: C.OrgSchema, ...errorResponses } },
  }, (req) => svc.setOrgActive(ctx(app, req), req.params.id, false, req.body.version));

  r.post('/api/orgs/:id/reactivate', {
    config: { access: 'org.write' },
    schema: { tags, summary: '重新启用组织 / reactivate', params: IdParams, body: C.OrgVersionBody, response: { 200: C.OrgSchema, ...errorResponses } },
  }, (req) => svc.setOrgActive(ctx(app, req), req.params.id, true, req.body.version));
}
