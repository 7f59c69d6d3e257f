import type { FastifyInstance } from 'fastify';
import { joinApi } from '../../../../../common/src/contracts/join.js';
import { applicationStatus, applyToJoin, findTerritorial, findUnions, listAreas } from './join.public.js';
import { approveApplication, getApplication, joinApplicationSummary, joinApplications, listApplications, rejectApplication } from './join.review.js';
import { mount } from '../../../platform/mount.js';

/**
 * Online joining (入会申请): public application and look-up, and the union's review. The per-IP
 * limits of the public routes are declared in the contract; the per-ID-number daily count is the
 * service's (join.public.ts).
 */
export async function joinRoutes(app: FastifyInstance) {
  mount(app, joinApi, {
    unions: (s, { query }) => findUnions(s, query.q),
    territorial: (s, { query }) => findTerritorial(s, query.q),
    areas: (s) => listAreas(s),
    apply: (s, { body }) => applyToJoin(s, body),
    status: (s, { query }) => applicationStatus(s, query.appNo, query.idNumber),
    list: (c, { query }) => listApplications(c, query),
    summary: (c) => joinApplicationSummary(c),
    get: (c, { params }) => getApplication(c, params.id),
    history: (c, { params }) => joinApplications.history(c, params.id),
    approve: (c, { params, body }) => approveApplication(c, params.id, body.joinDate),
    reject: (c, { params, body }) => rejectApplication(c, params.id, body.reason),
  });
}
