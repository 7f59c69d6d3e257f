import type { FastifyInstance } from 'fastify';
import { backupApi } from '../../../../common/src/contracts/backup.js';
import { appendAudit, diffFields } from '../../platform/audit.js';
import { backupDir, backupSettings, backupStatus } from '../../platform/backup-schedule.js';
import { mount } from '../../platform/mount.js';
import type { Services } from '../../platform/context.js';

/** Scheduled backups: the settings the jobs process reads (platform/backup-schedule.ts), and what it last did. */
export async function backupRoutes(app: FastifyInstance) {
  const view = async (s: Services) => ({ settings: await backupSettings(s), status: await backupStatus(s), dir: backupDir(s) });
  mount(app, backupApi, {
    get: (c) => view(c),
    save: async (c, { body }) => {
      const before = await backupSettings(c);
      await c.db.transaction(async (tx) => {
        await c.settings.save(tx, 'backup', body);
        await appendAudit(tx, {
          actorId: c.actor.userId,
          actorName: c.actor.username,
          orgId: c.actor.orgId,
          action: 'settings.backup',
          entity: 'setting',
          entityId: 'backup',
          changes: diffFields({ ...before }, { ...body }),
          ip: c.ip,
        });
      });
      return view(c);
    },
  });
}
