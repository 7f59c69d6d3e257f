import type { FastifyInstance } from 'fastify';
import { transferApi } from '../../../../../common/src/contracts/transfer.js';
import { startIncoming, startOutgoing, startSelf } from './transfer.start.js';
import { cancelTransfer, confirmTransfer, listTransfers, rejectTransfer, transferHistory } from './transfer.decide.js';
import { SlidingWindowLimiter } from '../join/rate-limit.js';
import { mount } from '../../../platform/mount.js';

/** Membership transfers (会员关系接转): started by either union or the member, confirmed by both unions. */
export async function transferRoutes(app: FastifyInstance) {
  // The member's own request is limited per IP by its contract and per ID number here (one limiter per app).
  const perId = new SlidingWindowLimiter();
  mount(app, transferApi, {
    list: (c, { query }) => listTransfers(c, query),
    startOutgoing: (c, { body }) => startOutgoing(c, body),
    startIncoming: (c, { body }) => startIncoming(c, body),
    startSelf: (s, { body }) => startSelf(s, body, perId),
    history: (c, { params }) => transferHistory(c, params.id),
    confirm: (c, { params }) => confirmTransfer(c, params.id),
    reject: (c, { params, body }) => rejectTransfer(c, params.id, body.reason),
    cancel: (c, { params, body }) => cancelTransfer(c, params.id, body.reason),
  });
}
