import type { FastifyBaseLogger } from 'fastify';
import type { Services } from './platform/context.js';
import { purgeExpiredSessions } from './modules/auth/session.js';
import { runWarningJob } from './modules/hardship/warning.service.js';
import { writeCheckpoint } from './platform/audit-tail.js';
import { runScheduledBackup } from './platform/backup-schedule.js';
import { jobRuns } from './platform/metrics.js';

/**
 * Background jobs run in the server process by default (GONGHUI_JOBS=0 turns them off on extra
 * replicas). Each job calls the same services as the API.
 */
export function startJobs(s: Services, log: FastifyBaseLogger): () => void {
  const timers: NodeJS.Timeout[] = [];
  const every = (ms: number, name: string, fn: () => Promise<void>) => {
    const run = () =>
      fn().then(
        () => jobRuns.inc({ job: name, result: 'ok' }),
        (e) => {
          jobRuns.inc({ job: name, result: 'failed' });
          log.error({ err: e }, `job ${name} failed`);
        },
      );
    timers.push(setInterval(run, ms).unref());
  };
  every(10 * 60_000, 'purge-sessions', () => purgeExpiredSessions(s));
  // Hardship monitoring and early warning (监测预警): idempotent, so a missed or doubled run is harmless.
  every(60 * 60_000, 'hardship-warnings', async () => {
    const r = await runWarningJob(s);
    if (r.raised) log.info({ byRule: r.byRule }, `hardship warnings raised: ${r.raised}`);
  });
  // Signed checkpoints of the audit log's head, so that cutting its newest entries is found by `audit verify`.
  every(5 * 60_000, 'audit-checkpoint', async () => {
    await writeCheckpoint(s.db, s.auditSigner);
  });
  // Scheduled backups (settings: daily, keep 14); a run cut short leaves no half archive and runs again.
  every(10 * 60_000, 'backup', async () => {
    const file = await runScheduledBackup(s);
    if (file) log.info(`backup written: ${file}`);
  });
  return () => timers.forEach(clearInterval);
}
