/**
 * Roster import through the real pipeline inside the server under test (bench/child/server.ts:
 * the full app plus an IPC hook that calls the import service), while the benchmark samples the
 * server's RSS from /proc and calls GET /api/health every 100 ms to see that it keeps answering.
 */
import path from 'node:path';
import { ipcCall, REPO, sampleRss, startChild, type Child } from '../lib/proc.js';
import { sleep, summarise, type Summary } from '../lib/stats.js';
import type { BenchDb } from '../lib/db.js';

export interface ImportRun {
  missing?: string;
  batchId?: string;
  parseMs?: number;
  commitMs?: number | null;
  totalMs?: number;
  commitMissing?: boolean;
  preview?: Record<string, unknown> | null;
  final?: Record<string, unknown> | null;
  peakRssMiB: number;
  health: Summary & { failed: number };
}

export async function startImportServer(b: BenchDb): Promise<Child> {
  return startChild(path.join(REPO, 'bench/child/server.ts'), { env: b.env, ipc: true });
}

/** Probe GET /api/health sequentially every `everyMs` until stopped; failures and 2 s timeouts count. */
export function healthProbe(url: string, everyMs = 100) {
  const times: number[] = [];
  let failed = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const t0 = performance.now();
      try {
        const r = await fetch(url + '/api/health', { signal: AbortSignal.timeout(2000) });
        await r.arrayBuffer();
        if (!r.ok) failed++;
        else times.push(performance.now() - t0);
      } catch {
        failed++;
      }
      const spent = performance.now() - t0;
      if (spent < everyMs) await sleep(everyMs - spent);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { ...summarise(times), failed };
    },
  };
}

export async function runImport(server: Child, token: string, orgId: string, file: string, log: (m: string) => void): Promise<ImportRun> {
  const onProgress = (m: { type?: string; status?: string; rowsDone?: number }) => {
    if (m?.type === 'progress') log(`    import ${m.status}: ${Number(m.rowsDone ?? 0).toLocaleString('en')} rows`);
  };
  server.proc.on('message', onProgress);
  const rss = sampleRss(server.pid);
  const health = healthProbe(server.url);
  try {
    const r = await ipcCall<Omit<ImportRun, 'peakRssMiB' | 'health'>>(server.proc, { op: 'import', token, orgId, file, commit: true });
    return { ...r, peakRssMiB: rss.stop().peakMiB, health: await health.stop() };
  } finally {
    server.proc.off('message', onProgress);
    rss.stop();
    await health.stop();
  }
}
