import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { PERMISSIONS, SCOPE_KINDS, SCOPE_KIND_LABELS } from '../../../../common/src/permissions.js';
import { ORG_KINDS, ORG_KIND_LABELS, ORG_LEVELS, ORG_LEVEL_LABELS } from '../../../../common/src/org.js';
import { SecuritySettingsSchema } from '../../../../common/src/security-settings.js';
import { calendarCoverage, checkCalendarOverrides, PACKAGE_CALENDAR_YEARS } from '../../../../common/src/working-days.js';
import { AppError } from '../../platform/errors.js';
import {
  EDUCATION_LABELS, EDUCATION_LEVELS, EMPLOYMENT_FORM_LABELS, EMPLOYMENT_FORMS, ETHNICITIES, MEMBER_STATUSES, MEMBER_STATUS_LABELS,
  MEMBERSHIP_EVENT_KINDS, MEMBERSHIP_EVENT_LABELS, POLITICAL_STATUSES, POLITICAL_STATUS_LABELS, GIG_FORMS,
} from '../../../../common/src/member-vocab.js';
import { CURRENT_CONSENT_VERSION } from '../../../../common/src/member-input.js';
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
      response: {
        200: z.object({
          permissions: z.array(Label.extend({ group: z.string() })), orgLevels: z.array(Label), orgKinds: z.array(Label), scopeKinds: z.array(Label),
          employmentForms: z.array(Label.extend({ gig: z.boolean() })), memberStatuses: z.array(Label), eventKinds: z.array(Label),
          educationLevels: z.array(Label), politicalStatuses: z.array(Label), ethnicities: z.array(z.string()), consentVersion: z.string(),
        }),
      },
    },
  }, async () => ({
    permissions: Object.entries(PERMISSIONS).map(([code, v]) => ({ code, ...v })),
    orgLevels: ORG_LEVELS.map((code) => ({ code, ...ORG_LEVEL_LABELS[code] })),
    orgKinds: ORG_KINDS.map((code) => ({ code, ...ORG_KIND_LABELS[code] })),
    scopeKinds: SCOPE_KINDS.map((code) => ({ code, ...SCOPE_KIND_LABELS[code] })),
    employmentForms: EMPLOYMENT_FORMS.map((code) => ({ code, ...EMPLOYMENT_FORM_LABELS[code], gig: (GIG_FORMS as readonly string[]).includes(code) })),
    memberStatuses: MEMBER_STATUSES.map((code) => ({ code, ...MEMBER_STATUS_LABELS[code] })),
    eventKinds: MEMBERSHIP_EVENT_KINDS.map((code) => ({ code, ...MEMBERSHIP_EVENT_LABELS[code] })),
    educationLevels: EDUCATION_LEVELS.map((code) => ({ code, zh: EDUCATION_LABELS[code].zh, en: EDUCATION_LABELS[code].en })),
    politicalStatuses: POLITICAL_STATUSES.map((code) => ({ code, zh: POLITICAL_STATUS_LABELS[code].zh, en: POLITICAL_STATUS_LABELS[code].en })),
    ethnicities: [...ETHNICITIES],
    consentVersion: CURRENT_CONSENT_VERSION,
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

  const CalendarBody = z.strictObject({
    holidays: z.array(z.iso.date()).max(400),
    workdays: z.array(z.iso.date()).max(400),
  });
  const CalendarView = CalendarBody.extend({
    packageYears: z.array(z.number()),
    coverage: z.array(z.object({ year: z.number(), source: z.enum(['package', 'override', 'weekdays_only']) })),
  });
  const calendarView = async () => {
    const v = await app.gh.settings.calendar();
    const year = Number(new Date().toISOString().slice(0, 4));
    return { ...v, packageYears: [...PACKAGE_CALENDAR_YEARS], coverage: [year - 1, year, year + 1].map((y) => ({ year: y, source: calendarCoverage(y, v) })) };
  };

  r.get('/api/settings/calendar', {
    config: { access: 'settings.manage' },
    schema: { tags, summary: '法定节假日补充（日历包未覆盖的年份）/ holiday calendar additions', response: { 200: CalendarView, ...errorResponses } },
  }, calendarView);

  r.put('/api/settings/calendar', {
    config: { access: 'settings.manage' },
    schema: { tags, summary: '补充节假日与调休上班日 / add holidays and make-up working days', body: CalendarBody, response: { 200: CalendarView, ...errorResponses } },
  }, async (req) => {
    const problems = checkCalendarOverrides(req.body);
    if (problems.length) {
      throw new AppError(400, 'INVALID_CALENDAR', `日期有误：${problems.map((p) => `${p.date}（${p.problem === 'in_both_lists' ? '同时出现在节假日和上班日' : '不是有效日期'}）`).join('、')}`, `Invalid dates: ${problems.map((p) => p.date).join(', ')}`, { problems });
    }
    const c = ctx(app, req);
    const before = await c.settings.calendar();
    const value = { holidays: [...new Set(req.body.holidays)].sort(), workdays: [...new Set(req.body.workdays)].sort() };
    await c.db.transaction(async (tx) => {
      await c.settings.saveCalendar(tx, value);
      await appendAudit(tx, { actorId: c.actor.userId, actorName: c.actor.username, orgId: c.actor.orgId, action: 'settings.calendar', entity: 'setting', entityId: 'calendar', changes: diffFields({ ...before }, { ...value }), ip: c.ip });
    });
    return calendarView();
  });
}
