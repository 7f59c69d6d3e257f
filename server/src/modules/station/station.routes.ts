import type { FastifyInstance } from 'fastify';
import { stationApi, stationPublicApi } from '../../../../common/src/contracts/station.js';
import { mount } from '../../platform/mount.js';
import { sendFile } from '../hardship/hardship.shared.js';
import { requireWorker } from '../portal/portal.service.js';
import * as svc from './station.service.js';

export async function stationRoutes(app: FastifyInstance) {
  mount(app, stationApi, {
    list: (c, { query }) => svc.listStations(c, query),
    map: (c) => svc.mapPoints(c),
    dashboard: (c) => svc.stationFigures(c),
    get: (c, { params }) => svc.getStation(c, params.id),
    history: (c, { params }) => svc.stations.history(c, params.id),
    create: (c, { body }) => svc.createStation(c, body),
    update: (c, { params, body }) => svc.updateStation(c, params.id, body),
    inspect: (c, { params, body }) => svc.inspect(c, params.id, body),
    addPhoto: (c, { params, body }) => svc.addPhoto(c, params.id, body),
    photo: async (c, { params }, _req, reply) => {
      const p = await svc.readPhoto(c, params.id);
      return sendFile(reply, p.mime, p.fileName, p.data);
    },
  });
  mount(app, stationPublicApi, {
    nearest: (c, { query }) => svc.nearest(c.db, query),
    mapConfig: async () => svc.mapConfig(),
    // The portal's worker session (cookie path /api/portal): a visit is recorded only for a signed-in worker.
    visit: async (c, { params, body }, req) => svc.recordVisit(c, (await requireWorker(c, req)).account, params.id, body),
  });
}
