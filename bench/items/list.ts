/**
 * The authenticated member list (GET /api/members, a district administrator's first page) under
 * autocannon, against the server under test in its own process, beside a bare Fastify route that
 * sends a page of the same size from another process on the same machine.
 */
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { startChild, REPO, sampleRss } from '../lib/proc.js';
import { summarise, type Summary } from '../lib/stats.js';
import { fmtInt, fmtMs, fmtRatio, type ItemResult } from '../lib/report.js';
import type { Child } from '../lib/proc.js';
import type { Services } from '../../server/src/platform/context.js';
import { replayRaw, type Captured } from '../lib/db.js';

/**
 * The database's own ceiling for this page: the very statements one request sends (captured from
 * the service, session already cached), replayed through the driver alone — the same pool size as
 * the server's — by `connections` concurrent callers for `seconds`. No HTTP, no ORM, no JSON.
 */
export async function driverLoad(s: Services, statements: Captured[], connections: number, seconds: number): Promise<LoadResult> {
  const times: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        try {
          await replayRaw(s, statements);
          times.push(performance.now() - t);
        } catch {
          errors++;
        }
      }
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  return { reqPerSec: times.length / secs, latency: summarise(times), errors, non2xx: 0, total: times.length };
}

export interface LoadResult {
  reqPerSec: number;
  latency: Summary;
  errors: number;
  non2xx: number;
  total: number;
  peakRssMiB?: number;
}

export async function load(url: string, headers: Record<string, string>, connections: number, seconds: number): Promise<LoadResult> {
  const times: number[] = [];
  const inst = autocannon({ url, connections, duration: seconds, headers, timeout: 30 });
  inst.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => times.push(ms));
  const r = await inst;
  return {
    reqPerSec: r.requests.total / (r.duration || seconds),
    latency: summarise(times),
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    total: r.requests.total,
  };
}

export async function runListLoad(
  server: Child,
  cookie: string,
  dir: string,
  o: { connections: number; seconds: number },
  log: (m: string) => void,
  driver?: LoadResult,
): Promise<ItemResult> {
  const listUrl = `${server.url}/api/members?page=1&pageSize=20`;
  const first = await fetch(listUrl, { headers: { cookie } });
  if (!first.ok) throw new Error(`GET /api/members answered ${first.status}: ${(await first.text()).slice(0, 300)}`);
  const payloadFile = path.join(dir, 'member-page.json');
  fs.writeFileSync(payloadFile, await first.text());

  const rss = sampleRss(server.pid);
  const ours = await load(listUrl, { cookie }, o.connections, o.seconds);
  const mem = rss.stop();
  ours.peakRssMiB = mem.peakMiB;
  log(`  member list: ${ours.reqPerSec.toFixed(0)} req/s, p95 ${ours.latency.p95} ms, ${ours.non2xx} non-2xx, ${ours.errors} errors`);

  const bare = await startChild(path.join(REPO, 'bench/child/bare.ts'), { env: { BARE_PAYLOAD_FILE: payloadFile } });
  let limit: LoadResult;
  try {
    limit = await load(`${bare.url}/bare`, {}, o.connections, o.seconds);
  } finally {
    await bare.stop();
  }
  log(`  bare Fastify: ${limit.reqPerSec.toFixed(0)} req/s, p95 ${limit.latency.p95} ms`);
  const ratio = ours.reqPerSec / limit.reqPerSec;
  const failed = ours.errors + ours.non2xx;
  return {
    id: 'list.load',
    what: `GET /api/members (district admin, page 1 of 20) — ${o.connections} connections, ${o.seconds} s`,
    ours: `${fmtInt(ours.reqPerSec)} req/s, p95 ${fmtMs(ours.latency.p95)}${failed ? `, ${failed} failed` : ''}`,
    limit: `bare Fastify ${fmtInt(limit.reqPerSec)} req/s, p95 ${fmtMs(limit.latency.p95)}${driver ? `; its SQL through the driver alone ${fmtInt(driver.reqPerSec)} req/s, p95 ${fmtMs(driver.latency.p95)} (ours = ${fmtRatio(ours.reqPerSec / driver.reqPerSec)} of that)` : ''}`,
    ratio,
    ratioLabel: `${fmtRatio(ratio)} of bare req/s`,
    target: '≥ 0.25 of bare throughput',
    met: ratio >= 0.25 && failed === 0,
    data: { ours, bare: limit, driver: driver ?? null },
  };
}
