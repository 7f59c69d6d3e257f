/**
 * The worker portal (职工之家 · 我的): worker accounts signed in by mobile, linking to the member
 * record, the electronic card, my applications and the notification inbox (docs/portal.md).
 * Worker routes are `public` to the cadre guard and carry their own worker session (cookie
 * `gh_wsid`); a worker session never opens a cadre route.
 */
import { z } from 'zod';
import { CURRENT_CONSENT_VERSION } from '../member-input.js';
import { endpoints, IdParams, OkSchema, PageQuery, pageOf, type RateLimit } from './kit.js';

/** Mainland mobile numbers: 11 digits starting with 1. */
export const mobileNumber = z
  .string({ error: '请填写手机号 / mobile is required' })
  .trim()
  .regex(/^1[3-9]\d{9}$/, { error: '手机号应为11位数字 / the mobile must be 11 digits starting with 1' });
export const oneTimeCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, { error: '验证码为6位数字 / the code is 6 digits' });
const password = z.string().min(8, { error: '密码至少8位 / at least 8 characters' }).max(128);

/** Per-IP limits of the portal routes (platform/mount.ts). Codes are also limited per mobile (portal.service). */
const codeLimit: RateLimit = { bucket: 'portal-code', limit: 10, windowMs: 3_600_000 };
const signInLimit: RateLimit = { bucket: 'portal-signin', limit: 30, windowMs: 900_000 };
const linkLimit: RateLimit = { bucket: 'portal-link', limit: 10, windowMs: 3_600_000 };
const readLimit: RateLimit = { bucket: 'portal-read', limit: 300, windowMs: 60_000 };

export const SendCodeBody = z.strictObject({ mobile: mobileNumber });
export const SignInBody = z.union([z.strictObject({ mobile: mobileNumber, code: oneTimeCode }), z.strictObject({ mobile: mobileNumber, password })]);
export const SetPasswordBody = z.strictObject({ password });
/** Confirming the personal-information notice (个人信息保护法 Arts. 14, 17) for a record imported from an HR roster. */
export const ConsentBody = z.strictObject({
  version: z.literal(CURRENT_CONSENT_VERSION, { error: '请阅读并同意最新版个人信息处理告知书 / agree to the current notice' }),
});
export const LinkBody = z.strictObject({
  name: z.string().trim().min(1, { error: '请填写姓名 / name is required' }).max(40),
  idNumber: z.string().trim().min(15, { error: '请填写身份证号 / ID number is required' }).max(30),
});

export const WorkerMe = z.object({
  accountId: z.string(),
  mobileMasked: z.string(),
  hasPassword: z.boolean(),
  linked: z.boolean(),
  /** The first sign-in of this account (it was created by this sign-in). */
  firstSignIn: z.boolean(),
  member: z
    .object({
      name: z.string(),
      idMasked: z.string(),
      status: z.string(),
      orgName: z.string(),
      joinDate: z.string(),
      cardNo: z.string(),
      employerName: z.string().nullable(),
      /** The record came from an HR roster import and the member has not yet confirmed the personal-information notice. */
      consentToCollect: z.boolean(),
      /** The member's honours in the registry of model workers and craftsmen (劳模工匠), newest first. */
      honors: z.array(z.object({ title: z.string(), level: z.string(), year: z.number() })),
    })
    .nullable(),
  unreadCount: z.number(),
});

export const WorkerCard = z.object({
  cardNo: z.string(),
  name: z.string(),
  orgName: z.string(),
  joinDate: z.string(),
  status: z.string(),
  token: z.string(),
  verifyUrl: z.string(),
  qrDataUrl: z.string(),
  issuedAt: z.string(),
});

export const MyApplication = z.object({
  kind: z.enum(['join', 'hardship', 'dispute', 'legal_aid']),
  id: z.string(),
  ref: z.string(),
  status: z.string(),
  orgName: z.string(),
  submittedOn: z.string().nullable(),
  deadline: z.string().nullable(),
});

export const WorkerNotification = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});

export const OutboxMessage = z.object({ id: z.string(), mobileMasked: z.string(), body: z.string(), purpose: z.string(), createdAt: z.string() });
export const OutboxQuery = z.strictObject({
  ...PageQuery,
  mobile: z
    .string()
    .trim()
    .regex(/^\d{11}$/, { error: '手机号应为11位数字 / 11-digit mobile' })
    .optional(),
});

/** The details a worker may ask to change on 我的; `employer` also opens a transfer to the new union. */
export const CHANGE_FIELDS = ['mobile', 'address', 'education', 'politicalStatus', 'occupation', 'employer'] as const;
export type ChangeField = (typeof CHANGE_FIELDS)[number];
export const CHANGE_FIELD_LABELS: Record<ChangeField, { zh: string; en: string }> = {
  mobile: { zh: '手机号', en: 'Mobile' },
  address: { zh: '住址', en: 'Address' },
  education: { zh: '学历', en: 'Education' },
  politicalStatus: { zh: '政治面貌', en: 'Political status' },
  occupation: { zh: '职业', en: 'Occupation' },
  employer: { zh: '工作单位（转会）', en: 'Employer (transfer)' },
};
export const CHANGE_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const CHANGE_STATUS_LABELS: Record<(typeof CHANGE_STATUSES)[number], { zh: string; en: string }> = {
  pending: { zh: '待审核', en: 'Pending' },
  approved: { zh: '已通过', en: 'Approved' },
  rejected: { zh: '未通过', en: 'Rejected' },
};

export const ChangeRequestBody = z.strictObject({
  field: z.enum(CHANGE_FIELDS, { error: '请选择要变更的信息 / choose what to change' }),
  value: z.string().trim().min(1, { error: '请填写新的内容 / the new value is required' }).max(200, { error: '不超过200字 / at most 200 characters' }),
  /** The new union (a change of employer): found with GET /api/join/unions. */
  toOrgId: z.uuid({ error: '请选择新单位的工会 / choose the new employer’s union' }).optional(),
  note: z.string().trim().max(200).optional(),
});
export const MyChangeRequest = z.object({
  id: z.string(),
  field: z.enum(CHANGE_FIELDS),
  valueMasked: z.string(),
  toUnionName: z.string().nullable(),
  status: z.enum(CHANGE_STATUSES),
  rejectReason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export const ChangeRequestRow = MyChangeRequest.extend({
  memberId: z.string(),
  memberName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  note: z.string().nullable(),
  transferId: z.string().nullable(),
  version: z.number(),
});
export const ChangeRequestQuery = z.strictObject({ ...PageQuery, status: z.enum(CHANGE_STATUSES).optional(), field: z.enum(CHANGE_FIELDS).optional() });
export const DecideBody = z.strictObject({ version: z.number().int() });
export const RejectBody = z.strictObject({
  version: z.number().int(),
  reason: z.string().trim().min(2, { error: '请填写不予通过的理由 / give a reason' }).max(200),
});
export const UnlinkBody = z.strictObject({ confirm: z.literal(true, { error: '请确认解除关联 / confirm the unlinking' }) });
export const AdminUnlinkBody = z.strictObject({ reason: z.string().trim().min(2, { error: '请填写解除关联的理由 / give a reason' }).max(200) });
export const PortalFigures = z.object({
  /** Worker accounts linked to a member record held by a union in scope. */
  linked: z.number(),
  /** Of those, accounts signed in during the last 30 days. */
  signedIn30d: z.number(),
  /** Change requests waiting for a decision in scope. */
  openRequests: z.number(),
});
export type PortalFiguresT = z.infer<typeof PortalFigures>;
export type ChangeRequestRowT = z.infer<typeof ChangeRequestRow>;

export const portalApi = endpoints('职工服务 portal', {
  sendCode: {
    method: 'POST',
    path: '/api/portal/code',
    access: 'public',
    summary: '发送登录验证码（6位，5分钟内有效，只能用一次）/ send a one-time sign-in code',
    body: SendCodeBody,
    response: z.object({ ok: z.literal(true), expiresInSeconds: z.number() }),
    rateLimit: codeLimit,
  },
  signIn: {
    method: 'POST',
    path: '/api/portal/session',
    access: 'public',
    summary: '职工登录或注册（手机号＋验证码或密码）/ worker sign-in or sign-up by mobile with a code or a password',
    body: SignInBody,
    response: WorkerMe,
    rateLimit: signInLimit,
  },
  signOut: {
    method: 'POST',
    path: '/api/portal/session/end',
    access: 'public',
    summary: '职工退出登录 / worker sign-out',
    response: OkSchema,
    rateLimit: readLimit,
  },
  me: { method: 'GET', path: '/api/portal/me', access: 'public', summary: '我的（职工本人）/ the signed-in worker', response: WorkerMe, rateLimit: readLimit },
  setPassword: {
    method: 'POST',
    path: '/api/portal/password',
    access: 'public',
    summary: '设置登录密码 / set a sign-in password',
    body: SetPasswordBody,
    response: OkSchema,
    rateLimit: linkLimit,
  },
  link: {
    method: 'POST',
    path: '/api/portal/link',
    access: 'public',
    summary: '关联会员档案（姓名与身份证号须与会员名册一致）/ link to my member record (name and ID must match)',
    body: LinkBody,
    response: WorkerMe,
    rateLimit: linkLimit,
  },
  consent: {
    method: 'POST',
    path: '/api/portal/consent',
    access: 'public',
    summary: '确认个人信息处理告知书（由单位名册导入的会员首次登录时）/ confirm the personal-information notice',
    body: ConsentBody,
    response: WorkerMe,
    rateLimit: linkLimit,
  },
  card: {
    method: 'GET',
    path: '/api/portal/card',
    access: 'public',
    summary: '我的电子会员卡 / my electronic member card',
    response: WorkerCard,
    rateLimit: readLimit,
  },
  applications: {
    method: 'GET',
    path: '/api/portal/applications',
    access: 'public',
    summary: '我的申请和案件 / my applications and cases',
    response: z.array(MyApplication),
    rateLimit: readLimit,
  },
  notifications: {
    method: 'GET',
    path: '/api/portal/notifications',
    access: 'public',
    summary: '我的消息 / my notifications',
    query: z.strictObject({ ...PageQuery }),
    response: pageOf(WorkerNotification),
    rateLimit: readLimit,
  },
  readNotifications: {
    method: 'POST',
    path: '/api/portal/notifications/read',
    access: 'public',
    summary: '全部标为已读 / mark all read',
    response: OkSchema,
    rateLimit: readLimit,
  },
  myChangeRequests: {
    method: 'GET',
    path: '/api/portal/change-requests',
    access: 'public',
    summary: '我的信息变更申请 / my requests to change my details',
    response: z.array(MyChangeRequest),
    rateLimit: readLimit,
  },
  requestChange: {
    method: 'POST',
    path: '/api/portal/change-requests',
    access: 'public',
    summary: '申请变更我的信息（变更工作单位即申请转会）/ ask to change my details (a new employer starts a transfer)',
    body: ChangeRequestBody,
    response: MyChangeRequest,
    status: 201,
    rateLimit: linkLimit,
  },
  unlink: {
    method: 'POST',
    path: '/api/portal/unlink',
    access: 'public',
    summary: '解除与会员档案的关联 / unlink my account from the member record',
    body: UnlinkBody,
    response: WorkerMe,
    rateLimit: linkLimit,
  },
  changeRequests: {
    method: 'GET',
    path: '/api/member-change-requests',
    access: 'member.read',
    summary: '职工信息变更申请（管辖范围内）/ workers’ change requests in scope',
    query: ChangeRequestQuery,
    response: pageOf(ChangeRequestRow),
  },
  approveChange: {
    method: 'POST',
    path: '/api/member-change-requests/:id/approve',
    access: 'member.write',
    summary: '通过变更申请并写入会员档案（变更单位即发起转会）/ approve: write the record (a new employer opens a transfer)',
    params: IdParams,
    body: DecideBody,
    response: ChangeRequestRow,
  },
  rejectChange: {
    method: 'POST',
    path: '/api/member-change-requests/:id/reject',
    access: 'member.write',
    summary: '变更申请不予通过 / reject a change request',
    params: IdParams,
    body: RejectBody,
    response: ChangeRequestRow,
  },
  adminUnlink: {
    method: 'POST',
    path: '/api/members/:id/portal-unlink',
    access: 'member.write',
    summary: '解除会员档案与职工账号的关联 / unlink the worker account from a member record',
    params: IdParams,
    body: AdminUnlinkBody,
    response: OkSchema,
  },
  figures: {
    method: 'GET',
    path: '/api/dashboard/portal',
    access: 'dashboard.read',
    summary: '职工服务概况：关联账号、近30天登录、待审变更 / portal figures in scope',
    response: PortalFigures,
  },
  outbox: {
    method: 'GET',
    path: '/api/system/sms-outbox',
    access: 'settings.manage',
    summary: '短信发件箱（试点用）/ the SMS outbox for pilots',
    query: OutboxQuery,
    response: pageOf(OutboxMessage),
  },
});
