/** Sign-in and sessions (认证): password, second factor, forced password change, TOTP enrolment. */
import { z } from 'zod';
import { endpoints, ErrorSchema, OkSchema } from './kit.js';

export const LoginBody = z.strictObject({
  username: z.string().trim().min(1, '请输入用户名 / enter the username').max(64),
  password: z.string().min(1, '请输入密码 / enter the password').max(128),
});

export const TotpBody = z.strictObject({ code: z.string().regex(/^\d{6}$/, '动态验证码为6位数字 / the code has 6 digits') });

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(128),
  newPassword: z.string().min(1).max(128),
});

/** What a session still has to do before it may use the platform (server platform/guard.ts). */
export const PENDING_STAGES = ['totp', 'password_change', 'totp_enrol'] as const;

export const MeSchema = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    orgId: z.string(),
    orgName: z.string(),
    orgLevel: z.string(),
  }),
  permissions: z.array(z.string()),
  scope: z.object({ all: z.boolean(), subtreeCount: z.number(), orgCount: z.number() }),
  pending: z.enum(PENDING_STAGES).nullable(),
  totpEnabled: z.boolean(),
  passwordExpiresAt: z.string().nullable(),
  csrfToken: z.string(),
});

export const TotpSetupSchema = z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() });

/**
 * The sign-in form's per-address limit. The per-account lockout (security settings: 5 failures,
 * 15 minutes) stops guessing one password; this bounds trying many accounts from one address and the
 * password hashing it costs. Generous enough for an office signing in behind one address.
 */
const loginLimit = { bucket: 'auth.login', limit: 60, windowMs: 60_000 };

export const authApi = endpoints('认证 auth', {
  login: {
    method: 'POST',
    path: '/api/auth/login',
    access: 'public',
    summary: '用户名密码登录 / sign in',
    description:
      '限流：每个IP每分钟60次；连续失败达到安全设置的次数后账号锁定（423）。Rate limit: 60 per IP per minute; an account locks after the configured number of failures (423).',
    body: LoginBody,
    response: MeSchema,
    rateLimit: loginLimit,
    responses: { 423: ErrorSchema },
  },
  loginTotp: {
    method: 'POST',
    path: '/api/auth/login/totp',
    access: 'authenticated',
    allowPending: true,
    summary: '输入动态验证码完成登录 / second factor',
    body: TotpBody,
    response: OkSchema,
  },
  logout: { method: 'POST', path: '/api/auth/logout', access: 'authenticated', allowPending: true, summary: '退出登录 / sign out', response: OkSchema },
  me: {
    method: 'GET',
    path: '/api/auth/me',
    access: 'authenticated',
    allowPending: true,
    summary: '当前用户、权限与数据范围 / current user',
    response: MeSchema,
  },
  changePassword: {
    method: 'POST',
    path: '/api/auth/password',
    access: 'authenticated',
    allowPending: true,
    summary: '修改本人密码 / change own password',
    body: ChangePasswordBody,
    response: OkSchema,
  },
  totpSetup: {
    method: 'POST',
    path: '/api/auth/totp/setup',
    access: 'authenticated',
    allowPending: true,
    summary: '生成动态验证码密钥 / start TOTP enrolment',
    response: TotpSetupSchema,
  },
  totpEnable: {
    method: 'POST',
    path: '/api/auth/totp/enable',
    access: 'authenticated',
    allowPending: true,
    summary: '确认并启用动态验证码 / confirm TOTP',
    body: TotpBody,
    response: OkSchema,
  },
  totpDisable: {
    method: 'POST',
    path: '/api/auth/totp/disable',
    access: 'authenticated',
    summary: '停用动态验证码 / disable TOTP',
    body: TotpBody,
    response: OkSchema,
  },
});

export type Me = z.infer<typeof MeSchema>;
export type PendingStage = (typeof PENDING_STAGES)[number];
export type TotpSetup = z.infer<typeof TotpSetupSchema>;
