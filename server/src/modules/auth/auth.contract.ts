import { z } from 'zod';

export const LoginBody = z.strictObject({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(128),
});

export const TotpBody = z.strictObject({ code: z.string().regex(/^\d{6}$/, '动态验证码为6位数字') });

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(128),
  newPassword: z.string().min(1).max(128),
});

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
  pending: z.enum(['totp', 'password_change', 'totp_enrol']).nullable(),
  totpEnabled: z.boolean(),
  passwordExpiresAt: z.string().nullable(),
  csrfToken: z.string(),
});

export const TotpSetupSchema = z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() });
