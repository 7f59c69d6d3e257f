import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { PERMISSIONS, SCOPE_KINDS, SCOPE_KIND_LABELS } from '../../../../common/src/permissions.js';
import { ORG_KINDS, ORG_KIND_LABELS, ORG_LEVELS, ORG_LEVEL_LABELS } from '../../../../common/src/org.js';
import { SecuritySettingsSchema } from '../../../../common/src/security-settings.js';
import { appendAudit, diffFields } from '../../platform/audit.js';
import { errorResponses } from '../../platform/contract.js';
import { ctx } from '../../platform/guard.js';

const tags = ['系统 system'];
const Label = z.object({ code: z.string(), zh: z.string(), en: z.string() });

export async function systemRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/health', {
    config: { access: 'public' },
    schema: {
      tags, summary: '健康检查 / health',
      response: { 200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string() }), 503: z.object({ status: z.literal('error'), db: z.string(), version: z.string() }) },
    },
  }, async (_req, reply) => {
    try {
      await app.gh.database.query(sql`SELECT 1`);
      return { status: 'ok' as const, db: app.gh.database.engine, version: app.gh.version };
    } catch {
      return reply.code(503).send({ status: 'error' as const, db: app.gh.database.engine, version: app.gh.version });
    }
  });

  r.get('/api/meta', {
    config: { access: 'public' },
    schema: {
      tags, summary: '枚举与权限目录 / vocabularies',
      response: { 200: z.object({ permissions: z.array(Label.extend({ group: z.string() })), orgLevels: z.array(Label), orgKinds: z.array(Label), scopeKinds: z.array(Label) }) },
    },
  }, async () => ({
    permissions: Object.entries(PERMISSIONS).map(([code, v]) => ({ code, ...v })),
    orgLevels: ORG_LEVELS.map((code) => ({ code, ...ORG_LEVEL_LABELS[code] })),
    orgKinds: ORG_KINDS.map((code) => ({ code, ...ORG_KIND_LABELS[code] })),
    scopeKinds: SCOPE_KINDS.map((code) => ({ code, ...SCOPE_KIND_LABELS[code] })),
  }));

  r.get('/api/settings/security', {
    config: { access: 'settings.manage' },
    schema: { tags, summary: '安全设置（等保三级预设）/ security settings', response: { 200: SecuritySettingsSchema, ...errorResponses } },
  }, async () => app.gh.settings.security());

  r.put('/api/settings/security', {
    config: { access: 'settings.manage' },
    schema: { tags, summary: '修改安全设置 / update security settings', body: SecuritySettingsSchema, response: { 200: SecuritySettingsSchema, ...errorResponses } },
  }, async (req) => {
    const c = ctx(app, req);
    const before = await c.settings.security();
    await c.db.transaction(async (tx) => {
      await c.settings.saveSecurity(tx, req.body);
      await appendAudit(tx, { actorId: c.actor.userId, actorName: c.actor.username, orgId: c.actor.orgId, action: 'settings.update', entity: 'setting', entityId: 'security', changes: diffFields(before, req.body), ip: c.ip });
    });
    return c.settings.security();
  });
}
