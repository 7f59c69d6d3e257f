import type { FastifyInstance } from 'fastify';
import { memberApi, memberDashboardApi } from '../../../../common/src/contracts/member.js';
import * as svc from './member.service.js';
import { memberCard, verifyCard } from './card.js';
import { memberFigures } from './member-figures.js';
import { mount } from '../../platform/mount.js';

export async function memberRoutes(app: FastifyInstance) {
  mount(app, memberApi, {
    list: (c, { query }) => svc.listMembers(c, query),
    get: (c, { params }) => svc.getMemberDetail(c, params.id),
    history: (c, { params }) => svc.members.history(c, params.id),
    create: async (c, { body }) => ({ id: await svc.createMember(c, body) }),
    update: async (c, { params, body }) => ({ id: await svc.updateMember(c, params.id, body) }),
    changeStatus: async (c, { params, body }) => {
      await svc.changeMemberStatus(c, params.id, body);
      return { ok: true as const };
    },
    unmask: (c, { params }) => svc.unmaskMember(c, params.id),
    card: (c, { params }, req) => memberCard(c, params.id, `${req.protocol}://${req.host}`),
    verifyCard: (c, { query }) => verifyCard(c, query.token),
  });
  // The dashboard's member section; dashboard.routes.ts mounts the rest of the dashboard.
  mount(app, memberDashboardApi, { members: (c) => memberFigures(c) });
}
