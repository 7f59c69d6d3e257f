import { z } from 'zod';

/**
 * Sign-in security settings. The default is the 网络安全等级保护 2.0 level-3 preset: passwords of
 * ≥ 8 characters in 3 classes, changed within 90 days, none of the last 5 reused, lock for 15
 * minutes after 5 failures, idle timeout 30 minutes, absolute session 12 hours.
 */
export const SecuritySettingsSchema = z.strictObject({
  passwordMinLength: z.number().int().min(8).max(64),
  passwordMinClasses: z.number().int().min(2).max(4),
  passwordMaxAgeDays: z.number().int().min(0).max(365),
  passwordHistory: z.number().int().min(0).max(24),
  maxFailedLogins: z.number().int().min(3).max(20),
  lockMinutes: z.number().int().min(1).max(1440),
  idleMinutes: z.number().int().min(5).max(30),
  absoluteHours: z.number().int().min(1).max(24),
  totpRequiredForAdmins: z.boolean(),
});
export type SecuritySettings = z.infer<typeof SecuritySettingsSchema>;

export const LEVEL3_PRESET: SecuritySettings = {
  passwordMinLength: 8,
  passwordMinClasses: 3,
  passwordMaxAgeDays: 90,
  passwordHistory: 5,
  maxFailedLogins: 5,
  lockMinutes: 15,
  idleMinutes: 30,
  absoluteHours: 12,
  totpRequiredForAdmins: false,
};
