import type { FastifyInstance } from 'fastify';
import { hardshipWarningsApi } from '../../../../common/src/contracts/hardship-warnings.js';
import { closeWarning, listWarnings, scanNow, warnings } from './warning.service.js';
import { mount } from '../../platform/mount.js';

/** Monitoring warnings: the list in scope, the scan on demand, closing with the action taken. */
export async function warningRoutes(app: FastifyInstance) {
  mount(app, hardshipWarningsApi, {
    list: (c, { query }) => listWarnings(c, query),
    scan: (c) => scanNow(c),
    close: (c, { params, body }) => closeWarning(c, params.id, body.action),
    history: (c, { params }) => warnings.history(c, params.id),
  });
}
