import type { FastifyInstance } from 'fastify';
import { studioApi } from '../../../../common/src/contracts/studio.js';
import { mount } from '../../platform/mount.js';
import * as svc from './studio.service.js';

export async function studioRoutes(app: FastifyInstance) {
  mount(app, studioApi, {
    list: (c, { query }) => svc.listStudios(c, query),
    dashboard: (c) => svc.studioFigures(c),
    alliances: (c) => svc.listAlliances(c),
    createAlliance: (c, { body }) => svc.createAlliance(c, body),
    get: (c, { params }) => svc.getStudio(c, params.id),
    history: (c, { params }) => svc.studios.history(c, params.id),
    create: (c, { body }) => svc.createStudio(c, body),
    update: (c, { params, body }) => svc.updateStudio(c, params.id, body),
    addResult: (c, { params, body }) => svc.addResult(c, params.id, body),
    evaluate: (c, { params, body }) => svc.evaluate(c, params.id, body),
  });
}
