/**
 * The kill -9 fault suite at full size (server/src/test/kill9.ts): a roster import in a child
 * process killed with SIGKILL at a random moment, ≥ 100 times on each engine; after each kill the
 * registry holds the whole file or none of it, nothing duplicated, counters equal to direct counts,
 * the audit chain whole, and a rerun completes. Runs on its own (it needs no city):
 *
 *   npx tsx bench/items/kill9.ts [--runs 100] [--rows 2000] [--engine pglite|postgres|both] [--seed N]
 *
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test); a scratch
 * database is created there and dropped. Figures go to bench/results/kill9-<engine>-<date>.json and
 * .md as the runs go (a run cut short keeps what it measured). Exit 1 when any run broke an invariant.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runKill9, type Kill9Report } from '../../server/src/test/kill9.js';
import { describeMachine } from '../lib/machine.js';

const { values } = parseArgs({ options: { runs: { type: 'string' }, rows: { type: 'string' }, engine: { type: 'string' }, seed: { type: 'string' } } });
const runs = Number(values.runs ?? 100);
const rows = Number(values.rows ?? 2000);
const seed = Number(values.seed ?? 20261204);
const engines = values.engine === 'both' || !values.engine ? (['pglite', 'postgres'] as const) : ([values.engine] as ('pglite' | 'postgres')[]);
const databaseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const results = path.resolve(import.meta.dirname, '../results');

function write(r: Kill9Report, finished: boolean) {
  const file = path.join(results, `kill9-${r.engine}-${new Date().toISOString().slice(0, 10)}`);
  const machine = describeMachine();
  fs.writeFileSync(`${file}.json`, JSON.stringify({ ...r, finished, seed, machine }, null, 2) + '\n');
  const where = Object.entries(r.killedAt)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  fs.writeFileSync(
    `${file}.md`,
    [
      `# kill -9 during a roster import — ${r.engine}${finished ? '' : ' (cut short)'}`,
      '',
      `Machine: ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.cpuModel}, Node ${machine.node}, load average ${machine.loadAverage.join(' / ')}.`,
      '',
      '| figure | value |',
      '|---|---|',
      `| runs (a kill, recovery, checks, a rerun) | ${r.runs} |`,
      `| runs with a broken invariant | ${r.failures.length} |`,
      `| rows per roster file | ${r.rows.toLocaleString('en')} (a tenth updates of the previous file) |`,
      `| where the kill landed | ${where} |`,
      `| unkilled import (the kill window) | ${(r.importMs / 1000).toFixed(1)} s |`,
      `| whole suite | ${(r.totalMs / 60_000).toFixed(1)} min |`,
      '',
      ...(r.failures.length ? ['## Failures', '', ...r.failures.map((f) => `- ${f}`)] : []),
      '',
    ].join('\n'),
  );
}

let broken = 0;
for (const engine of engines) {
  const t0 = performance.now();
  const r = await runKill9({
    engine,
    runs,
    rows,
    seed,
    databaseUrl,
    log: (m) => console.error(m),
    onRun: (partial) => write({ ...partial, totalMs: Math.round(performance.now() - t0) }, false),
  });
  write(r, true);
  broken += r.failures.length;
  console.log(
    `kill9 ${engine}: ${r.runs} runs, ${r.failures.length} failures; killed at ${JSON.stringify(r.killedAt)}; ${(r.totalMs / 60_000).toFixed(1)} min`,
  );
  for (const f of r.failures) console.log(`  ${f}`);
}
process.exit(broken ? 1 : 0);
