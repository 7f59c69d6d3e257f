import fc from 'fast-check';

/**
 * Malformed requests generated from the OpenAPI document (the fuzz suite: `fuzz.test.ts` in
 * `npm test`, the `fuzz` item of `npm run bench` at full size). Each operation's path parameters,
 * query and JSON body are filled from its schema with values that are wrong in one of the ways
 * input goes wrong: wrong types, huge or empty strings, emoji and right-to-left text, NUL and lone
 * surrogates, nulls, numbers out of range, impossible or out-of-range dates, formula and SQL
 * payloads, path traversal in file names; multipart routes get malformed spreadsheets.
 */

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
}

export interface Operation {
  method: string;
  path: string;
  params: string[];
  query: Record<string, JsonSchema>;
  body: JsonSchema | null;
  multipart: boolean;
}

export interface FuzzRequest {
  op: Operation;
  method: string;
  url: string;
  payload?: string | Buffer;
  headers: Record<string, string>;
  label: string;
}

/** Every operation of the document that is part of the API. */
export function operationsOf(doc: { paths: Record<string, Record<string, { parameters?: { in: string; name: string; schema: JsonSchema }[]; requestBody?: { content?: Record<string, { schema: JsonSchema }> } }>> }): Operation[] {
  const ops: Operation[] = [];
  for (const [p, methods] of Object.entries(doc.paths)) {
    if (!p.startsWith('/api/') || p.startsWith('/api/docs')) continue;
    for (const [m, op] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'delete'].includes(m)) continue;
      const params = (op.parameters ?? []).filter((x) => x.in === 'path').map((x) => x.name);
      const query = Object.fromEntries((op.parameters ?? []).filter((x) => x.in === 'query').map((x) => [x.name, x.schema]));
      const content = op.requestBody?.content ?? {};
      ops.push({ method: m.toUpperCase(), path: p, params, query, body: content['application/json']?.schema ?? null, multipart: !!content['multipart/form-data'] });
    }
  }
  return ops;
}

const nasty = [
  '', ' ', 'null', 'undefined', '0', '-1', 'NaN', 'Infinity', 'true', '[]', '{}',
  "' OR '1'='1", "'; DROP TABLE member; --", '1; SELECT pg_sleep(10)', '" OR ""="', '\\', '%', '_', '%%%',
  '=cmd|\' /C calc\'!A0', '+SUM(1+1)', '-2+3', '@SUM(1)', '\t=1', '\r=1',
  '../../../../etc/passwd', '..\\..\\windows\\win.ini', '/etc/shadow', 'C:\\boot.ini', 'file:///etc/passwd',
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '${7*7}', '{{7*7}}',
  '😀😀😀', '👨‍👩‍👧‍👦', '\u202e\u0644\u0645\u0631\u062d\u0628\u0627', 'مرحبا بالعالم', '\u200b\u200d\ufeff', '𠮷野家',
  'x\u0000y', 'x\ud800y', '\udfff', 'a\nb\r\nc',
  '0000-01-01', '9999-12-31', '2023-02-30', '2023-13-01', '1899-12-31', '2101-01-01', '2026-1-1', '20260101', '2026-02-29T00:00:00Z',
  '2147483648', '-2147483649', '9223372036854775808', '1e308', '-1e308', '0.1', '1.5',
  '00000000-0000-0000-0000-000000000000', 'not-a-uuid', 'ffffffff-ffff-ffff-ffff-ffffffffffff',
];

const str = fc.oneof(
  fc.constantFrom(...nasty),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: 1, max: 20 }).map((n) => 'x'.repeat(n * 1000)),
  fc.constant('字'.repeat(100_000)),
);
const num = fc.oneof(
  fc.constantFrom(0, -1, 2_147_483_648, -2_147_483_649, 1e308, -1e308, 0.5, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER),
  fc.integer(),
  fc.double({ noNaN: true }),
);
const anyJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small', withCrossShrink: true }, str, num, fc.boolean(), fc.constant(null), fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 8 }), tie('v'), { maxKeys: 4 })),
})).v;

/** A value for a schema: usually wrong, sometimes plausible (so validation passes and the handler runs). */
function valueFor(s: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 4) return anyJson;
  const alt = s.anyOf ?? s.oneOf;
  if (alt?.length) return fc.oneof(...alt.map((x) => valueFor(x, depth + 1)));
  if (s.allOf?.length) return valueFor(s.allOf[0], depth + 1);
  const plausible: fc.Arbitrary<unknown>[] = [];
  if (s.enum?.length) plausible.push(fc.constantFrom(...s.enum));
  if (s.const !== undefined) plausible.push(fc.constant(s.const));
  const t = Array.isArray(s.type) ? s.type[0] : s.type;
  if (t === 'string') {
    if (s.format === 'uuid') plausible.push(fc.uuid());
    if (s.format === 'date') plausible.push(fc.constantFrom('2026-01-05', '0000-01-01', '2023-02-30', '9999-12-31', '2026-13-40'));
    plausible.push(fc.string({ minLength: 1, maxLength: 12 }));
  } else if (t === 'integer' || t === 'number') {
    plausible.push(fc.integer({ min: -5, max: 5 }), fc.constantFrom(1, 2_147_483_648));
  } else if (t === 'boolean') plausible.push(fc.boolean());
  else if (t === 'array') plausible.push(fc.array(valueFor(s.items, depth + 1), { maxLength: 3 }));
  else if (t === 'object' || s.properties) plausible.push(objectFor(s, depth + 1));
  return fc.oneof({ weight: 3, arbitrary: fc.oneof(...(plausible.length ? plausible : [anyJson])) }, { weight: 2, arbitrary: anyJson }, { weight: 1, arbitrary: fc.constant(null) });
}

function objectFor(s: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const props = s.properties ?? {};
  const keys = Object.keys(props);
  if (!keys.length) return fc.dictionary(fc.string({ maxLength: 8 }), anyJson, { maxKeys: 3 });
  const rec = Object.fromEntries(keys.map((k) => [k, valueFor(props[k], depth)]));
  return fc.record(rec, { requiredKeys: [] }).chain((o) =>
    fc.oneof(fc.constant(o), fc.constant({ ...o, unexpectedField: 'x' }), fc.constant({ ...o, __proto__: { admin: true } })),
  ) as fc.Arbitrary<Record<string, unknown>>;
}

/** Percent-encoding that also sends a lone surrogate, as its raw (ill-formed) UTF-8 bytes. */
function pct(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return [...v].map((ch) => {
      const c = ch.charCodeAt(0);
      return c >= 0xd800 && c <= 0xdfff ? `%${(0xe0 | (c >> 12)).toString(16)}%${(0x80 | ((c >> 6) & 0x3f)).toString(16)}%${(0x80 | (c & 0x3f)).toString(16)}`.toUpperCase() : encodeURIComponent(ch);
    }).join('');
  }
}

function qs(q: Record<string, unknown>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined) p.append(k, typeof v === 'string' ? v : JSON.stringify(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** A malformed multipart body: random bytes or a broken spreadsheet under a hostile file name, or a broken envelope. */
const multipartBody = fc.oneof(
  fc.record({ name: fc.constantFrom('roster.xlsx', 'roster.csv', '../../evil.xlsx', 'a\u0000b.csv', '=cmd.xlsx', '花名册.xlsx'), bytes: fc.oneof(fc.uint8Array({ maxLength: 2048 }), fc.constant(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])), fc.constant(new TextEncoder().encode('姓名,身份证号\n"unterminated,1\n'))) }).map(({ name, bytes }) => {
    const b = '----fuzz' + Math.abs(bytes.length * 7919 % 100000);
    const head = `--${b}\r\nContent-Disposition: form-data; name="orgId"\r\n\r\n${'00000000-0000-0000-0000-000000000000'}\r\n--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
    return { payload: Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from(`\r\n--${b}--\r\n`)]), type: `multipart/form-data; boundary=${b}` };
  }),
  fc.constantFrom(
    { payload: Buffer.from('--x\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK\u0003\u0004trunc'), type: 'multipart/form-data; boundary=x' },
    { payload: Buffer.from('no boundary at all'), type: 'multipart/form-data' },
    { payload: Buffer.from(''), type: 'multipart/form-data; boundary=abc' },
  ),
);

/** Requests for one operation. */
export function requestsFor(op: Operation): fc.Arbitrary<FuzzRequest> {
  const params = fc.record(Object.fromEntries(op.params.map((p) => [p, fc.oneof(fc.uuid(), str.filter((s) => s.length < 3000))])));
  const query = fc.oneof(
    fc.constant({}),
    fc.record(Object.fromEntries(Object.entries(op.query).map(([k, s]) => [k, valueFor(s)])), { requiredKeys: [] }),
    fc.dictionary(fc.constantFrom(...Object.keys(op.query), 'page', 'unknown'), str, { maxKeys: 3 }),
  );
  const url = fc.tuple(params, query).map(([p, q]) => op.path.replace(/\{(\w+)\}/g, (_, k: string) => pct(String((p as Record<string, unknown>)[k] ?? 'x'))) + qs(q));
  if (op.method === 'GET' || op.method === 'DELETE') return url.map((u) => ({ op, method: op.method, url: u, headers: {}, label: `${op.method} ${op.path}` }));
  if (op.multipart) {
    return fc.tuple(url, multipartBody).map(([u, b]) => ({ op, method: op.method, url: u, payload: b.payload, headers: { 'content-type': b.type }, label: `${op.method} ${op.path} (multipart)` }));
  }
  const body = fc.oneof(
    { weight: 4, arbitrary: (op.body ? valueFor(op.body) : anyJson).map((b) => JSON.stringify(b) ?? 'null') },
    { weight: 1, arbitrary: fc.constantFrom('{', '', '[]', '"x"', '{"a":1,"a":2}', '{"__proto__":{"x":1}}', '{"x":"\\ud800"}', '{"x":"\\u0000"}', JSON.stringify({ deep: nest(200) })) },
  );
  return fc.tuple(url, body).map(([u, b]) => ({ op, method: op.method, url: u, payload: b, headers: { 'content-type': 'application/json' }, label: `${op.method} ${op.path}` }));
}

function nest(n: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = [v];
  return v;
}

/** `total` requests spread over the operations, reproducible from `seed`. */
export function fuzzRequests(ops: Operation[], total: number, seed: number): FuzzRequest[] {
  const per = Math.max(1, Math.ceil(total / ops.length));
  const out: FuzzRequest[] = [];
  ops.forEach((op, i) => out.push(...fc.sample(requestsFor(op), { numRuns: per, seed: seed + i })));
  return out.slice(0, Math.max(total, ops.length));
}
