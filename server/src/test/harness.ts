import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
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

export async function createTestEnv(
  opts: { seed?: boolean; members?: number; hardship?: number; disputes?: number; secretKeyHex?: string; engine?: 'pglite' | 'postgres' } = {},
): Promise<TestEnv> {
  // The engine: TEST_DATABASE_URL's server unless a test asks for the other one (a cross-engine restore).
  const base =
    opts.engine === 'pglite'
      ? undefined
      : (process.env.TEST_DATABASE_URL ?? (opts.engine === 'postgres' ? 'postgres://postgres@127.0.0.1:5432/test' : undefined));
  let dropDb: (() => Promise<void>) | undefined;
  let databaseUrl: string | undefined;
  if (base) {
    const name = `gh_t_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(base);
    u.pathname = '/' + name;
    databaseUrl = u.toString();
    dropDb = async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const config = {
    ...loadConfig({}),
    databaseUrl,
    secretKeyHex: opts.secretKeyHex ?? crypto.randomBytes(32).toString('hex'),
    jobs: false,
    webDist: '/nonexistent',
    importDir: fs.mkdtempSync(path.join(os.tmpdir(), 'gh-test-imports-')),
  };
  const services = await createServices(config, { dataDirForPglite: 'memory://' });
  if (opts.seed !== false)
    await seedDemo(services, { members: opts.members ?? TEST_DEMO_MEMBERS, hardship: opts.hardship ?? 300, disputes: opts.disputes ?? 300 });
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
