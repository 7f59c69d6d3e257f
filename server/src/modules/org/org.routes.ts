import type { FastifyInstance } from 'fastify';
import { orgApi } from '../../../../common/src/contracts/org.js';
import * as svc from './org.service.js';
import { orgs } from './org.repo.js';
import { mount } from '../../platform/mount.js';

export async function orgRoutes(app: FastifyInstance) {
  mount(app, orgApi, {
    list: (c, { query }) => svc.listOrgs(c, query),
    tree: (c, { query }) => svc.orgTree(c, query.parentId),
    searchTree: (c, { query }) => svc.searchOrgTree(c, query.q),
    get: (c, { params }) => svc.getOrgDetail(c, params.id),
    history: (c, { params }) => orgs.history(c, params.id),
    create: (c, { body }) => svc.createOrg(c, body),
    update: (c, { params, body }) => svc.updateOrg(c, params.id, body),
    move: (c, { params, body }) => svc.moveOrg(c, params.id, body.parentId, body.version),
    deactivate: (c, { params, body }) => svc.setOrgActive(c, params.id, false, body.version),
    reactivate: (c, { params, body }) => svc.setOrgActive(c, params.id, true, body.version),
  });
}
