import type { FastifyInstance } from 'fastify';
import { userApi } from '../../../../common/src/contracts/user.js';
import * as svc from './user.service.js';
import { users } from './user.repo.js';
import { mount } from '../../platform/mount.js';

export async function userRoutes(app: FastifyInstance) {
  mount(app, userApi, {
    list: (c, { query }) => svc.listUsers(c, query),
    get: (c, { params }) => svc.getUser(c, params.id),
    history: (c, { params }) => users.history(c, params.id),
    create: (c, { body }) => svc.createUser(c, body),
    update: (c, { params, body }) => svc.updateUser(c, params.id, body),
    resetPassword: (c, { params }) => svc.resetPassword(c, params.id),
    unlock: (c, { params }) => svc.unlockUser(c, params.id),
  });
}
