import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS } from '../../../../common/src/permissions.js';
import { ORG_LEVELS } from '../../../../common/src/org.js';
import { LEVEL3_PRESET } from '../../../../common/src/security-settings.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';

/** What operators and integrators see first: health, vocabularies, the API description. */

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

type Json = Record<string, unknown>;

describe('health and meta', () => {
  it('GET /api/health answers without signing in, naming the engine and version', async () => {
    const res = await env.anonymous().get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual({ status: 'ok', db: env.engine, version: env.services.version });
    expect(env.services.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(env.engine).toBe(process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');
  });

  it('GET /api/meta lists the whole permission catalogue and the vocabularies with zh and en labels', async () => {
    const meta = (await env.anonymous().get('/api/meta')).json();
    expect(meta.permissions.map((p: { code: string }) => p.code).sort()).toEqual([...ALL_PERMISSIONS].sort());
    expect(meta.orgLevels.map((l: { code: string }) => l.code)).toEqual([...ORG_LEVELS]);
    for (const list of ['permissions', 'orgLevels', 'orgKinds', 'scopeKinds']) {
      for (const item of meta[list]) expect(item, list).toMatchObject({ zh: expect.stringMatching(/\p{Script=Han}/u), en: expect.any(String) });
    }
  });

  it('security settings start at the level-3 preset and are for settings managers only', async () => {
    const admin = await env.login('admin');
    expect((await admin.get('/api/settings/security')).json()).toEqual(LEVEL3_PRESET);
    const bad = await admin.put('/api/settings/security', { ...LEVEL3_PRESET, idleMinutes: 120 });
    expect(bad.statusCode).toBe(400); // the level-3 ceiling of 30 minutes is not negotiable
    expect(bad.json().details.fields[0].path).toBe('body.idleMinutes');
    expect((await (await env.login('district')).get('/api/settings/security')).statusCode).toBe(403);
  });
});

describe('the API description', () => {
  let doc: Json & { paths: Record<string, Record<string, Json>>; components: Json };
  beforeAll(async () => {
    const res = await env.anonymous().get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    doc = res.json();
  });

  it('is an OpenAPI 3 document with the app’s title, version and cookie security', () => {
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info).toMatchObject({ title: expect.stringContaining('Gonghui'), version: env.services.version });
    expect(doc.components).toMatchObject({ securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gh_sid' } } });
  });

  it('describes every API route with its method, path parameters and a success response', () => {
    const routes = env.routes.filter((r) => r.url.startsWith('/api/') && !r.hidden && r.method !== 'HEAD');
    expect(routes.length).toBeGreaterThan(30);
    const problems: string[] = [];
    for (const r of routes) {
      const path = r.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
      const op = doc.paths[path]?.[r.method.toLowerCase()] as (Json & { parameters?: Json[]; responses?: Json }) | undefined;
      if (!op) {
        problems.push(`${r.method} ${path} is missing`);
        continue;
      }
      for (const name of [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])) {
        if (!op.parameters?.some((p) => p.in === 'path' && p.name === name && p.required === true))
          problems.push(`${r.method} ${path}: path parameter ${name} undeclared`);
      }
      if (!Object.keys(op.responses ?? {}).some((s) => /^2\d\d$/.test(s))) problems.push(`${r.method} ${path}: no success response`);
      if (!Array.isArray(op.tags) || !op.summary) problems.push(`${r.method} ${path}: no tag or summary`);
    }
    expect(problems).toEqual([]);
    // Nothing is described that does not exist.
    const known = new Set(routes.map((r) => `${r.method.toLowerCase()} ${r.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`));
    const extra = Object.entries(doc.paths)
      .flatMap(([p, ops]) =>
        Object.keys(ops)
          .filter((m) => m !== 'parameters')
          .map((m) => `${m} ${p}`),
      )
      .filter((k) => !known.has(k));
    expect(extra).toEqual([]);
  });

  it('every $ref points at something in the document', () => {
    const refs: string[] = [];
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          if (k === '$ref' && typeof x === 'string') refs.push(x);
          else walk(x);
        }
    };
    walk(doc);
    for (const ref of refs) {
      expect(ref.startsWith('#/'), ref).toBe(true);
      const target = ref
        .slice(2)
        .split('/')
        .reduce<unknown>((o, k) => (o as Json | undefined)?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
      expect(target, ref).toBeDefined();
    }
  });

  it('the interactive docs page answers with HTML', async () => {
    const res = await env.anonymous().get('/api/docs');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toMatch(/swagger/i);
    const json = await env.anonymous().get('/api/docs/json');
    expect(json.json().openapi).toBe(doc.openapi);
  });
});
