import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../config.js';
import { createServices } from '../services.js';
import { buildApp } from '../app.js';
import { seedDemo, DEMO_PASSWORD } from '../seed/demo.js';
import type { Services } from '../platform/context.js';
import { captureRoutes, type RegisteredRoute } from './routes.js';

/**
 * A real database for each test file: in-process PGlite by default, or a fresh database on the
 * PostgreSQL server named by TEST_DATABASE_URL (dropped at the end). No mocks.
 */
export interface TestEnv {
  services: Services;
  app: FastifyInstance;
  engine: 'pglite' | 'postgres';
  /** Every route the app registered, with its declared access (see ./routes.ts). */
  routes: RegisteredRoute[];
  close(): Promise<void>;
  /** Sign in through the API and return a client that keeps the cookie and CSRF token. */
  login(username: string, password?: string): Promise<TestClient>;
  /** Sign in without expecting success: the login response, and a client when it set a session. */
  signIn(username: string, password?: string): Promise<{ res: LightMyRequestResponse; client: TestClient | null }>;
  anonymous(): TestClient;
}

export interface TestClient {
  csrf: string;
  /** The session cookie header value (`gh_sid=…`), or '' for an anonymous client. */
  cookie: string;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  del(url: string): Promise<LightMyRequestResponse>;
}

/** Demo members per test database: enough for every member feature, small enough to seed in well under a second. */
export const TEST_DEMO_MEMBERS = 2000;

/** The data key of test databases that name none: fixed, so that a seeded database can be reused by every test file. */
const TEST_SECRET_KEY = crypto.createHash('sha256').update('gonghui test databases').digest('hex');
const ROOT = path.resolve(import.meta.dirname, '../../..');
const IMAGE_DIR = path.join(os.tmpdir(), 'gh-test-images');

/**
 * Migrating and seeding a database takes most of a test file's start; the result is kept (a PGlite
 * dump in the temp folder, a template database on PostgreSQL) and reused while the code that builds
 * it is unchanged. GONGHUI_TEST_IMAGES=0 builds every database afresh.
 */
const reuseImages = () => process.env.GONGHUI_TEST_IMAGES !== '0';
let codeHash: string | undefined;
function imageKey(parts: unknown): string {
  if (!codeHash) {
    const h = crypto.createHash('sha256');
    for (const dir of ['server/src', 'common/src']) {
      const files = (fs.readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
        .filter((f) => /\.(ts|sql|json|txt)$/.test(f) && !f.endsWith('.test.ts'))
        .sort();
      for (const f of files)
        h.update(`${dir}/${f}\0`)
          .update(fs.readFileSync(path.join(ROOT, dir, f)))
          .update('\0');
    }
    codeHash = h.digest('hex');
  }
  // The code's part first, so that images of other versions of the code can be told apart.
  return `${codeHash.slice(0, 8)}_${crypto.createHash('sha256').update(codeHash).update(JSON.stringify(parts)).digest('hex').slice(0, 8)}`;
}

export async function createTestEnv(
  opts: {
    seed?: boolean;
    members?: number;
    hardship?: number;
    disputes?: number;
    secretKeyHex?: string;
    engine?: 'pglite' | 'postgres';
    /** Migrate and seed this database itself (a test of what seeding leaves behind: statistics, the audit chain and its checkpoints). */
    fresh?: boolean;
  } = {},
): Promise<TestEnv> {
  // The engine: TEST_DATABASE_URL's server unless a test asks for the other one (a cross-engine restore).
  const base =
    opts.engine === 'pglite'
      ? undefined
      : (process.env.TEST_DATABASE_URL ?? (opts.engine === 'postgres' ? 'postgres://postgres@127.0.0.1:5432/test' : undefined));
  const seed = opts.seed === false ? null : { members: opts.members ?? TEST_DEMO_MEMBERS, hardship: opts.hardship ?? 300, disputes: opts.disputes ?? 300 };
  const secretKeyHex = opts.secretKeyHex ?? TEST_SECRET_KEY;
  const image = reuseImages() && !opts.fresh ? imageKey({ seed, secretKeyHex }) : null;
  const config = {
    ...loadConfig({}),
    databaseUrl: undefined as string | undefined,
    secretKeyHex,
    jobs: false,
    webDist: '/nonexistent',
    importDir: fs.mkdtempSync(path.join(os.tmpdir(), 'gh-test-imports-')),
  };
  // Each database its own data folder and audit checkpoint file: test files running side by side on
  // one PostgreSQL server must not sign checkpoints into each other's file.
  const own = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-test-data-'));
  Object.assign(config, { dataDir: own, auditCheckpointFile: path.join(own, 'audit-checkpoints.log') });
  let dropDb: (() => Promise<void>) | undefined;
  let services: Services;
  if (base) {
    const name = `gh_t_${crypto.randomBytes(6).toString('hex')}`;
    const urlOf = (db: string) => Object.assign(new URL(base), { pathname: '/' + db }).toString();
    // One template per version of the code and seed options: migrated and seeded once, copied per file.
    const template = image && `gh_tpl_${image}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    try {
      if (template) {
        await admin.query('SELECT pg_advisory_lock(740011)');
        const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
        if (!found.rowCount) {
          await admin.query(`CREATE DATABASE ${template}`);
          const built = await createServices({ ...config, databaseUrl: urlOf(template) });
          try {
            if (seed) await seedDemo(built, seed);
          } finally {
            await built.database.close();
          }
          // Templates of earlier versions of the code are dropped when nothing uses them (those of other seed options stay).
          const old = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'gh_tpl_%' AND datname NOT LIKE $1`, [
            `gh_tpl_${image.slice(0, 8)}_%`,
          ]);
          for (const r of old.rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname}`).catch(() => undefined);
        }
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      } else {
        await admin.query(`CREATE DATABASE ${name}`);
      }
    } finally {
      await admin.end();
    }
    config.databaseUrl = urlOf(name);
    dropDb = async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
    services = await createServices(config);
    if (seed && !template) await seedDemo(services, seed);
  } else {
    const file = image && path.join(IMAGE_DIR, `${image}.tgz`);
    if (file && fs.existsSync(file)) {
      services = await createServices(config, { dataDirForPglite: 'memory://', pgliteImage: new Blob([fs.readFileSync(file)]) });
    } else {
      services = await createServices(config, { dataDirForPglite: 'memory://' });
      if (seed) await seedDemo(services, seed);
      if (file) {
        // Written whole, then renamed: a parallel test file never reads half an image.
        const dump = await (services.database.driver as PGlite).dumpDataDir('gzip');
        fs.mkdirSync(IMAGE_DIR, { recursive: true });
        const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
        fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
        fs.renameSync(tmp, file);
      }
    }
  }
  const capture = captureRoutes();
  let app: FastifyInstance;
  try {
    app = await buildApp({ services, logger: process.env.TEST_LOG ? { level: 'error' } : false });
    await app.ready();
  } finally {
    capture.stop();
  }
  const routes = capture.routes();

  const makeClient = (cookie: string | undefined, csrf: string): TestClient => {
    const request = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
      app.inject({
        method: method as 'GET',
        url,
        headers: { ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}), ...headers },
        ...(body === undefined ? {} : { payload: body as object }),
      });
    return {
      csrf,
      cookie: cookie ?? '',
      request,
      get: (url) => request('GET', url),
      post: (url, body) => request('POST', url, body ?? {}),
      put: (url, body) => request('PUT', url, body ?? {}),
      del: (url) => request('DELETE', url),
    };
  };

  const signIn = async (username: string, password = DEMO_PASSWORD) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    const sid = res.statusCode === 200 ? res.cookies.find((c) => c.name === 'gh_sid')?.value : undefined;
    return { res, client: sid ? makeClient(`gh_sid=${sid}`, res.json().csrfToken) : null };
  };

  return {
    services,
    app,
    engine: services.database.engine,
    routes,
    anonymous: () => makeClient(undefined, ''),
    async login(username, password = DEMO_PASSWORD) {
      const { res, client } = await signIn(username, password);
      if (!client) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      return client;
    },
    signIn,
    async close() {
      await app.close();
      await services.database.close();
      await dropDb?.();
      fs.rmSync(config.importDir, { recursive: true, force: true });
      fs.rmSync(own, { recursive: true, force: true });
    },
  };
}

/** Every statement `fn` sends through the database driver, with its parameters, in order. */
export async function captureStatements(services: Pick<Services, 'database'>, fn: () => Promise<unknown>): Promise<{ text: string; params: unknown[] }[]> {
  const d = services.database.driver as unknown as { query: (...a: unknown[]) => Promise<unknown> };
  const original = d.query;
  const seen: { text: string; params: unknown[] }[] = [];
  d.query = function (this: unknown, q: unknown, params?: unknown, ...rest: unknown[]) {
    seen.push({ text: typeof q === 'string' ? q : (q as { text: string }).text, params: Array.isArray(params) ? [...params] : [] });
    return original.call(this, q, params, ...rest);
  } as typeof d.query;
  try {
    await fn();
  } finally {
    d.query = original;
  }
  return seen;
}

/** The text of every statement `fn` sends through the database driver, in order. */
export const statementsSent = async (services: Pick<Services, 'database'>, fn: () => Promise<unknown>): Promise<string[]> =>
  (await captureStatements(services, fn)).map((s) => s.text);
