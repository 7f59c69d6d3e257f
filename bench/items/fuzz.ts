/**
 * The fuzz suite at full size (server/src/platform/fuzz.test.ts): ≥ 10,000 malformed requests
 * generated from the OpenAPI document over every route; the figures are the requests sent, the
 * answers by status, the 5xx (goal 0) and the refused requests that wrote anyway (goal 0). Runs on
 * its own (it needs no city):
 *
 *   npx tsx bench/items/fuzz.ts [--runs 10000] [--seed N]     (PostgreSQL: TEST_DATABASE_URL=…)
 *
 * Figures go to bench/results/fuzz-<engine>-<date>.json. Exit 1 when the suite failed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { describeMachine } from '../lib/machine.js';

const { values } = parseArgs({ options: { runs: { type: 'string' }, seed: { type: 'string' } } });
const runs = Number(values.runs ?? 10_000);
const seed = Number(values.seed ?? 20261204);
const repo = path.resolve(import.meta.dirname, '../..');
const engine = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
const t0 = performance.now();
const r = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.config.ts', 'server/src/platform/fuzz.test.ts'], {
  cwd: repo,
  env: { ...process.env, FUZZ_RUNS: String(runs), FUZZ_SEED: String(seed) },
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
const out = `${r.stdout}\n${r.stderr}`;
const line = /fuzz: (\d+) requests over (\d+) operations \(seed (\d+)\); statuses (\{[^}]*\}); 5xx (\d+); refused but written (\d+)/.exec(out);
const result = {
  engine,
  passed: r.status === 0,
  requests: line ? Number(line[1]) : null,
  operations: line ? Number(line[2]) : null,
  seed,
  statuses: line ? JSON.parse(line[4]!) : null,
  serverErrors: line ? Number(line[5]) : null,
  refusedButWritten: line ? Number(line[6]) : null,
  minutes: Math.round((performance.now() - t0) / 600) / 100,
  machine: describeMachine(),
};
fs.writeFileSync(
  path.resolve(import.meta.dirname, `../results/fuzz-${engine}-${new Date().toISOString().slice(0, 10)}.json`),
  JSON.stringify(result, null, 2) + '\n',
);
console.log(JSON.stringify(result));
if (r.status !== 0) console.log(out.slice(-4000));
process.exit(r.status === 0 ? 0 : 1);
