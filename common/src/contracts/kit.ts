/**
 * The contract kit: how a route is declared once, in `common/`, so that the server registers it
 * (validation, access, rate limit, OpenAPI) and the web derives its client call and its types from
 * the same object. See docs/architecture.md, "Adding a module".
 *
 * Every input is bounded here (docs/architecture.md, invariant 11): dates have a sane range, integers fit
 * their column, text is well-formed Unicode without NUL, so bad input is a 400 before any query.
 */
import { z } from 'zod';
import type { Permission } from '../permissions.js';

/** Who may call a route: anyone, any signed-in user, or holders of one permission of the catalogue. */
export type Access = 'public' | 'authenticated' | Permission;
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * A per-client-IP limit on a public route: at most `limit` calls in `windowMs`, counted before the
 * input is validated (so malformed attempts count too). Routes that share a `bucket` share the count.
 */
export interface RateLimit {
  bucket: string;
  limit: number;
  windowMs: number;
}

/** One route, declared as data. */
export interface Endpoint {
  method: Method;
  /** Fastify path syntax: `/api/orgs/:id`. */
  path: string;
  access: Access;
  /** "中文 / English", shown in the OpenAPI document. */
  summary: string;
  description?: string;
  tags?: readonly string[];
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The success response: a serialiser, fields not named are not sent (docs/architecture.md, invariant 3). */
  response: z.ZodType;
  /** The success status, 200 unless said. */
  status?: 200 | 201 | 202;
  /** A download (xlsx, csv, pdf, png): the web opens or fetches it as a file, not as JSON. */
  file?: true;
  /** A multipart/form-data upload: the handler reads the parts; no JSON body schema. */
  multipart?: true;
  /** Bytes a body may have where the app's default is too small (a base64-encoded scan in JSON). */
  bodyLimit?: number;
  /** Usable while the session is still finishing sign-in (second factor, password change). */
  allowPending?: true;
  /** Required on public routes that take input (route-coverage.test.ts checks it). */
  rateLimit?: RateLimit;
  /** Answers besides the success and the standard errors, for the OpenAPI document (a locked account's 423, a failing health check's 503). */
  responses?: Readonly<Record<number, z.ZodType>>;
  /** Left out of the OpenAPI document. */
  hide?: true;
}

/** Declare a domain's endpoints under one OpenAPI tag, keeping their literal types. */
export function endpoints<const T extends Record<string, Endpoint>>(tag: string, defs: T): T {
  for (const e of Object.values(defs)) (e as { tags?: readonly string[] }).tags ??= [tag];
  return defs;
}

/** The input an endpoint takes: path params, query and body, each present only when declared. */
export type EndpointInput<E extends Endpoint> = (E extends { params: infer P extends z.ZodType } ? { params: z.input<P> } : { params?: undefined }) &
  (E extends { query: infer Q extends z.ZodType } ? { query?: z.input<Q> } : { query?: undefined }) &
  (E extends { body: infer B extends z.ZodType } ? { body: z.input<B> } : { body?: undefined });

/** The same input after validation, as the server's handler receives it. */
export type EndpointParsed<E extends Endpoint> = {
  params: E extends { params: infer P extends z.ZodType } ? z.output<P> : undefined;
  query: E extends { query: infer Q extends z.ZodType } ? z.output<Q> : undefined;
  body: E extends { body: infer B extends z.ZodType } ? z.output<B> : undefined;
};

/** What a successful call returns (JSON endpoints). */
export type EndpointOutput<E extends Endpoint> = z.output<E['response']>;

/** Fill a path's `:name` parameters. */
export function fillPath(path: string, params?: Record<string, unknown>): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, k: string) => {
    const v = params?.[k];
    if (v === undefined || v === null || v === '') throw new Error(`path parameter ${k} missing for ${path}`);
    return encodeURIComponent(String(v));
  });
}

// ---------------------------------------------------------------------------------------------
// Bounded building blocks. Messages are "中文 / English"; the server's error handler splits them.

/** Earliest and latest dates any API accepts (a person born in 1900 to a plan ending in 2100). */
export const DATE_MIN = '1900-01-01';
export const DATE_MAX = '2100-12-31';

/** A calendar date as YYYY-MM-DD within DATE_MIN…DATE_MAX; anything else is a 400 with the range named. */
export const isoDate = z.iso
  .date({ error: '日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD' })
  .refine((d) => d >= DATE_MIN && d <= DATE_MAX, { error: `日期应在 ${DATE_MIN} 至 ${DATE_MAX} 之间 / date must be between ${DATE_MIN} and ${DATE_MAX}` });

/** The largest value of a PostgreSQL `integer` column. */
export const INT4_MAX = 2_147_483_647;

/** The optimistic-lock version a client sends back (fits the int4 column). */
export const version = z
  .number({ error: '版本号应为整数 / version must be an integer' })
  .int()
  .min(1)
  .max(INT4_MAX, { error: '版本号超出范围 / version out of range' });

/** Money in integer fen (分), not negative, at most 100 million yuan. */
export const fen = z
  .number({ error: '金额应为数字（单位：分）/ amount must be a number of fen' })
  .int('金额应为整数分 / amount must be whole fen')
  .min(0, '金额不能为负 / amount cannot be negative')
  .max(10_000_000_000, '金额过大 / amount too large');

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string is well-formed Unicode (no lone surrogate) and holds no NUL: what PostgreSQL text and JSON accept. */
export function isStorableText(s: string): boolean {
  return !s.includes('\u0000') && !LONE_SURROGATE.test(s);
}

/** Trimmed text of at most `max` characters; blank becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `不超过${max}字 / at most ${max} characters`)
    .nullish()
    .transform((v) => (v ? v : null));

/** Trimmed text of 1…`max` characters. */
export const requiredText = (max: number, zh = '请填写此项', en = 'required') =>
  z
    .string({ error: `${zh} / ${en}` })
    .trim()
    .min(1, `${zh} / ${en}`)
    .max(max, `不超过${max}字 / at most ${max} characters`);

export const ErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
  details: z.unknown().optional(),
});
export type ErrorBody = z.infer<typeof ErrorSchema>;

export const IdParams = z.strictObject({ id: z.uuid({ error: '编号格式不正确 / malformed id' }) });

export const PageQuery = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

/** A page of items with its total. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}

/**
 * A page whose count stops at a cap: `totalExact: false` means "more than `total`", and
 * `totalEstimate` then gives the planner's estimate of all matches, shown as an order of magnitude.
 */
export function cappedPageOf<T extends z.ZodType>(item: T) {
  return pageOf(item).extend({ totalExact: z.boolean(), totalEstimate: z.number().int().optional() });
}

export const OkSchema = z.object({ ok: z.literal(true) });

/** A file answer (xlsx, csv, pdf, png), described for the OpenAPI document. */
export const FileBody = (what: string) => z.any().describe(what);

/** A query flag sent as `true`. */
export const flag = z.enum(['true']).optional();

/** Sort order of a list. */
export const order = (d: 'asc' | 'desc') => z.enum(['asc', 'desc']).default(d);

/** A label of a vocabulary code, in both languages. */
export const LabelSchema = z.object({ code: z.string(), zh: z.string(), en: z.string() });

/** One audit entry of a record, as its history timeline shows it (server/src/platform/resource.ts). */
export const HistoryEntrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  changes: z.unknown(),
  detail: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;
