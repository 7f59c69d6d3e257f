import { describe, expect, it } from 'vitest';
import { runKill9 } from '../test/kill9.js';

/**
 * The kill -9 fault suite at test size (server/src/test/kill9.ts): a roster import in a child
 * process killed with SIGKILL at random moments, on the engine of this run (PostgreSQL when
 * TEST_DATABASE_URL is set, else PGlite); after each kill nothing partial or duplicated, and a rerun
 * completes. `npx tsx bench/items/kill9.ts` runs ≥ 100 kills on each engine.
 */
const RUNS = Number(process.env.KILL9_RUNS ?? 3);

describe('kill -9 during a roster import', () => {
  it(`leaves nothing partial or duplicated after ${RUNS} kills, and each rerun completes`, async () => {
    const r = await runKill9({
      engine: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite',
      databaseUrl: process.env.TEST_DATABASE_URL,
      runs: RUNS,
      rows: 300,
      seed: 7,
    });
    console.log(`kill9: ${r.engine} ${r.runs} runs, killed at ${JSON.stringify(r.killedAt)}, ${r.failures.length} failures`);
    expect(r.failures).toEqual([]);
    expect(r.runs).toBe(RUNS);
  }, 600_000);
});
