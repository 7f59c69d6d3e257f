import type { FastifyInstance } from 'fastify';
import { hardshipFilesApi } from '../../../../common/src/contracts/hardship-files.js';
import * as svc from './file.service.js';
import * as flow from './workflow.service.js';
import { files } from './file.repo.js';
import { addAttachment, deleteAttachment, readAttachment } from './attachment.service.js';
import { hardshipDashboard } from './dashboard.service.js';
import { aidRoutes } from './aid.routes.js';
import { rulesRoutes } from './rules.routes.js';
import { warningRoutes } from './warning.routes.js';
import { publicHardshipRoutes } from './public.routes.js';
import { ensureHardshipDefaults } from './rules.service.js';
import { sendFile } from './hardship.shared.js';
import { mount } from '../../platform/mount.js';

/** Assistance (困难职工帮扶): household files, workflow, visits, attachments, dashboard; aid, rules, warnings and the public pages register their own. */
export async function hardshipRoutes(app: FastifyInstance) {
  app.addHook('onReady', async () => {
    await app.gh.db.transaction((tx) => ensureHardshipDefaults(tx));
  });

  mount(app, hardshipFilesApi, {
    list: (c, { query }) => svc.listFiles(c, query),
    get: (c, { params }) => svc.getFileDetail(c, params.id),
    history: (c, { params }) => files.history(c, params.id),
    create: (c, { body }) => svc.createFile(c, body),
    update: (c, { params, body }) => svc.updateFile(c, params.id, body),
    check: (c, { params, body }) => flow.checkFile(c, params.id, body),
    review: (c, { params, body }) => flow.reviewFile(c, params.id, body),
    reassess: (c, { params, body }) => flow.reassessFile(c, params.id, body),
    exit: (c, { params, body }) => flow.exitFile(c, params.id, body),
    relapse: (c, { params, body }) => flow.relapseFile(c, params.id, body),
    visit: (c, { params, body }) => flow.recordVisit(c, params.id, body),
    unmask: (c, { params }) => svc.unmaskFile(c, params.id),
    attach: (c, { params, body }) => addAttachment(c, params.id, body),
    attachment: async (c, { params }, _req, reply) => {
      const a = await readAttachment(c, params.id);
      return sendFile(reply, a.mime, a.fileName, a.data);
    },
    deleteAttachment: async (c, { params }) => {
      await deleteAttachment(c, params.id);
      return { ok: true as const };
    },
    dashboard: (c) => hardshipDashboard(c),
  });

  await app.register(aidRoutes);
  await app.register(rulesRoutes);
  await app.register(warningRoutes);
  await app.register(publicHardshipRoutes);
}
