import type { FastifyReply } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { hardshipEvent } from './hardship.schema.js';
import { todayInChina } from '../../../../common/src/dates.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../db/client.js';

/** Who did something, for events and audit entries (null user for the scheduled jobs and seeders). */
export type Actorish = { userId: string | null; username: string | null; orgId: string | null; ip: string };
export const actorOf = (c: Ctx): Actorish => ({ userId: c.actor.userId, username: c.actor.username, orgId: c.actor.orgId, ip: c.ip });

export async function addEvent(
  exec: Executor,
  f: { id: string; orgId: string },
  kind: string,
  a: Actorish,
  extra: { onDate?: string; level?: number; note?: string | null; data?: Record<string, unknown> } = {},
) {
  await exec.insert(hardshipEvent).values({
    id: uuidv7(),
    fileId: f.id,
    orgId: f.orgId,
    kind,
    onDate: extra.onDate ?? todayInChina(),
    level: extra.level ?? null,
    actorOrgId: a.orgId,
    actorId: a.userId,
    note: extra.note ?? null,
    data: extra.data ?? null,
  });
}

export function auditOf(
  a: Actorish,
  orgId: string,
  action: string,
  entityId: string,
  more: { changes?: Record<string, unknown>; detail?: string | null; entity?: string } = {},
) {
  return {
    actorId: a.userId,
    actorName: a.username,
    ip: a.ip,
    orgId,
    action,
    entity: more.entity ?? 'hardship_file',
    entityId,
    changes: more.changes ?? null,
    detail: more.detail ?? null,
  };
}

/** A binary download with a file name that survives Chinese characters (RFC 6266 / 5987). */
export function sendFile(reply: FastifyReply, mime: string, fileName: string, data: Buffer) {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return reply
    .type(mime)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send(data);
}
export const Binary = z.any().describe('binary file');
