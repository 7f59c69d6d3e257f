import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestEnv, type TestClient, type TestEnv } from '../test/harness.js';
import { fuzzRequests, operationsOf, type FuzzRequest } from '../test/fuzz.js';

/**
 * The fuzz suite (docs/architecture.md, invariant 11): about a thousand malformed requests generated from
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
  const tables = (
    await env.services.database.query<{ name: string; versioned: boolean }>(sql`
    SELECT t.tablename AS name, EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_name = t.tablename AND c.column_name = 'version' AND c.data_type = 'integer') AS versioned
    FROM pg_tables t WHERE t.schemaname = 'public' ORDER BY 1`)
  ).filter((t) => !BOOKKEEPING.has(t.name));
  const probe = sql.join(
    tables.map((t) => sql`(SELECT count(*)::text || ':' || ${t.versioned ? sql`coalesce(sum(version), 0)::text` : sql`''`} FROM ${sql.identifier(t.name)})`),
    sql` || '|' || `,
  );
  fingerprint = async () => (await env.services.database.query<{ f: string }>(sql`SELECT ${probe} AS f`))[0]!.f;
}, 240_000);
afterAll(async () => {
  await env?.close();
});

describe('fuzzing every route of the OpenAPI document', () => {
  it(
    `answers ${RUNS} malformed requests without a 5xx, and a refused one writes nothing`,
    async () => {
      const doc = (await admin.get('/api/openapi.json')).json();
      // The fuzzer's own credentials are left alone (signing out, a new password or second factor
      // would only lock the fuzzer out); those routes have their own tests.
      const ops = operationsOf(doc).filter((o) => o.path !== '/api/auth/logout' && o.path !== '/api/auth/password' && !o.path.startsWith('/api/auth/totp'));
      expect(ops.length).toBeGreaterThan(60);
      // Real ids of every kind of record, so fuzzed bodies reach the handlers behind the 404.
      const idTables = await env.services.database.query<{ t: string }>(
        sql`SELECT table_name AS t FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'id' AND data_type = 'uuid'`,
      );
      const ids: Record<string, string[]> = {};
      // … except the fuzzer's own account and roles: taking its permissions away would end the run.
      const own = new Set(
        (
          await env.services.database.query<{ id: string }>(
            sql`SELECT u.id::text AS id FROM app_user u WHERE u.username = 'admin' UNION SELECT ur.role_id::text FROM user_role ur JOIN app_user u ON u.id = ur.user_id WHERE u.username = 'admin'`,
          )
        ).map((r) => r.id),
      );
      for (const { t } of idTables)
        ids[t] = (await env.services.database.query<{ id: string }>(sql`SELECT id::text AS id FROM ${sql.identifier(t)} ORDER BY id LIMIT 3`))
          .map((r) => r.id)
          .filter((id) => !own.has(id));
      // Generated a thousand at a time (huge strings and files are among them: 10,000 at once would not fit in memory).
      const batches = function* () {
        for (let k = 0; k * 1000 < RUNS; k++) yield* fuzzRequests(ops, Math.min(1000, RUNS - k * 1000), k === 0 ? SEED : SEED + k, ids);
      };
      let sent = 0;
      const serverErrors: string[] = [];
      const wroteAnyway: string[] = [];
      const byStatus = new Map<number, number>();
      const security = await env.services.settings.security();
      const calendar = await env.services.settings.calendar();
      const send = (r: FuzzRequest) => admin.request(r.method, r.url, r.payload, r.headers);
      for (const r of batches()) {
        sent++;
        if (sent % 1000 === 0 && RUNS > 1000) console.log(`fuzz: ${sent} of ${RUNS} sent, 5xx so far ${serverErrors.length}`);
        const write = r.method !== 'GET';
        const before = write ? await fingerprint() : '';
        let res = await send(r);
        if (res.statusCode === 401) {
          admin = await env.login('admin'); // a fuzzed password change or second factor may have ended the session
          res = await send(r);
        }
        byStatus.set(res.statusCode, (byStatus.get(res.statusCode) ?? 0) + 1);
        // An accepted settings change (mandatory second factor, a one-minute idle timeout …) would lock
        // the fuzzer out of everything after it: put the settings back.
        if (r.op.path.startsWith('/api/settings') && res.statusCode < 300) {
          await env.services.settings.saveSecurity(env.services.db, security);
          await env.services.settings.saveCalendar(env.services.db, calendar);
        }
        if (res.statusCode >= 500) serverErrors.push(`${r.label} ${r.url.slice(0, 120)} → ${res.statusCode} ${res.body.slice(0, 160)}`);
        else if (write && res.statusCode >= 400 && (await fingerprint()) !== before)
          wroteAnyway.push(`${r.label} → ${res.statusCode}: ${String(r.payload).slice(0, 120)}`);
      }
      console.log(
        `fuzz: ${sent} requests over ${ops.length} operations (seed ${SEED}); statuses ${JSON.stringify(Object.fromEntries([...byStatus].sort()))}; 5xx ${serverErrors.length}; refused but written ${wroteAnyway.length}`,
      );
      expect(serverErrors).toEqual([]);
      expect(wroteAnyway).toEqual([]);
    },
    Math.max(600_000, RUNS * 1500),
  );
});
