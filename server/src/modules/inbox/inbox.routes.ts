import type { FastifyInstance } from 'fastify';
import { inboxApi } from '../../../../common/src/contracts/inbox.js';
import { mount } from '../../platform/mount.js';
import * as svc from './inbox.service.js';

/** A cadre's own inbox: every signed-in user, only their own messages (docs/inbox.md). */
export async function inboxRoutes(app: FastifyInstance) {
  mount(app, inboxApi, {
    list: (c, { query }) => svc.listInbox(c, query),
    unread: (c) => svc.unreadCount(c),
    read: (c, { params }) => svc.markRead(c, params.id),
    readAll: (c) => svc.markAllRead(c),
  });
}
