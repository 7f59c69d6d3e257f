/** The platform itself (系统): health, vocabularies, security settings and the holiday calendar. */
import { z } from 'zod';
import { SecuritySettingsSchema } from '../security-settings.js';
import { endpoints, isoDate, LabelSchema } from './kit.js';
import { CALENDAR_YEAR_MAX, CALENDAR_YEAR_MIN } from '../calendar-years.js';

export const HealthSchema = z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string() });
const HealthFailed = z.object({ status: z.literal('error'), db: z.string(), version: z.string() });

/** The vocabularies and the permission catalogue, with zh/en labels (the sign-in page needs them too). */
export const MetaSchema = z.object({
  permissions: z.array(LabelSchema.extend({ group: z.string() })),
  orgLevels: z.array(LabelSchema),
  orgKinds: z.array(LabelSchema),
  scopeKinds: z.array(LabelSchema),
  employmentForms: z.array(LabelSchema.extend({ gig: z.boolean() })),
  memberStatuses: z.array(LabelSchema),
  eventKinds: z.array(LabelSchema),
  educationLevels: z.array(LabelSchema),
  politicalStatuses: z.array(LabelSchema),
  ethnicities: z.array(z.string()),
  consentVersion: z.string(),
});

/** Statutory holidays and make-up working days for years the calendar package does not cover. */
export const CalendarBody = z.strictObject({
  holidays: z.array(isoDate).max(400),
  workdays: z.array(isoDate).max(400),
});
export const CalendarView = CalendarBody.extend({
  packageYears: z.array(z.number()),
  coverage: z.array(z.object({ year: z.number(), source: z.enum(['package', 'override', 'weekdays_only']) })),
});

/** One year of the holiday calendar (common/src/calendar-years.ts). */
export const CalendarYearSchema = z.object({
  year: z.number(),
  source: z.enum(['package', 'override', 'weekdays_only']),
  holidays: z.array(z.string()),
  workdays: z.array(z.string()),
  provisional: z.boolean(),
});
export const CalendarYearParams = z.strictObject({
  year: z.coerce
    .number({ error: '年份应为数字 / year must be a number' })
    .int('年份应为整数 / year must be whole')
    .min(CALENDAR_YEAR_MIN, `年份应在 ${CALENDAR_YEAR_MIN} 至 ${CALENDAR_YEAR_MAX} 之间 / year must be between ${CALENDAR_YEAR_MIN} and ${CALENDAR_YEAR_MAX}`)
    .max(CALENDAR_YEAR_MAX, `年份应在 ${CALENDAR_YEAR_MIN} 至 ${CALENDAR_YEAR_MAX} 之间 / year must be between ${CALENDAR_YEAR_MIN} and ${CALENDAR_YEAR_MAX}`),
});
/** A year's days off (with the weekend days a holiday period covers) and its make-up working days. */
export const CalendarYearBody = z.strictObject({
  holidays: z.array(isoDate).max(366, '一年最多 366 天 / at most 366 days'),
  workdays: z.array(isoDate).max(366, '一年最多 366 天 / at most 366 days'),
});
const Recomputed = z.array(z.object({ entity: z.string(), checked: z.number(), changed: z.number() }));
export const CalendarYearSaved = z.object({ year: CalendarYearSchema, recomputed: Recomputed });
/** The year an administrator should enter now (from 1 November: next year), or none. */
export const CalendarReminderSchema = z.object({ year: z.number().nullable(), late: z.boolean(), from: z.string() });

export const systemApi = endpoints('系统 system', {
  health: { method: 'GET', path: '/api/health', access: 'public', summary: '健康检查 / health', response: HealthSchema, responses: { 503: HealthFailed } },
  meta: { method: 'GET', path: '/api/meta', access: 'public', summary: '枚举与权限目录 / vocabularies', response: MetaSchema },
  security: {
    method: 'GET',
    path: '/api/settings/security',
    access: 'settings.manage',
    summary: '安全设置（等保三级预设）/ security settings',
    response: SecuritySettingsSchema,
  },
  saveSecurity: {
    method: 'PUT',
    path: '/api/settings/security',
    access: 'settings.manage',
    summary: '修改安全设置 / update security settings',
    body: SecuritySettingsSchema,
    response: SecuritySettingsSchema,
  },
  calendar: {
    method: 'GET',
    path: '/api/settings/calendar',
    access: 'settings.manage',
    summary: '法定节假日补充（日历包未覆盖的年份）/ holiday calendar additions',
    response: CalendarView,
  },
  saveCalendar: {
    method: 'PUT',
    path: '/api/settings/calendar',
    access: 'settings.manage',
    summary: '补充节假日与调休上班日 / add holidays and make-up working days',
    body: CalendarBody,
    response: CalendarView,
  },
  calendarYears: {
    method: 'GET',
    path: '/api/settings/calendar/years',
    access: 'settings.manage',
    summary: '节假日日历（按年：放假日与调休上班日）/ holiday calendar by year',
    response: z.array(CalendarYearSchema),
  },
  saveCalendarYear: {
    method: 'PUT',
    path: '/api/settings/calendar/years/:year',
    access: 'settings.manage',
    summary: '录入或更正一年的节假日安排（重算未结的工作日期限）/ enter or correct a year (open deadlines recomputed)',
    params: CalendarYearParams,
    body: CalendarYearBody,
    response: CalendarYearSaved,
  },
  calendarReminder: {
    method: 'GET',
    path: '/api/settings/calendar/reminder',
    access: 'settings.manage',
    summary: '提醒录入下一年节假日安排 / reminder to enter next year',
    response: CalendarReminderSchema,
  },
});

export type Meta = z.infer<typeof MetaSchema>;
export type CalendarYearRow = z.infer<typeof CalendarYearSchema>;
export type Label = z.infer<typeof LabelSchema>;
export type { SecuritySettings } from '../security-settings.js';
