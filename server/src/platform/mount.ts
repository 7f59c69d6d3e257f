import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Endpoint, EndpointOutput, EndpointParsed, RateLimit } from '../../../common/src/contracts/kit.js';
import { ErrorSchema } from '../../../common/src/contracts/kit.js';
import { AppError } from './errors.js';
import { ctx } from './guard.js';
import type { Ctx, PublicCtx } from './context.js';

/** The context a handler gets: a signed-in caller's, or (public routes) the services and the caller's address. */
export type HandlerCtx<E extends Endpoint> = E['access'] extends 'public' ? PublicCtx : Ctx;

/**
 * A route's handler: validated input in, the response out (or, for files and other raw answers,
 * the reply it sent). Access, CSRF, rate limit and validation have run before it is called.
 */
export type Handler<E extends Endpoint> = (
  c: HandlerCtx<E>,
  input: EndpointParsed<E>,
  req: FastifyRequest,
  reply: FastifyReply,
) => Promise<E extends { file: true } ? unknown : EndpointOutput<E> | FastifyReply> | (E extends { file: true } ? unknown : EndpointOutput<E> | FastifyReply);

export type Handlers<T extends Record<string, Endpoint>> = { [K in keyof T]: Handler<T[K]> };

const errorStatuses = [400, 401, 403, 404, 409] as const;

/** Per-IP counters of the public routes' declared limits, one set per app. */
const limiters = new WeakMap<FastifyInstance, Map<string, number[]>>();

function rateLimited() {
  return new AppError(429, 'RATE_LIMITED', '操作过于频繁，请稍后再试', 'Too many requests; please try again later');
}

/**
 * A sliding window per bucket and client IP, in this process (with several replicas each counts
 * on its own; put a shared limiter in the reverse proxy for stronger guarantees). Keys whose
 * window has passed are swept when the map grows large.
 */
function takeHit(app: FastifyInstance, rule: RateLimit, ip: string, now = Date.now()) {
  let hits = limiters.get(app);
  if (!hits) limiters.set(app, (hits = new Map()));
  const key = rule.bucket + '\u0000' + ip;
  const recent = (hits.get(key) ?? []).filter((t) => t > now - rule.windowMs);
  if (recent.length >= rule.limit) {
    hits.set(key, recent);
    throw rateLimited();
  }
  recent.push(now);
  hits.set(key, recent);
  if (hits.size > 50_000) {
    for (const [k, v] of hits) if (!v.length || v[v.length - 1]! <= now - 3_600_000) hits.delete(k);
    if (hits.size > 50_000) [...hits.keys()].slice(0, hits.size / 2).forEach((k) => hits!.delete(k));
  }
}

/**
 * Register a domain's endpoints from their contract. Each endpoint needs a handler (the type says
 * so); the route gets the contract's access, schemas, success status, error responses and, for
 * public routes, the declared rate limit.
 */
export function mount<T extends Record<string, Endpoint>>(app: FastifyInstance, defs: T, handlers: Handlers<T>): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const [name, e] of Object.entries(defs)) {
    const handler = handlers[name as keyof T] as unknown as Handler<Endpoint>;
    if (!handler) throw new Error(`no handler for ${e.method} ${e.path} (${name})`);
    const status = e.status ?? 200;
    const errorsOf = Object.fromEntries(
      [...errorStatuses, ...(e.rateLimit ? [429] : []), ...(e.file || e.multipart || e.bodyLimit ? [413] : [])].map((s) => [s, ErrorSchema]),
    );
    const rule = e.rateLimit;
    r.route({
      method: e.method,
      url: e.path,
      config: { access: e.access, ...(e.allowPending ? { allowPending: true } : {}), ...(rule ? { rateLimit: rule } : {}) },
      ...(e.bodyLimit ? { bodyLimit: e.bodyLimit } : {}),
      schema: {
        tags: e.tags ? [...e.tags] : undefined,
        summary: e.summary,
        ...(e.description ? { description: e.description } : {}),
        ...(e.hide ? { hide: true } : {}),
        ...(e.params ? { params: e.params } : {}),
        ...(e.query ? { querystring: e.query } : {}),
        ...(e.body ? { body: e.body } : {}),
        ...(e.multipart ? { consumes: ['multipart/form-data'] } : {}),
        response: { [status]: e.response, ...errorsOf },
      },
      ...(rule ? { onRequest: async (req: FastifyRequest) => takeHit(app, rule, req.ip) } : {}),
      handler: async (req, reply) => {
        const c = e.access === 'public' ? ({ ...app.gh, ip: req.ip, actor: req.actor } as PublicCtx) : ctx(app, req);
        const input = { params: req.params, query: req.query, body: req.body } as EndpointParsed<Endpoint>;
        const out = await handler(c as never, input, req, reply);
        if (out === reply || reply.sent) return reply;
        return status === 200 ? out : reply.code(status).send(out);
      },
    });
  }
}

/** Register several contracts' routes as one Fastify plugin. */
export function plugin<T extends Record<string, Endpoint>>(defs: T, handlers: (app: FastifyInstance) => Handlers<T>) {
  return async (app: FastifyInstance) => mount(app, defs, handlers(app));
}
