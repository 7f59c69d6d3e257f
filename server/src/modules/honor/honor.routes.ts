import type { FastifyInstance } from 'fastify';
import { honorApi, honorPublicApi } from '../../../../common/src/contracts/honor.js';
import { mount } from '../../platform/mount.js';
import { calls, nominations, records } from './honor.repo.js';
import * as callSvc from './call.service.js';
import * as nomSvc from './nomination.service.js';
import * as recSvc from './record.service.js';
import * as pub from './public.service.js';

export async function honorRoutes(app: FastifyInstance) {
  mount(app, honorApi, {
    listCalls: (c, { query }) => callSvc.listCalls(c, query),
    getCall: (c, { params }) => callSvc.getCall(c, params.id),
    callHistory: (c, { params }) => calls.history(c, params.id),
    createCall: (c, { body }) => callSvc.createCall(c, body),
    updateCall: (c, { params, body }) => callSvc.updateCall(c, params.id, body),
    openCall: (c, { params, body }) => callSvc.callStep(c, params.id, 'open', body.version),
    closeCall: (c, { params, body }) => callSvc.callStep(c, params.id, 'close', body.version),
    publishCall: (c, { params, body }) => callSvc.publishCall(c, params.id, body.noticeFrom, body.version),
    finishCall: (c, { params, body }) => callSvc.callStep(c, params.id, 'finish', body.version),
    checkList: (c, { params, query }) => callSvc.checkListFor(c, params.id, query.orgId ?? c.actor.orgId),
    submitList: (c, { params, body }) => nomSvc.submitList(c, params.id, body.orgId),
    objections: (c, { params }) => nomSvc.listObjections(c, params.id),
    listNominations: (c, { query }) => nomSvc.listNominations(c, query),
    getNomination: (c, { params }) => nomSvc.getNomination(c, params.id),
    nominationHistory: (c, { params }) => nominations.history(c, params.id),
    nominate: (c, { body }) => nomSvc.nominate(c, body),
    endorse: (c, { params, body }) => nomSvc.nominationStep(c, params.id, 'endorse', body),
    review: (c, { params, body }) => nomSvc.nominationStep(c, params.id, 'review', body),
    approve: (c, { params, body }) => nomSvc.nominationStep(c, params.id, 'approve', body),
    reject: (c, { params, body }) => nomSvc.nominationStep(c, params.id, 'reject', body),
    withdraw: (c, { params, body }) => nomSvc.nominationStep(c, params.id, 'withdraw', body),
    clearance: (c, { params, body }) => nomSvc.recordClearance(c, params.id, body),
    answerObjection: (c, { params, body }) => nomSvc.answerObjection(c, params.id, body),
    listRecords: (c, { query }) => recSvc.listRecords(c, query),
    getRecord: (c, { params }) => recSvc.getRecord(c, params.id),
    recordHistory: (c, { params }) => records.history(c, params.id),
    createRecord: (c, { body }) => recSvc.createRecord(c, body),
    addCare: (c, { params, body }) => recSvc.addCare(c, params.id, body),
    dashboard: (c) => recSvc.honorFigures(c),
  });
  mount(app, honorPublicApi, {
    notices: (c) => pub.openNotices(c),
    notice: (c, { params }) => pub.notice(c, params.id),
    object: (c, { params, body }) => pub.lodgeObjection(c, params.id, body),
  });
}
