import dc from 'node:diagnostics_channel';
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { Access } from '../platform/context.js';
import type { RateLimit } from '../../../common/src/contracts/kit.js';

/** One registered route as the guard sees it (after every onRoute hook has run). */
export interface RegisteredRoute {
  method: string;
  url: string;
  access: Access | undefined;
  allowPending: boolean;
  /** Whether the route's schema hides it from the OpenAPI document. */
  hidden: boolean;
  /** Status codes with a response schema (the allow-list of fields that may leave). */
  responses: string[];
  /** Whether the route validates a body. */
  hasBody: boolean;
  /** Whether the route validates a query string. */
  hasQuery: boolean;
  /** A public route's per-IP limit, declared in its contract. */
  rateLimit?: RateLimit;
}

/**
 * Record every route of the next Fastify instance that is created, without touching the app:
 * Fastify publishes each new instance on the `fastify.initialization` diagnostics channel before
 * any plugin or route is registered, so an onRoute hook added there sees all routes. The route
 * options are read after `ready()`, once the app's own onRoute hooks have set their defaults.
 */
export function captureRoutes(): { routes(): RegisteredRoute[]; stop(): void } {
  const channel = dc.channel('fastify.initialization');
  const seen: RouteOptions[] = [];
  let instance: FastifyInstance | undefined;
  const onInit = (message: unknown) => {
    if (instance) return; // only the first instance created while capturing
    instance = (message as { fastify: FastifyInstance }).fastify;
    instance.addHook('onRoute', (opts) => {
      seen.push(opts);
    });
  };
  channel.subscribe(onInit);
  return {
    stop: () => channel.unsubscribe(onInit),
    routes: () =>
      seen.flatMap((o) =>
        (Array.isArray(o.method) ? o.method : [o.method]).map((method) => ({
          method: String(method).toUpperCase(),
          url: o.url,
          access: (o.config as { access?: Access } | undefined)?.access,
          allowPending: !!(o.config as { allowPending?: boolean } | undefined)?.allowPending,
          hidden: !!(o.schema as { hide?: boolean } | undefined)?.hide,
          responses: Object.keys((o.schema as { response?: object } | undefined)?.response ?? {}),
          hasBody: !!(o.schema as { body?: unknown } | undefined)?.body,
          hasQuery: !!(o.schema as { querystring?: unknown } | undefined)?.querystring,
          rateLimit: (o.config as { rateLimit?: RateLimit } | undefined)?.rateLimit,
        })),
      ),
  };
}
