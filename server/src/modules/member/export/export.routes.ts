import type { FastifyInstance } from 'fastify';
import { memberExportApi } from '../../../../../common/src/contracts/member.js';
import { startMemberExport } from './member-export.js';
import { mount } from '../../../platform/mount.js';

export async function memberExportRoutes(app: FastifyInstance) {
  mount(app, memberExportApi, {
    export: async (c, { query }, _req, reply) => {
      const x = await startMemberExport(c, query);
      return reply
        .header('content-type', x.contentType)
        .header('content-disposition', x.disposition)
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .header('x-total-count', String(x.rows))
        .send(x.stream); // a stream: Fastify pipes it, no serialisation
    },
  });
}
