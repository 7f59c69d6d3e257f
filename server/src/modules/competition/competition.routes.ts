import type { FastifyInstance } from 'fastify';
import { competitionApi } from '../../../../common/src/contracts/competition.js';
import { mount } from '../../platform/mount.js';
import * as svc from './competition.service.js';

export async function competitionRoutes(app: FastifyInstance) {
  mount(app, competitionApi, {
    list: (c, { query }) => svc.listCompetitions(c, query),
    dashboard: (c) => svc.competitionFigures(c),
    get: (c, { params }) => svc.getCompetition(c, params.id),
    history: (c, { params }) => svc.competitions.history(c, params.id),
    create: (c, { body }) => svc.createCompetition(c, body),
    update: (c, { params, body }) => svc.updateCompetition(c, params.id, body),
    addEntry: (c, { params, body }) => svc.addEntry(c, params.id, body),
    updateEntry: (c, { params, body }) => svc.updateEntry(c, params.id, body),
  });
}
