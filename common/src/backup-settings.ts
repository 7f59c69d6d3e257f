import { z } from 'zod';

/**
 * Scheduled backups (docs/operations.md, "Backup and restore"): how often the server writes an
 * archive to its backup folder (GONGHUI_BACKUP_DIR, default DATA_DIR/backups) and how many it keeps.
 */
export const BackupSettingsSchema = z.strictObject({
  enabled: z.boolean(),
  intervalHours: z
    .number()
    .int()
    .min(1, '间隔至少1小时 / at least every hour')
    .max(24 * 31, '间隔不超过31天 / at most 31 days'),
  keep: z.number().int().min(1, '至少保留1份 / keep at least 1').max(365, '最多保留365份 / keep at most 365'),
});
export type BackupSettings = z.infer<typeof BackupSettingsSchema>;

/** Daily, the last 14 kept. */
export const BACKUP_DEFAULTS: BackupSettings = { enabled: true, intervalHours: 24, keep: 14 };

/** What the last scheduled run did. */
export const BackupStatusSchema = z.object({
  lastAt: z.string().nullable(),
  lastFile: z.string().nullable(),
  lastError: z.string().nullable(),
  files: z.array(z.object({ name: z.string(), bytes: z.number(), at: z.string() })),
});
export type BackupStatus = z.infer<typeof BackupStatusSchema>;
