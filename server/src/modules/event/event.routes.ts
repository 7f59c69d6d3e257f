import type { FastifyInstance } from 'fastify';
import { eventApi, eventPortalApi } from '../../../../common/src/contracts/event.js';
import { mount } from '../../platform/mount.js';
import { sendFile } from '../hardship/hardship.shared.js';
import { requireWorker } from '../portal/portal.service.js';
import * as svc from './event.service.js';

/** Union events (docs/events.md): the organiser's routes and the worker's, under /api/portal. */
export async function eventRoutes(app: FastifyInstance) {
  mount(app, eventApi, {
    list: (c, { query }) => svc.listEvents(c, query),
    dashboard: (c) => svc.eventFigures(c),
    get: (c, { params }) => svc.getEvent(c, params.id),
    history: (c, { params }) => svc.events.history(c, params.id),
    create: (c, { body }) => svc.createEvent(c, body),
    update: (c, { params, body }) => svc.updateEvent(c, params.id, body),
    signups: (c, { params, query }) => svc.listSignups(c, params.id, query),
    checkIn: (c, { params, body }) => svc.checkIn(c, params.id, body.token),
    addPhoto: (c, { params, body }) => svc.addPhoto(c, params.id, body),
    photo: async (c, { params }, _req, reply) => {
      const p = await svc.readPhoto(c, params.id);
      return sendFile(reply, p.mime, p.fileName, p.data);
    },
  });
  mount(app, eventPortalApi, {
    open: async (s, { query }, req) => svc.openEvents(s, (await requireWorker(s, req)).account, query),
    mine: async (s, _i, req) => svc.myEvents(s, (await requireWorker(s, req)).account),
    signUp: async (s, { params }, req) => svc.signUp(s, (await requireWorker(s, req)).account, params.id, s.ip),
    cancel: async (s, { params }, req) => svc.cancelSignup(s, (await requireWorker(s, req)).account, params.id, s.ip),
  });
}
