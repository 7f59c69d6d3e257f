/** The platform itself (系统): health, vocabularies, security settings and the holiday calendar. */
import { z } from 'zod';
import { SecuritySettingsSchema } from '../security-settings.js';
import { endpoints, isoDate, LabelSchema } from './kit.js';

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

export const systemApi = endpoints('系统 system', {
  health: { method: 'GET', path: '/api/health', access: 'public', summary: '健康检查 / health', response: HealthSchema, responses: { 503: HealthFailed } },
  meta: { method: 'GET', path: '/api/meta', access: 'public', summary: '枚举与权限目录 / vocabularies', response: MetaSchema },
  security: { method: 'GET', path: '/api/settings/security', access: 'settings.manage', summary: '安全设置（等保三级预设）/ security settings', response: SecuritySettingsSchema },
  saveSecurity: { method: 'PUT', path: '/api/settings/security', access: 'settings.manage', summary: '修改安全设置 / update security settings', body: SecuritySettingsSchema, response: SecuritySettingsSchema },
  calendar: { method: 'GET', path: '/api/settings/calendar', access: 'settings.manage', summary: '法定节假日补充（日历包未覆盖的年份）/ holiday calendar additions', response: CalendarView },
  saveCalendar: { method: 'PUT', path: '/api/settings/calendar', access: 'settings.manage', summary: '补充节假日与调休上班日 / add holidays and make-up working days', body: CalendarBody, response: CalendarView },
});

export type Meta = z.infer<typeof MetaSchema>;
export type Label = z.infer<typeof LabelSchema>;
export type { SecuritySettings } from '../security-settings.js';
