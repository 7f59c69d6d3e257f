/**
 * Union events (活动, docs/events.md): created by a union for its scope, signed up for from the
 * worker portal with a waitlist, checked in once per person by the attendee's QR token, with
 * attendance figures, photos and counts by district and month.
 */
import { z } from 'zod';
import { EVENT_AUDIENCES, EVENT_KINDS } from '../event-vocab.js';
import { MAX_ATTACHMENT_BYTES, UPLOAD_BODY_LIMIT } from './hardship-files.js';
import {
  cappedPageOf,
  endpoints,
  FileBody,
  HistoryEntrySchema,
  IdParams,
  isoDate,
  optionalText,
  order,
  PageQuery,
  requiredText,
  version,
  type RateLimit,
} from './kit.js';

export { MAX_ATTACHMENT_BYTES as MAX_EVENT_PHOTO_BYTES };

const fields = {
  orgId: z.uuid('请选择主办工会 / choose the organising union'),
  title: requiredText(80, '请填写活动名称', 'title is required'),
  kind: z.enum(EVENT_KINDS, { error: '活动类型不存在 / unknown kind' }),
  audience: z.enum(EVENT_AUDIENCES, { error: '请选择报名范围 / choose the audience' }),
  place: optionalText(120),
  description: optionalText(2000),
  capacity: z
    .number({ error: '名额应为数字 / capacity must be a number' })
    .int('名额应为整数 / capacity must be a whole number')
    .min(1, '名额至少为1 / at least 1 place')
    .max(100_000, '名额不超过100000 / at most 100000'),
  signupFrom: isoDate,
  signupUntil: isoDate,
  startsOn: isoDate,
  endsOn: isoDate,
};
type Dates = { signupFrom: string; signupUntil: string; startsOn: string; endsOn: string };
const checks = <T extends z.ZodType<Dates>>(s: T) =>
  s
    .refine((b) => b.startsOn <= b.endsOn, { error: '结束日期不能早于开始日期 / the end is before the start', path: ['endsOn'] })
    .refine((b) => b.signupFrom <= b.signupUntil, { error: '报名截止不能早于报名开始 / sign-up closes before it opens', path: ['signupUntil'] })
    .refine((b) => b.signupUntil <= b.endsOn, { error: '报名截止不能晚于活动结束 / sign-up must close by the end of the event', path: ['signupUntil'] });
export const EventBody = checks(z.strictObject(fields));
export const EventUpdateBody = checks(z.strictObject({ ...fields, version }));

export const EventListQuery = z.strictObject({
  ...PageQuery,
  q: z.string().trim().max(40).optional(),
  kind: z.enum(EVENT_KINDS).optional(),
  under: z.uuid().optional(),
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/, { error: '月份格式为 YYYY-MM / month as YYYY-MM' })
    .optional(),
  sort: z.enum(['startsOn', 'title']).default('startsOn'),
  order: order('desc'),
});

export const EventItem = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  kind: z.string(),
  audience: z.string(),
  place: z.string().nullable(),
  capacity: z.number(),
  signupFrom: z.string(),
  signupUntil: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  phase: z.string(),
  confirmed: z.number(),
  waitlisted: z.number(),
  attended: z.number(),
  version: z.number(),
});
const Photo = z.object({ id: z.string(), fileName: z.string(), mime: z.string(), size: z.number(), createdAt: z.string() });
export const EventDetail = EventItem.extend({
  description: z.string().nullable(),
  /** Attendance: checked in over confirmed, in per cent (one decimal), null with nobody confirmed. */
  attendanceRate: z.number().nullable(),
  photos: z.array(Photo),
  can: z.object({ edit: z.boolean(), checkIn: z.boolean() }),
});
export const SignupQuery = z.strictObject({ ...PageQuery, status: z.enum(['confirmed', 'waitlisted', 'cancelled', 'attended']).optional() });
export const SignupRow = z.object({
  id: z.string(),
  /** The person's name with the given name masked (张*明), or the masked mobile of an unlinked account. */
  name: z.string(),
  orgName: z.string().nullable(),
  status: z.string(),
  /** Place on the waitlist (1 is next), null when not waitlisted. */
  waitlistPlace: z.number().nullable(),
  checkedInAt: z.string().nullable(),
  createdAt: z.string(),
});
export const CheckInBody = z.strictObject({
  token: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '签到码格式不正确 / malformed check-in code' }),
});
export const CheckInResult = z.object({ id: z.string(), name: z.string(), checkedInAt: z.string() });
export const PhotoBody = z.strictObject({
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(120)
    .regex(/^[^/\\]+$/, '文件名不能包含路径 / no paths'),
  /** The photo, base64-encoded (a data: URL is accepted); JPEG or PNG. */
  data: z.string().min(1).max(UPLOAD_BODY_LIMIT),
});
const KeyCount = z.object({ key: z.string(), name: z.string(), events: z.number(), signups: z.number(), attended: z.number() });
export const EventFigures = z.object({
  events: z.number(),
  held: z.number(),
  upcoming: z.number(),
  signups: z.number(),
  waitlisted: z.number(),
  attended: z.number(),
  attendanceRate: z.number().nullable(),
  byKind: z.array(z.object({ key: z.string(), n: z.number() })),
  /** Per district of the scope (a district union sees its own grassroots units' events under its own row). */
  byDistrict: z.array(KeyCount),
  /** Per month (YYYY-MM) of the event's start, the last 12 months and the next 3. */
  byMonth: z.array(KeyCount),
});

export const eventApi = endpoints('工会活动 event', {
  list: {
    method: 'GET',
    path: '/api/events',
    access: 'event.read',
    summary: '活动列表（管辖范围内）/ events in scope',
    query: EventListQuery,
    response: cappedPageOf(EventItem),
  },
  dashboard: {
    method: 'GET',
    path: '/api/events/dashboard',
    access: 'event.read',
    summary: '活动概况：举办场次、报名、签到，按区和月份 / figures by district and month',
    response: EventFigures,
  },
  get: {
    method: 'GET',
    path: '/api/events/:id',
    access: 'event.read',
    summary: '活动详情与参加情况 / an event with attendance',
    params: IdParams,
    response: EventDetail,
  },
  history: {
    method: 'GET',
    path: '/api/events/:id/history',
    access: 'event.read',
    summary: '变更记录 / history',
    params: IdParams,
    response: z.array(HistoryEntrySchema),
  },
  create: {
    method: 'POST',
    path: '/api/events',
    access: 'event.write',
    summary: '发布活动 / create an event',
    body: EventBody,
    response: EventItem,
    status: 201,
  },
  update: {
    method: 'PUT',
    path: '/api/events/:id',
    access: 'event.write',
    summary: '修改活动 / edit an event',
    params: IdParams,
    body: EventUpdateBody,
    response: EventItem,
  },
  signups: {
    method: 'GET',
    path: '/api/events/:id/signups',
    access: 'event.read',
    summary: '报名名单（姓名脱敏）/ sign-ups, names masked',
    params: IdParams,
    query: SignupQuery,
    response: z.object({ items: z.array(SignupRow), total: z.number(), page: z.number(), pageSize: z.number() }),
  },
  checkIn: {
    method: 'POST',
    path: '/api/events/:id/checkin',
    access: 'event.write',
    summary: '扫码签到（每人一次）/ check in an attendee by their QR code, once',
    params: IdParams,
    body: CheckInBody,
    response: CheckInResult,
  },
  addPhoto: {
    method: 'POST',
    path: '/api/events/:id/photos',
    access: 'event.write',
    summary: '上传活动照片（JPG、PNG）/ add a photo',
    params: IdParams,
    body: PhotoBody,
    response: Photo,
    status: 201,
    bodyLimit: UPLOAD_BODY_LIMIT,
  },
  photo: {
    method: 'GET',
    path: '/api/events/photos/:id',
    access: 'event.read',
    summary: '活动照片 / a photo',
    params: IdParams,
    response: FileBody('JPEG or PNG'),
    file: true,
  },
});

const readLimit: RateLimit = { bucket: 'portal-read', limit: 300, windowMs: 60_000 };
const signupLimit: RateLimit = { bucket: 'portal-event-signup', limit: 60, windowMs: 3_600_000 };

export const PortalEvent = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.string(),
  orgName: z.string(),
  place: z.string().nullable(),
  description: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  signupFrom: z.string(),
  signupUntil: z.string(),
  phase: z.string(),
  capacity: z.number(),
  placesLeft: z.number(),
  waitlisted: z.number(),
  /** Today is inside the sign-up window (China dates). */
  canSignUp: z.boolean(),
  /** My sign-up, if any (a cancelled one counts as none). */
  mine: z.enum(['confirmed', 'waitlisted']).nullable(),
});
export const MyEvent = z.object({
  signupId: z.string(),
  eventId: z.string(),
  title: z.string(),
  kind: z.string(),
  orgName: z.string(),
  place: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  phase: z.string(),
  status: z.enum(['confirmed', 'waitlisted', 'cancelled']),
  waitlistPlace: z.number().nullable(),
  attended: z.boolean(),
  checkedInAt: z.string().nullable(),
  /** The check-in code and its QR (confirmed, not yet checked in, event not finished). */
  token: z.string().nullable(),
  qrDataUrl: z.string().nullable(),
});

/** The worker's side, under /api/portal (the worker cookie's path); `public` to the cadre guard, the worker session checked by the handler. */
export const eventPortalApi = endpoints('职工服务 portal', {
  open: {
    method: 'GET',
    path: '/api/portal/events',
    access: 'public',
    summary: '我可以报名的活动 / events I may sign up for',
    query: z.strictObject({ ...PageQuery, kind: z.enum(EVENT_KINDS).optional() }),
    response: z.object({ items: z.array(PortalEvent), total: z.number(), page: z.number(), pageSize: z.number() }),
    rateLimit: readLimit,
  },
  mine: { method: 'GET', path: '/api/portal/events/mine', access: 'public', summary: '我的活动 / my events', response: z.array(MyEvent), rateLimit: readLimit },
  signUp: {
    method: 'POST',
    path: '/api/portal/events/:id/signup',
    access: 'public',
    summary: '报名（名额已满时进入候补）/ sign up (waitlisted when full)',
    params: IdParams,
    /** Empty, but JSON: a worker's write must be JSON (portal.service requireWorker). */
    body: z.strictObject({}),
    response: MyEvent,
    rateLimit: signupLimit,
  },
  cancel: {
    method: 'POST',
    path: '/api/portal/events/:id/cancel',
    access: 'public',
    summary: '取消报名（候补第一位递补）/ cancel my sign-up (the first on the waitlist moves up)',
    params: IdParams,
    body: z.strictObject({}),
    response: MyEvent,
    rateLimit: signupLimit,
  },
});

export type EventInput = z.infer<typeof EventBody>;
export type EventListParams = z.infer<typeof EventListQuery>;
export type EventDetailT = z.infer<typeof EventDetail>;
export type MyEventT = z.infer<typeof MyEvent>;
export type PortalEventT = z.infer<typeof PortalEvent>;
