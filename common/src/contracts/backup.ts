/**
 * Scheduled backups (docs/operations.md, "Backup and restore"): how often the server writes an
 * archive to its backup folder and how many it keeps, and what the last run did. System
 * administrators only (settings.manage); every change is audited.
 */
import { z } from 'zod';
import { BackupSettingsSchema, BackupStatusSchema } from '../backup-settings.js';
import { endpoints } from './kit.js';

export const BackupView = z.object({
  settings: BackupSettingsSchema,
  status: BackupStatusSchema,
  /** Where the archives go (GONGHUI_BACKUP_DIR, default DATA_DIR/backups): named so an operator knows what to copy off the machine. */
  dir: z.string(),
});

export const backupApi = endpoints('备份 backup', {
  get: {
    method: 'GET',
    path: '/api/settings/backup',
    access: 'settings.manage',
    summary: '定时备份设置与最近备份 / scheduled backups and the latest archives',
    response: BackupView,
  },
  save: {
    method: 'PUT',
    path: '/api/settings/backup',
    access: 'settings.manage',
    summary: '修改定时备份设置（默认每天一次、保留14份）/ change scheduled backups (default daily, keep 14)',
    body: BackupSettingsSchema,
    response: BackupView,
  },
});

export type BackupViewData = z.infer<typeof BackupView>;
export { BACKUP_DEFAULTS, BackupSettingsSchema, type BackupSettings } from '../backup-settings.js';
