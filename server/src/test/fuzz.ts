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
export function operationsOf(doc: {
  paths: Record<
    string,
    Record<string, { parameters?: { in: string; name: string; schema: JsonSchema }[]; requestBody?: { content?: Record<string, { schema: JsonSchema }> } }>
  >;
}): Operation[] {
  const ops: Operation[] = [];
  for (const [p, methods] of Object.entries(doc.paths)) {
    if (!p.startsWith('/api/') || p.startsWith('/api/docs')) continue;
    for (const [m, op] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'delete'].includes(m)) continue;
      const params = (op.parameters ?? []).filter((x) => x.in === 'path').map((x) => x.name);
      const query = Object.fromEntries((op.parameters ?? []).filter((x) => x.in === 'query').map((x) => [x.name, x.schema]));
      const content = op.requestBody?.content ?? {};
      ops.push({
        method: m.toUpperCase(),
        path: p,
        params,
        query,
        body: content['application/json']?.schema ?? null,
        multipart: !!content['multipart/form-data'],
      });
    }
  }
  return ops;
}

const nasty = [
  '',
  ' ',
  'null',
  'undefined',
  '0',
  '-1',
  'NaN',
  'Infinity',
  'true',
  '[]',
  '{}',
  "' OR '1'='1",
  "'; DROP TABLE member; --",
  '1; SELECT pg_sleep(10)',
  '" OR ""="',
  '\\',
  '%',
  '_',
  '%%%',
  "=cmd|' /C calc'!A0",
  '+SUM(1+1)',
  '-2+3',
  '@SUM(1)',
  '\t=1',
  '\r=1',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '/etc/shadow',
  'C:\\boot.ini',
  'file:///etc/passwd',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '${7*7}',
  '{{7*7}}',
  '😀😀😀',
  '👨‍👩‍👧‍👦',
  '\u202e\u0644\u0645\u0631\u062d\u0628\u0627',
  'مرحبا بالعالم',
  '\u200b\u200d\ufeff',
  '𠮷野家',
  'x\u0000y',
  'x\ud800y',
  '\udfff',
  'a\nb\r\nc',
  '0000-01-01',
  '9999-12-31',
  '2023-02-30',
  '2023-13-01',
  '1899-12-31',
  '2101-01-01',
  '2026-1-1',
  '20260101',
  '2026-02-29T00:00:00Z',
  '2147483648',
  '-2147483649',
  '9223372036854775808',
  '1e308',
  '-1e308',
  '0.1',
  '1.5',
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
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
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    str,
    num,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('v'), { maxKeys: 4 }),
  ),
})).v;

/** A value the schema accepts, as far as a generator can tell (enums, formats, bounds, required keys). */
function validFor(s: JsonSchema | undefined, ids: string[], depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 5) return fc.constant(null);
  const alt = s.anyOf ?? s.oneOf;
  if (alt?.length) return fc.oneof(...alt.filter((x) => x.type !== 'null').map((x) => validFor(x, ids, depth + 1)), validFor(alt[0], ids, depth + 1));
  if (s.allOf?.length) return validFor(s.allOf[0], ids, depth + 1);
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  if (s.const !== undefined) return fc.constant(s.const);
  const t = Array.isArray(s.type) ? s.type.find((x) => x !== 'null') : s.type;
  const min = (s as { minLength?: number }).minLength ?? 1;
  const max = s.maxLength ?? 40;
  if (t === 'string') {
    if (s.format === 'uuid') return ids.length ? fc.constantFrom(...ids) : fc.uuid();
    if (s.format === 'date') return fc.constantFrom('2026-01-05', '2025-06-30', '2026-03-02');
    if (s.format === 'date-time') return fc.constant('2026-01-05T08:00:00.000Z');
    if (s.pattern) return fc.constantFrom('D01', 'A0001', '439902', '123456', 'x');
    return fc
      .constantFrom('测试内容', '职工张三', 'abc', '说明文字用于测试的一段话')
      .map((v) => v.padEnd(min, '字').slice(0, Math.max(min, Math.min(max, v.length))));
  }
  if (t === 'integer' || t === 'number')
    return fc.integer({ min: Math.ceil(s.minimum ?? 0), max: Math.floor(Math.min(s.maximum ?? 1000, (s.minimum ?? 0) + 1000)) });
  if (t === 'boolean') return fc.boolean();
  if (t === 'array') return fc.array(validFor(s.items, ids, depth + 1), { minLength: (s as { minItems?: number }).minItems ?? 0, maxLength: 2 });
  if (t === 'object' || s.properties) {
    const props = s.properties ?? {};
    const required = new Set(s.required ?? []);
    return fc.record(Object.fromEntries(Object.keys(props).map((k) => [k, validFor(props[k], ids, depth + 1)])), {
      requiredKeys: [...required].filter((k) => k in props),
    });
  }
  return fc.constant(null);
}

/** A nasty value to put in one place of an otherwise valid input. */
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  str,
  num,
  fc.constant(null),
  fc.constant(2_147_483_648),
  fc.constant(-1),
  fc.constantFrom('0000-01-01', '9999-12-31', '2023-02-30', 'x\ud800y', 'x\u0000y'),
  fc.constant([]),
  fc.constant({}),
  fc.constant(true),
);

/** Replace the value at one path (chosen by `pick`) of a JSON value. */
function mutate(v: unknown, pick: number, replacement: unknown): unknown {
  const paths: (string | number)[][] = [[]];
  const walk = (x: unknown, p: (string | number)[]) => {
    if (p.length > 6) return;
    if (Array.isArray(x)) x.forEach((y, i) => (paths.push([...p, i]), walk(y, [...p, i])));
    else if (x && typeof x === 'object')
      for (const [k, y] of Object.entries(x)) {
        paths.push([...p, k]);
        walk(y, [...p, k]);
      }
  };
  walk(v, []);
  const path = paths[pick % paths.length]!;
  if (!path.length) return replacement;
  const copy = structuredClone(v) as Record<string | number, unknown>;
  let cur = copy;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  cur[path[path.length - 1]!] = replacement;
  return copy;
}

/** A value for a schema: valid but for one nasty place, valid, or junk. */
function valueFor(s: JsonSchema | undefined, ids: string[] = []): fc.Arbitrary<unknown> {
  const valid = validFor(s, ids);
  return fc.oneof(
    { weight: 5, arbitrary: fc.tuple(valid, fc.nat(), nastyValue).map(([v, i, n]) => mutate(v, i, n)) },
    { weight: 2, arbitrary: valid },
    { weight: 2, arbitrary: anyJson },
  );
}

/** Percent-encoding that also sends a lone surrogate, as its raw (ill-formed) UTF-8 bytes. */
function pct(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return [...v]
      .map((ch) => {
        const c = ch.charCodeAt(0);
        return c >= 0xd800 && c <= 0xdfff
          ? `%${(0xe0 | (c >> 12)).toString(16)}%${(0x80 | ((c >> 6) & 0x3f)).toString(16)}%${(0x80 | (c & 0x3f)).toString(16)}`.toUpperCase()
          : encodeURIComponent(ch);
      })
      .join('');
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
  fc
    .record({
      name: fc.constantFrom('roster.xlsx', 'roster.csv', '../../evil.xlsx', 'a\u0000b.csv', '=cmd.xlsx', '花名册.xlsx'),
      bytes: fc.oneof(
        fc.uint8Array({ maxLength: 2048 }),
        fc.constant(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])),
        fc.constant(new TextEncoder().encode('姓名,身份证号\n"unterminated,1\n')),
      ),
    })
    .map(({ name, bytes }) => {
      const b = '----fuzz' + Math.abs((bytes.length * 7919) % 100000);
      const head = `--${b}\r\nContent-Disposition: form-data; name="orgId"\r\n\r\n${'00000000-0000-0000-0000-000000000000'}\r\n--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
      return { payload: Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from(`\r\n--${b}--\r\n`)]), type: `multipart/form-data; boundary=${b}` };
    }),
  fc.constantFrom(
    {
      payload: Buffer.from('--x\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nPK\u0003\u0004trunc'),
      type: 'multipart/form-data; boundary=x',
    },
    { payload: Buffer.from('no boundary at all'), type: 'multipart/form-data' },
    { payload: Buffer.from(''), type: 'multipart/form-data; boundary=abc' },
  ),
);

/** Requests for one operation; `ids` are real record ids, so the handlers behind the 404 are reached too. */
export function requestsFor(op: Operation, ids: string[] = []): fc.Arbitrary<FuzzRequest> {
  const id = ids.length
    ? fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...ids) },
        { weight: 1, arbitrary: fc.uuid() },
        { weight: 1, arbitrary: str.filter((s) => s.length < 3000) },
      )
    : fc.oneof(
        fc.uuid(),
        str.filter((s) => s.length < 3000),
      );
  const params = fc.record(Object.fromEntries(op.params.map((p) => [p, id])));
  const query = fc.oneof(
    fc.constant({}),
    fc.record(Object.fromEntries(Object.entries(op.query).map(([k, s]) => [k, valueFor(s, ids)])), { requiredKeys: [] }),
    fc.dictionary(fc.constantFrom(...Object.keys(op.query), 'page', 'unknown'), str, { maxKeys: 3 }),
  );
  const url = fc
    .tuple(params, query)
    .map(([p, q]) => op.path.replace(/\{(\w+)\}/g, (_, k: string) => pct(String((p as Record<string, unknown>)[k] ?? 'x'))) + qs(q));
  if (op.method === 'GET' || op.method === 'DELETE') return url.map((u) => ({ op, method: op.method, url: u, headers: {}, label: `${op.method} ${op.path}` }));
  if (op.multipart) {
    return fc.tuple(url, multipartBody).map(([u, b]) => ({
      op,
      method: op.method,
      url: u,
      payload: b.payload,
      headers: { 'content-type': b.type },
      label: `${op.method} ${op.path} (multipart)`,
    }));
  }
  const body = fc.oneof(
    { weight: 4, arbitrary: (op.body ? valueFor(op.body, ids) : anyJson).map((b) => JSON.stringify(b) ?? 'null') },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '{',
        '',
        '[]',
        '"x"',
        '{"a":1,"a":2}',
        '{"__proto__":{"x":1}}',
        '{"x":"\\ud800"}',
        '{"x":"\\u0000"}',
        JSON.stringify({ deep: nest(200) }),
      ),
    },
  );
  return fc
    .tuple(url, body)
    .map(([u, b]) => ({ op, method: op.method, url: u, payload: b, headers: { 'content-type': 'application/json' }, label: `${op.method} ${op.path}` }));
}

function nest(n: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = [v];
  return v;
}

/** The values that broke routes before (an int4 overflow, a year 0, a lone surrogate, a huge string): tried in every field of a valid body. */
const KILLERS: unknown[] = [2_147_483_648, '0000-01-01', 'x\ud800y', 'x'.repeat(100_000), -1, null];

/** Record ids by table. */
export type IdPool = Record<string, string[]>;

/** Ids that may fit a route's path parameter: those of the tables named like the segment before it (`…/lines/{id}` → subsistence_line). */
export function idsForPath(path: string, pool: IdPool): string[] {
  const segs = path.split('/').filter((x) => x && x !== 'api');
  const at = segs.findIndex((x) => x.startsWith('{'));
  const seg = (at > 0 ? segs[at - 1]! : '').replace(/ies$/, 'y').replace(/s$/, '').replace(/-/g, '_');
  const word = seg.split('_').pop() ?? seg;
  const hit = Object.entries(pool)
    .filter(([t]) => seg && (t.includes(seg) || t.includes(word)))
    .flatMap(([, v]) => v);
  return hit.length ? hit : Object.values(pool).flat();
}

/** For each operation: one valid body, then each of its fields (nested ones too) replaced by each killer in turn. */
function systematic(op: Operation, pool: IdPool, seed: number): FuzzRequest[] {
  if (!op.body || op.multipart) return [];
  const ids = Object.values(pool).flat();
  const pathIds = idsForPath(op.path, pool);
  const [valid] = fc.sample(validFor(op.body, ids), { numRuns: 1, seed });
  const url = op.path.replace(/\{(\w+)\}/g, () => pathIds[seed % Math.max(pathIds.length, 1)] ?? '00000000-0000-0000-0000-000000000000');
  const out: FuzzRequest[] = [
    { op, method: op.method, url, payload: JSON.stringify(valid), headers: { 'content-type': 'application/json' }, label: `${op.method} ${op.path} (valid)` },
  ];
  let places = 1;
  const count = (x: unknown) => {
    if (Array.isArray(x)) x.forEach((y) => (places++, count(y)));
    else if (x && typeof x === 'object') Object.values(x).forEach((y) => (places++, count(y)));
  };
  count(valid);
  for (let p = 1; p < Math.min(places, 40); p++) {
    for (const k of KILLERS)
      out.push({
        op,
        method: op.method,
        url,
        payload: JSON.stringify(mutate(valid, p, k)),
        headers: { 'content-type': 'application/json' },
        label: `${op.method} ${op.path} (field ${p})`,
      });
  }
  return out;
}

/** `total` random requests spread over the operations, plus (with `exhaustive`) every field of every body tried with each killer value; reproducible from `seed`. */
export function fuzzRequests(ops: Operation[], total: number, seed: number, pool: IdPool = {}, exhaustive = true): FuzzRequest[] {
  const per = Math.max(1, Math.ceil(total / ops.length));
  const out: FuzzRequest[] = [];
  ops.forEach((op, i) => out.push(...fc.sample(requestsFor(op, idsForPath(op.path, pool)), { numRuns: per, seed: seed + i })));
  const random = out.slice(0, Math.max(total, ops.length));
  return exhaustive ? [...ops.flatMap((op, i) => systematic(op, pool, seed + i)), ...random] : random;
}
