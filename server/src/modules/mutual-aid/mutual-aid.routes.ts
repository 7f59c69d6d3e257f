import type { FastifyInstance } from 'fastify';
import { mutualAidApi, portalMutualAidApi } from '../../../../common/src/contracts/mutual-aid.js';
import { mount } from '../../platform/mount.js';
import { requireWorker } from '../portal/portal.service.js';
import { sendFile } from '../hardship/hardship.shared.js';
import * as svc from './mutual-aid.service.js';
import { enrolTemplateWorkbook } from './mutual-aid.template.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function mutualAidRoutes(app: FastifyInstance) {
  mount(app, mutualAidApi, {
    plans: (c, { query }) => svc.listPlans(c, query),
    plan: (c, { params }) => svc.getPlan(c, params.id),
    createPlan: (c, { body }) => svc.createPlan(c, body),
    enrol: (c, { params, body }) => svc.enrol(c, params.id, body),
    enrolImport: (c, { params, body }) => svc.enrolFromXlsx(c, params.id, body),
    enrolTemplate: async (_c, _i, _req, reply) => sendFile(reply, XLSX, '互助保障参保名单模板.xlsx', await enrolTemplateWorkbook()),
    enrolments: (c, { query }) => svc.listEnrolments(c, query),
    claims: (c, { query }) => svc.listClaims(c, query),
    claim: (c, { params }) => svc.getClaim(c, params.id),
    claimHistory: (c, { params }) => svc.claims.history(c, params.id),
    fileClaim: (c, { body }) => svc.fileClaim(c, body),
    attach: (c, { params, body }) => svc.attachDocument(c, params.id, body),
    document: async (c, { params }, _req, reply) => {
      const d = await svc.readDocument(c, params.id);
      return sendFile(reply, d.mime, d.fileName, d.data);
    },
    approve: (c, { params, body }) => svc.approveClaim(c, params.id, body),
    pay: (c, { params, body }) => svc.payClaim(c, params.id, body),
    reject: (c, { params, body }) => svc.rejectClaim(c, params.id, body),
    dashboard: (c) => svc.figures(c),
  });
  // The worker's side: a worker session (docs/portal.md), only their own cover and claims.
  mount(app, portalMutualAidApi, {
    mine: async (s, _i, req) => svc.workerMutualAid(s, (await requireWorker(s, req)).account),
    file: async (s, { body }, req) => svc.workerFileClaim(s, (await requireWorker(s, req)).account, body, s.ip),
  });
}
