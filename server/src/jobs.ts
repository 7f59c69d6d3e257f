import type { FastifyBaseLogger } from 'fastify';
import type { Services } from './platform/context.js';
import { purgeExpiredSessions } from './modules/auth/session.js';
import { runWarningJob } from './modules/hardship/warning.service.js';
import { writeCheckpoint } from './platform/audit-tail.js';
import { runScheduledBackup } from './platform/backup-schedule.js';
import { jobRuns } from './platform/metrics.js';
import { recoverImports } from './modules/member/import/import.recovery.js';
import { jobs as importJobs } from './modules/member/import/import.service.js';
import { runContractJob } from './modules/contract/contract.job.js';
import { runPortalReminders } from './modules/portal/reminders.js';
import { runBreachJob } from './modules/dispute/records.service.js';
import { runPlanReminders } from './modules/plan/plan.reminders.js';
import { recordKpiReadings } from './modules/plan/plan.kpi.js';

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
    return run;
  };
  /** Also once shortly after start: a run the last process was killed in (or never got to) is not left for a whole interval. */
  const afterStart = (run: () => Promise<void>) => timers.push(setTimeout(run, 30_000).unref());
  every(10 * 60_000, 'purge-sessions', () => purgeExpiredSessions(s));
  // Hardship monitoring and early warning (监测预警): idempotent, so a missed or doubled run is harmless.
  // One transaction under an advisory lock: a run cut short by a kill wrote nothing and simply runs again.
  afterStart(
    every(60 * 60_000, 'hardship-warnings', async () => {
      const r = await runWarningJob(s);
      if (r.raised) log.info({ byRule: r.byRule }, `hardship warnings raised: ${r.raised}`);
    }),
  );
  // Signed checkpoints of the audit log's head, so that cutting its newest entries is found by `audit verify`.
  every(5 * 60_000, 'audit-checkpoint', async () => {
    await writeCheckpoint(s.db, s.auditSigner);
  });
  // Scheduled backups (settings: daily, keep 14); a run cut short leaves no half archive and runs again.
  afterStart(
    every(10 * 60_000, 'backup', async () => {
      const file = await runScheduledBackup(s);
      if (file) log.info(`backup written: ${file}`);
    }),
  );
  // Imports left 'parsing' or 'committing' by a replica that died (at start this process already looked).
  every(10 * 60_000, 'import-recovery', async () => {
    const failed = await recoverImports(s, new Set(importJobs.keys()));
    if (failed.length) log.warn(`interrupted imports marked failed: ${failed.join(', ')}`);
  });
  // Collective contracts (docs/contracts.md): in force after a review with no objection, expired after the last day.
  // Idempotent and dated by the day, so running it hourly makes each change on the first run of its day.
  afterStart(
    every(60 * 60_000, 'contract-effect-expiry', async () => {
      const r = await runContractJob(s);
      if (r.effective.length || r.expired.length) log.info(`contracts in force: ${r.effective.length}, expired: ${r.expired.length}`);
    }),
  );
  // Deadline reminders in workers' inboxes (docs/portal.md): a daily reminder, keyed per item and deadline,
  // so running it hourly writes each reminder once, on the first run of its day.
  afterStart(
    every(60 * 60_000, 'portal-reminders', async () => {
      const r = await runPortalReminders(s);
      if (r.written) log.info(`portal deadline reminders written: ${r.written}`);
    }),
  );
  // Supervision reminders and escalations in cadres' inboxes (docs/plans.md): keyed per task, stage and due date,
  // so running it hourly writes each message once, on the first run of its day.
  afterStart(
    every(60 * 60_000, 'plan-reminders', async () => {
      const r = await runPlanReminders(s);
      if (r.written) log.info(`plan reminders written: ${r.written} (${r.reminders} due soon, ${r.overdue} overdue, ${r.escalations} escalated)`);
    }),
  );
  // The day's value of every open task's live KPI (docs/plans.md, "Live KPIs"), the line the task page draws
  // against its target; hourly, each run replacing the day's reading with the latest value.
  afterStart(
    every(60 * 60_000, 'plan-kpi', async () => {
      await recordKpiReadings(s);
    }),
  );
  // Mediation agreements not performed (劳动争议调解仲裁法 Art. 15): the worker and the handling body are told once per missed instalment.
  afterStart(
    every(60 * 60_000, 'dispute-breaches', async () => {
      const r = await runBreachJob(s);
      if (r.cases) log.info(`dispute agreements breached: ${r.cases}, workers told: ${r.notified}`);
    }),
  );
  return () => timers.forEach((t) => clearTimeout(t));
}
