import type { FastifyInstance } from 'fastify';
import { disputeApi, disputePublicApi, mediatorApi } from '../../../../common/src/contracts/dispute.js';
import { hotlineApi, lawyerApi, legalAidApi, legalAidPublicApi } from '../../../../common/src/contracts/legal-aid.js';
import { portalCasesApi } from '../../../../common/src/contracts/portal-cases.js';
import * as worker from './worker-side.service.js';
import { requireWorker } from '../portal/portal.service.js';
import * as aid from './legal-aid.service.js';
import { wageArrearsApi } from '../../../../common/src/contracts/wage-arrears.js';
import * as wa from './wage-arrears.service.js';
import * as svc from './dispute.service.js';
import { createMediator, listMediators, updateMediator } from './mediator.service.js';
import { disputeDashboard } from './dashboard.service.js';
import { disputes, mediators } from './dispute.repo.js';
import { disputeCase } from './dispute.schema.js';
import { disputeRecordsApi } from '../../../../common/src/contracts/dispute-records.js';
import * as rec from './records.service.js';
import { sendFile } from '../hardship/hardship.shared.js';
import { mount } from '../../platform/mount.js';
import { registerDeadlineOwner } from '../../platform/deadline-recompute.js';

// A change of the holiday calendar moves the clocks a step started to their record.
registerDeadlineOwner('dispute', disputeCase, disputeCase.id, disputeCase.orgId);

/** Rights protection: labour-dispute cases and their workflow, the mediator panel, the worker's online intake and follow-up; legal aid, the lawyer panel and the 12351 call log. */
export async function disputeRoutes(app: FastifyInstance) {
  mount(app, disputePublicApi, {
    centres: (c) => svc.centres(c),
    apply: (c, { body }) => svc.applyOnline(c, body),
    follow: (c, { query }) => svc.followCase(c, query.caseNo, query.mobile),
  });
  mount(app, disputeApi, {
    list: (c, { query }) => svc.listDisputes(c, query),
    dashboard: (c) => disputeDashboard(c),
    get: (c, { params }) => svc.getDispute(c, params.id),
    history: (c, { params }) => disputes.history(c, params.id),
    create: (c, { body }) => svc.createDispute(c, body),
    assign: (c, { params, body }) => svc.assignMediator(c, params.id, body),
    transfer: (c, { params, body }) => svc.transferCase(c, params.id, body),
    session: (c, { params, body }) => svc.recordSession(c, params.id, body),
    agree: (c, { params, body }) => svc.agree(c, params.id, body),
    fail: (c, { params, body }) => svc.failMediation(c, params.id, body),
    close: (c, { params, body }) => svc.closeCase(c, params.id, body),
    reject: (c, { params, body }) => svc.rejectCase(c, params.id, body),
    unmask: (c, { params }) => svc.unmaskParties(c, params.id),
  });
  mount(app, mediatorApi, {
    list: (c, { query }) => listMediators(c, query),
    history: (c, { params }) => mediators.history(c, params.id),
    create: (c, { body }) => createMediator(c, body),
    update: (c, { params, body }) => updateMediator(c, params.id, body),
  });
  mount(app, legalAidPublicApi, {
    apply: (s, { body }) => worker.applyLegalAidOnline(s, body),
    follow: (s, { query }) => worker.followLegalAid(s, query.requestNo, query.mobile),
  });
  // The worker's own cases in the portal: the worker's session (cookie), never a cadre's.
  mount(app, portalCasesApi, {
    caseDetail: async (s, { params }, req) => worker.portalCaseDetail(s, (await requireWorker(s, req)).account, params.kind, params.id),
    requestLegalAid: async (s, { body }, req) => worker.portalLegalAid(s, (await requireWorker(s, req)).account, body),
  });
  mount(app, legalAidApi, {
    list: (c, { query }) => aid.listLegalAid(c, query),
    dashboard: (c) => aid.legalAidDashboard(c),
    get: (c, { params }) => aid.getLegalAid(c, params.id),
    history: (c, { params }) => aid.legalAid.history(c, params.id),
    create: (c, { body }) => aid.createLegalAid(c, body),
    assign: (c, { params, body }) => aid.assignLawyer(c, params.id, body),
    close: (c, { params, body }) => aid.closeLegalAid(c, params.id, body),
    decline: (c, { params, body }) => aid.declineLegalAid(c, params.id, body),
  });
  mount(app, lawyerApi, {
    list: (c, { query }) => aid.listLawyers(c, query),
    history: (c, { params }) => aid.lawyers.history(c, params.id),
    create: (c, { body }) => aid.createLawyer(c, body),
    update: (c, { params, body }) => aid.updateLawyer(c, params.id, body),
  });
  mount(app, wageArrearsApi, {
    list: (c, { query }) => wa.listArrears(c, query),
    board: (c) => wa.arrearsBoard(c),
    get: (c, { params }) => wa.getArrears(c, params.id),
    history: (c, { params }) => wa.arrears.history(c, params.id),
    create: (c, { body }) => wa.createArrears(c, body),
    recover: (c, { params, body }) => wa.recordRecovery(c, params.id, body),
  });
  mount(app, disputeRecordsApi, {
    records: (c, { params }) => rec.disputeRecords(c, params.id),
    addEvidence: (c, { params, body }) => rec.addEvidence(c, params.id, body),
    evidence: async (c, { params }, _req, reply) => {
      const e = await rec.readEvidence(c, params.id);
      return sendFile(reply, e.mime, e.fileName, e.data);
    },
    deleteEvidence: async (c, { params }) => {
      await rec.deleteEvidence(c, params.id);
      return { ok: true as const };
    },
    schedule: (c, { params, body }) => rec.setSchedule(c, params.id, body),
    sign: (c, { params, body }) => rec.signAgreement(c, params.id, body),
    agreementPdf: async (c, { params }, _req, reply) => {
      const { pdf, fileName } = await rec.printAgreement(c, params.id);
      return sendFile(reply, 'application/pdf', fileName, pdf);
    },
    referralBundle: async (c, { params }, _req, reply) => {
      const { data, fileName } = await rec.printReferralBundle(c, params.id);
      return sendFile(reply, 'application/pdf', fileName, data);
    },
    referralPackage: async (c, { params }, _req, reply) => {
      const { data, fileName } = await rec.printReferralBundle(c, params.id, true);
      return sendFile(reply, 'application/zip', fileName, data);
    },
    pay: (c, { params, body }) => rec.recordPayment(c, params.id, body),
    refer: (c, { params, body }) => rec.referToArbitration(c, params.id, body),
    milestone: (c, { params, body }) => rec.recordMilestone(c, params.id, body),
  });
  mount(app, hotlineApi, {
    list: (c, { query }) => aid.listCalls(c, query),
    create: (c, { body }) => aid.logCall(c, body),
  });
}
