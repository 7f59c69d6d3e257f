import type { FastifyInstance } from 'fastify';
import { roleApi } from '../../../../common/src/contracts/user.js';
import * as svc from './role.service.js';
import { roles } from './user.repo.js';
import { mount } from '../../platform/mount.js';

export async function roleRoutes(app: FastifyInstance) {
  mount(app, roleApi, {
    list: (c) => svc.listRoles(c),
    get: (c, { params }) => svc.getRole(c, params.id),
    history: (c, { params }) => roles.history(c, params.id),
    create: (c, { body }) => svc.createRole(c, body),
    update: (c, { params, body }) => svc.updateRole(c, params.id, body),
    remove: (c, { params }) => svc.deleteRole(c, params.id),
  });
}
