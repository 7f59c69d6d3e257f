import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { BACKUP_DEFAULTS, BackupSettingsSchema, type BackupSettings, type BackupStatus } from '../../../common/src/backup-settings.js';
import { backupDatabase } from './backup.js';
import type { Services } from './context.js';

/**
 * Scheduled backups: the jobs process checks every 10 minutes whether the interval has passed since
 * the last archive, writes one to the backup folder and keeps the newest `keep`. An archive is
 * written under a temporary name and renamed when complete, so a run cut short by a crash or a
 * restart leaves no half archive: its temporary file is removed and the next check runs it again.
 */
const NAME = /^gonghui-\d{8}-\d{6}\.backup$/;
const LastRun = z.object({ at: z.string().nullable(), file: z.string().nullable(), error: z.string().nullable() });
const NEVER = { at: null, file: null, error: null };

export function backupDir(s: Services): string {
  return s.config.backupDir ?? path.join(s.config.dataDir, 'backups');
}

export async function backupSettings(s: Services): Promise<BackupSettings> {
  return s.settings.get('backup', BackupSettingsSchema, BACKUP_DEFAULTS);
}

/** The last run and the archives in the folder, newest first. */
export async function backupStatus(s: Services): Promise<BackupStatus> {
  const last = await s.settings.get('backup.last', LastRun, NEVER);
  const dir = backupDir(s);
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => NAME.test(f))
        .sort()
        .reverse()
        .map((name) => {
          const st = fs.statSync(path.join(dir, name));
          return { name, bytes: st.size, at: st.mtime.toISOString() };
        })
    : [];
  return { lastAt: last.at, lastFile: last.file, lastError: last.error, files };
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

/** Run a scheduled backup when one is due (or `force`); returns the file written, or null. */
export async function runScheduledBackup(s: Services, opts: { force?: boolean; now?: Date } = {}): Promise<string | null> {
  const cfg = await backupSettings(s);
  const dir = backupDir(s);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const f of fs.readdirSync(dir)) if (f.endsWith('.part')) fs.rmSync(path.join(dir, f), { force: true });
  const last = await s.settings.get('backup.last', LastRun, NEVER);
  const now = opts.now ?? new Date();
  const due = !last.at || now.getTime() - Date.parse(last.at) >= cfg.intervalHours * 3_600_000;
  if (!opts.force && (!cfg.enabled || !due)) return null;
  const file = path.join(dir, `gonghui-${stamp(now)}.backup`);
  try {
    await backupDatabase(s, file);
    await s.settings.save(s.db, 'backup.last', { at: now.toISOString(), file: path.basename(file), error: null });
  } catch (e) {
    await s.settings.save(s.db, 'backup.last', { at: last.at, file: last.file, error: `${now.toISOString()}: ${(e as Error).message}` });
    throw e;
  }
  const all = fs
    .readdirSync(dir)
    .filter((f) => NAME.test(f))
    .sort();
  for (const old of all.slice(0, Math.max(0, all.length - cfg.keep))) fs.rmSync(path.join(dir, old), { force: true });
  return file;
}
