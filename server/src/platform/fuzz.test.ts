import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, type TestClient, type TestEnv } from '../test/harness.js';
import { fuzzRequests, operationsOf, type FuzzRequest } from '../test/fuzz.js';

/**
 * The fuzz suite (ARCHITECTURE invariant 10): about a thousand malformed requests generated from
 * the OpenAPI document — every route, as the city administrator, who may call all of them — must
 * give no 5xx, and a refused request must write nothing. `npm run bench` runs the same at ≥ 10,000.
 * FUZZ_RUNS and FUZZ_SEED change the size and the sample.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261204);
/** Sign-in bookkeeping a refused request may legitimately write (failed-attempt counters, the audit of the refusal). */
const BOOKKEEPING = new Set(['audit_log', 'audit_checkpoint', 'session', 'app_user', 'setting']);

let env: TestEnv;
let admin: TestClient;
let fingerprint: () => Promise<string>;

beforeAll(async () => {
  env = await createTestEnv();
  admin = await env.login('admin');
  const tables = (await env.services.database.query<{ name: string; versioned: boolean }>(sql`
    SELECT t.tablename AS name, EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_name = t.tablename AND c.column_name = 'version' AND c.data_type = 'integer') AS versioned
    FROM pg_tables t WHERE t.schemaname = 'public' ORDER BY 1`)).filter((t) => !BOOKKEEPING.has(t.name));
  const probe = sql.join(tables.map((t) => sql`(SELECT count(*)::text || ':' || ${t.versioned ? sql`coalesce(sum(version), 0)::text` : sql`''`} FROM ${sql.identifier(t.name)})`), sql` || '|' || `);
  fingerprint = async () => (await env.services.database.query<{ f: string }>(sql`SELECT ${probe} AS f`))[0]!.f;
}, 240_000);
afterAll(async () => {
  await env?.close();
});

describe('fuzzing every route of the OpenAPI document', () => {
  it(`answers ${RUNS} malformed requests without a 5xx, and a refused one writes nothing`, async () => {
    const doc = (await admin.get('/api/openapi.json')).json();
    // Signing out would only end the fuzzer's own session.
    const ops = operationsOf(doc).filter((o) => o.path !== '/api/auth/logout');
    expect(ops.length).toBeGreaterThan(60);
    const requests = fuzzRequests(ops, RUNS, SEED);
    const serverErrors: string[] = [];
    const wroteAnyway: string[] = [];
    const byStatus = new Map<number, number>();
    const send = (r: FuzzRequest) => admin.request(r.method, r.url, r.payload, r.headers);
    for (const r of requests) {
      const write = r.method !== 'GET';
      const before = write ? await fingerprint() : '';
      let res = await send(r);
      if (res.statusCode === 401) {
        admin = await env.login('admin'); // a fuzzed password change or second factor may have ended the session
        res = await send(r);
      }
      byStatus.set(res.statusCode, (byStatus.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode >= 500) serverErrors.push(`${r.label} ${r.url.slice(0, 120)} → ${res.statusCode} ${res.body.slice(0, 160)}`);
      else if (write && res.statusCode >= 400 && (await fingerprint()) !== before) wroteAnyway.push(`${r.label} → ${res.statusCode}: ${String(r.payload).slice(0, 120)}`);
    }
    console.log(`fuzz: ${requests.length} requests over ${ops.length} operations (seed ${SEED}); statuses ${JSON.stringify(Object.fromEntries([...byStatus].sort()))}`);
    expect(serverErrors).toEqual([]);
    expect(wroteAnyway).toEqual([]);
  }, 600_000);
});
