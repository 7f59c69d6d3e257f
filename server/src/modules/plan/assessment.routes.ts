import type { FastifyInstance } from 'fastify';
import { assessmentApi } from '../../../../common/src/contracts/assessment.js';
import { mount } from '../../platform/mount.js';
import { sendSheet } from './xlsx.js';
import * as svc from './assessment.service.js';

export async function assessmentRoutes(app: FastifyInstance) {
  mount(app, assessmentApi, {
    list: (c, { query }) => svc.listAssessments(c, query),
    get: (c, { params }) => svc.getAssessment(c, params.id),
    history: (c, { params }) => svc.assessments.history(c, params.id),
    create: (c, { body }) => svc.createAssessment(c, body),
    startReview: (c, { params, body }) => svc.assessmentStep(c, params.id, 'startReview', body),
    rank: (c, { params, body }) => svc.assessmentStep(c, params.id, 'rank', body),
    publish: (c, { params, body }) => svc.assessmentStep(c, params.id, 'publish', body),
    sheet: async (c, { params }, _req, reply) => {
      const { a, columns, rows } = await svc.resultSheet(c, params.id);
      return sendSheet(c, reply, {
        fileName: `${a.year}年度考核结果.xlsx`,
        sheet: '考核结果',
        columns,
        rows,
        audit: { action: 'assessment.sheet.export', entity: 'assessment', entityId: a.id, changes: {} },
      });
    },
    entries: (c, { query }) => svc.listEntries(c, query),
    entry: (c, { params }) => svc.getEntry(c, params.id),
    selfAssess: (c, { params, body }) => svc.selfAssess(c, params.id, body),
    review: (c, { params, body }) => svc.reviewEntry(c, params.id, body),
    appeal: (c, { params, body }) => svc.fileAppeal(c, params.id, body),
    answer: (c, { params, body }) => svc.answerAppeal(c, params.id, body),
  });
}
