import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from './platform/context.js';
import { installGuard } from './platform/guard.js';
import { installErrorHandler } from './platform/error-handler.js';
import { registerModules } from './modules/index.js';
import helmet from '@fastify/helmet';
import { installMetrics } from './platform/metrics.js';

export interface BuildOptions {
  services: Services;
  logger?: boolean | object;
}

/** Build the Fastify app: API, OpenAPI docs and the web app. Tests call this directly. */
export async function buildApp({ services, logger = false }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    bodyLimit: 1024 * 1024,
    trustProxy: services.config.trustProxy,
    ajv: undefined,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('gh', services);

  // Routes registered by plugins (docs UI, static files) are public by declaration, not by omission.
  app.addHook('onRoute', (route) => {
    if (!route.config?.access && !route.url.startsWith('/api/')) route.config = { ...(route.config ?? {}), access: 'public' };
    if (!route.config?.access && route.url.startsWith('/api/docs')) route.config = { ...(route.config ?? {}), access: 'public' };
  });

  await app.register(cookie);
  // Security headers with a content security policy the web app passes: its own scripts only; the
  // inline styles antd writes; images from data: and blob: URLs (QR codes, signatures, previews);
  // map tiles from the hosts GONGHUI_CSP_IMG_HOSTS names (a government tile service, say).
  const imgHosts = (process.env.GONGHUI_CSP_IMG_HOSTS ?? '').split(/[\s,]+/).filter(Boolean);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...imgHosts],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: services.config.cookieSecure ? [] : null,
      },
    },
    // The API docs (Swagger UI) run an inline script of their own; they set their own policy.
    hsts: services.config.cookieSecure,
  });
  installMetrics(app, services);
  installErrorHandler(app);
  installGuard(app);

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Gonghui 智慧工会 API',
        version: services.version,
        description: '工会组织、会员、帮扶、维权等业务接口。会话 Cookie 认证，写操作需携带 X-CSRF-Token。',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gh_sid' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    transformStaticCSP: (h) =>
      h.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("style-src 'self' https:", "style-src 'self' https: 'unsafe-inline'"),
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await registerModules(app);

  const dist = services.config.webDist;
  const index = path.join(dist, 'index.html');
  if (fs.existsSync(index)) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, { root: dist, wildcard: true, index: 'index.html', maxAge: '1h' });
  }
  app.setNotFoundHandler((req, reply) => {
    const url = req.url.split('?')[0]!;
    // Client-side routes get the app; a missing file (it has an extension) stays a 404.
    if (req.method === 'GET' && !url.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(url) && fs.existsSync(index)) {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(fs.createReadStream(index));
    }
    return reply.code(404).send({ code: 'ROUTE_NOT_FOUND', message: '接口不存在', messageEn: `No route ${req.method} ${url}` });
  });
  return app;
}
