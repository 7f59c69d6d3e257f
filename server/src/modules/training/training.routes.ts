import type { FastifyInstance } from 'fastify';
import { trainingApi } from '../../../../common/src/contracts/training.js';
import { proposalApi } from '../../../../common/src/contracts/proposal.js';
import { mount } from '../../platform/mount.js';
import { requireWorker } from '../portal/portal.service.js';
import * as svc from './training.service.js';
import * as prop from './proposal.service.js';

export async function trainingRoutes(app: FastifyInstance) {
  mount(app, trainingApi, {
    courses: (c, { query }) => svc.listCourses(c, query),
    createCourse: (c, { body }) => svc.createCourse(c, body),
    course: (c, { params }) => svc.getCourse(c, params.id),
    courseHistory: (c, { params }) => svc.courses.history(c, params.id),
    updateCourse: (c, { params, body }) => svc.updateCourse(c, params.id, body),
    enrol: (c, { params, body }) => svc.enrol(c, params.id, body.memberId),
    attendance: (c, { params, body }) => svc.recordAttendance(c, params.id, body),
    certificates: (c, { query }) => svc.listCertificates(c, query),
    createCertificate: (c, { body }) => svc.createCertificate(c, body),
    certificate: (c, { params }) => svc.getCertificate(c, params.id),
    mentoring: (c, { query }) => svc.listPairs(c, query),
    createMentoring: (c, { body }) => svc.createPair(c, body),
    mentoringResult: (c, { params, body }) => svc.recordPairResult(c, params.id, body),
    coverage: (c) => svc.coverage(c),
    dashboard: (c) => svc.trainingFigures(c),
    verify: (s, { params }) => svc.verifyCertificate(s, params.certNo),
    mine: async (s, _i, req) => svc.myTraining(s, (await requireWorker(s, req)).account.memberId),
  });
  mount(app, proposalApi, {
    list: (c, { query }) => prop.listProposals(c, query),
    figures: (c) => prop.proposalFigures(c),
    create: (c, { body }) => prop.createProposal(c, body),
    get: (c, { params }) => prop.getProposal(c, params.id),
    history: (c, { params }) => prop.proposals.history(c, params.id),
    evaluate: (c, { params, body }) => prop.stepProposal(c, params.id, 'evaluate', body),
    adopt: (c, { params, body }) => prop.stepProposal(c, params.id, 'adopt', body),
    reject: (c, { params, body }) => prop.stepProposal(c, params.id, 'reject', body),
    implement: (c, { params, body }) => prop.implementProposal(c, params.id, body),
    submitMine: async (s, { body }, req) => prop.submitMine(s, (await requireWorker(s, req)).account, body, s.ip),
    mine: async (s, _i, req) => {
      const w = await requireWorker(s, req);
      return prop.myProposals(s, w.account.id, w.account.memberId);
    },
  });
}
