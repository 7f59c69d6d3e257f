import type { FastifyInstance } from 'fastify';
import { exportsApi } from '../../../../common/src/contracts/exports.js';
import { exportFile, getExportJob, listExportJobs, startExportJob } from '../../platform/export-jobs.js';
import { mount } from '../../platform/mount.js';

const disposition = (name: string) => `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export async function exportsRoutes(app: FastifyInstance) {
  mount(app, exportsApi, {
    start: (c, { body }) => startExportJob(c, body.kind, body.query),
    list: (c) => listExportJobs(c),
    get: (c, { params }) => getExportJob(c, params.id),
    file: (c, { params }, _req, reply) => {
      const f = exportFile(c, params.id);
      return reply
        .type(f.contentType)
        .header('content-disposition', disposition(f.fileName))
        .header('content-length', String(f.bytes))
        .header('cache-control', 'no-store')
        .send(f.stream);
    },
  });
}
