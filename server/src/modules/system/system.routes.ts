import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { systemApi } from '../../../../common/src/contracts/system.js';
import { PERMISSIONS, SCOPE_KINDS, SCOPE_KIND_LABELS } from '../../../../common/src/permissions.js';
import { ORG_KINDS, ORG_KIND_LABELS, ORG_LEVELS, ORG_LEVEL_LABELS } from '../../../../common/src/org.js';
import { calendarCoverage, checkCalendarOverrides, PACKAGE_CALENDAR_YEARS } from '../../../../common/src/working-days.js';
import {
  EDUCATION_LABELS,
  EDUCATION_LEVELS,
  EMPLOYMENT_FORM_LABELS,
  EMPLOYMENT_FORMS,
  ETHNICITIES,
  MEMBER_STATUSES,
  MEMBER_STATUS_LABELS,
  MEMBERSHIP_EVENT_KINDS,
  MEMBERSHIP_EVENT_LABELS,
  POLITICAL_STATUSES,
  POLITICAL_STATUS_LABELS,
  GIG_FORMS,
} from '../../../../common/src/member-vocab.js';
import { CURRENT_CONSENT_VERSION } from '../../../../common/src/member-input.js';
import { AppError } from '../../platform/errors.js';
import { appendAudit, diffFields } from '../../platform/audit.js';
import { mount } from '../../platform/mount.js';
import { recomputeDeadlines } from '../../platform/deadline-recompute.js';
import {
  calendarReminder,
  calendarYear,
  calendarYears,
  checkCalendarYear,
  describeCalendarProblem,
  REMINDER_FROM,
  withCalendarYear,
} from '../../../../common/src/calendar-years.js';
import { todayInChina } from '../../../../common/src/dates.js';

const meta = {
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
};

export async function systemRoutes(app: FastifyInstance) {
  const calendarView = async () => {
    const v = await app.gh.settings.calendar();
    const year = Number(new Date().toISOString().slice(0, 4));
    return { ...v, packageYears: [...PACKAGE_CALENDAR_YEARS], coverage: [year - 1, year, year + 1].map((y) => ({ year: y, source: calendarCoverage(y, v) })) };
  };

  mount(app, systemApi, {
    health: async (s, _input, _req, reply) => {
      try {
        await s.database.query(sql`SELECT 1`);
        return { status: 'ok' as const, db: s.database.engine, version: s.version };
      } catch {
        return reply.code(503).send({ status: 'error' as const, db: s.database.engine, version: s.version });
      }
    },
    meta: () => meta,
    security: (c) => c.settings.security(),
    saveSecurity: async (c, { body }) => {
      const before = await c.settings.security();
      await c.db.transaction(async (tx) => {
        await c.settings.saveSecurity(tx, body);
        await appendAudit(tx, {
          actorId: c.actor.userId,
          actorName: c.actor.username,
          orgId: c.actor.orgId,
          action: 'settings.update',
          entity: 'setting',
          entityId: 'security',
          changes: diffFields(before, body),
          ip: c.ip,
        });
      });
      return c.settings.security();
    },
    calendar: () => calendarView(),
    saveCalendar: async (c, { body }) => {
      const problems = checkCalendarOverrides(body);
      if (problems.length) {
        throw new AppError(
          400,
          'INVALID_CALENDAR',
          `日期有误：${problems.map((p) => `${p.date}（${p.problem === 'in_both_lists' ? '同时出现在节假日和上班日' : '不是有效日期'}）`).join('、')}`,
          `Invalid dates: ${problems.map((p) => p.date).join(', ')}`,
          { problems },
        );
      }
      const before = await c.settings.calendar();
      const value = { holidays: [...new Set(body.holidays)].sort(), workdays: [...new Set(body.workdays)].sort() };
      await c.db.transaction(async (tx) => {
        await c.settings.saveCalendar(tx, value);
        await appendAudit(tx, {
          actorId: c.actor.userId,
          actorName: c.actor.username,
          orgId: c.actor.orgId,
          action: 'settings.calendar',
          entity: 'setting',
          entityId: 'calendar',
          changes: diffFields({ ...before }, { ...value }),
          ip: c.ip,
        });
        // Every open working-day deadline follows the new calendar, each change audited (docs/rules.md, "Deadlines").
        await recomputeDeadlines(c, tx, before, value);
      });
      return calendarView();
    },
    calendarYears: async (c) => calendarYears(todayInChina(), await c.settings.calendar()),
    saveCalendarYear: async (c, { params: { year }, body }) => {
      const entry = { holidays: [...new Set(body.holidays)].sort(), workdays: [...new Set(body.workdays)].sort() };
      const problems = checkCalendarYear(year, entry);
      if (problems.length) {
        const words = problems.map((p) => describeCalendarProblem(year, p));
        throw new AppError(
          400,
          'INVALID_CALENDAR',
          `${year} 年的节假日安排有误：${words.map((w) => w.zh).join('；')}`,
          `The ${year} arrangement is wrong: ${words.map((w) => w.en).join('; ')}`,
          {
            problems,
            fields: problems.map((p, i) => ({ path: `body.${p.field}`, message: words[i]!.zh, messageEn: words[i]!.en })),
          },
        );
      }
      const recomputed = await c.db.transaction(async (tx) => {
        const before = await c.settings.calendarForUpdate(tx);
        const after = withCalendarYear(before, year, entry);
        const was = calendarYear(year, before);
        await c.settings.saveCalendar(tx, after);
        await appendAudit(tx, {
          actorId: c.actor.userId,
          actorName: c.actor.username,
          orgId: c.actor.orgId,
          action: 'settings.calendar',
          entity: 'setting',
          entityId: 'calendar',
          ip: c.ip,
          changes: { year, ...diffFields({ holidays: was.holidays, workdays: was.workdays }, { holidays: entry.holidays, workdays: entry.workdays }) },
          detail: `${year}`,
        });
        // Every open working-day deadline follows the new calendar, each change audited (docs/rules.md, "Deadlines").
        return recomputeDeadlines(c, tx, before, after);
      });
      c.settings.forgetCalendar();
      return { year: calendarYear(year, await c.settings.calendar()), recomputed };
    },
    calendarReminder: async (c) => {
      const r = calendarReminder(todayInChina(), await c.settings.calendar());
      return { year: r?.year ?? null, late: r?.late ?? false, from: REMINDER_FROM };
    },
  });
}
