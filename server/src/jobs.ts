import type { FastifyBaseLogger } from 'fastify';
import type { Services } from './platform/context.js';
import { purgeExpiredSessions } from './modules/auth/session.js';

/**
 * Background jobs run in the server process by default (GONGHUI_JOBS=0 turns them off on extra
 * replicas). Each job calls the same services as the API.
 */
export function startJobs(s: Services, log: FastifyBaseLogger): () => void {
  const timers: NodeJS.Timeout[] = [];
  const every = (ms: number, name: string, fn: () => Promise<void>) => {
    const run = () => fn().catch((e) => log.error({ err: e }, `job ${name} failed`));
    timers.push(setInterval(run, ms).unref());
  };
  every(10 * 60_000, 'purge-sessions', () => purgeExpiredSessions(s));
  return () => timers.forEach(clearInterval);
}
