import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySession from '@fastify/session';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import type { Store } from '../../db/index.ts';
import { packagePath } from '../core/index.ts';
import type { Highlighter } from '../evidence/highlighter.ts';
import { installAuthHook } from './auth/auth-hook.ts';
import { DEFAULT_LOGIN_LIMITS, LoginLimiter, type LoginLimits } from './auth/login-limiter.ts';
import { StoreSessionStore } from './auth/session-store.ts';
import { createContext } from './context.ts';
import { registerAdminRoutes } from './routes/admin.ts';
import { registerAgreementRoutes } from './routes/agreement.ts';
import { registerArtifactRoutes } from './routes/artifacts.ts';
import { registerCampaignRoutes } from './routes/campaigns.ts';
import { registerDisagreementRoutes } from './routes/disagreements.ts';
import { registerIndicatorRoutes } from './routes/indicator.ts';
import { registerLoginRoutes } from './routes/login.ts';
import { registerQueueDashboard } from './routes/queues.ts';
import { registerRunRoutes } from './routes/run.ts';
import { errorPage } from './views/error-page.ts';

export interface ReviewAppOptions {
  store: Store;
  /** Signs session cookies; at least 32 characters (see auth/session-secret.ts). */
  sessionSecret: string;
  /** Renders highlighted evidence screenshots; without one only the crawl's screenshot is shown. */
  highlighter?: Highlighter | null;
  /** Behind one TLS-terminating proxy: trust its X-Forwarded-*, so cookies become Secure. */
  trustProxy?: boolean;
  /** Failed logins allowed per user name, from one address and from all (see auth/login-limiter.ts). */
  loginLimits?: Partial<LoginLimits>;
  /** Mounts the queue dashboard at /admin/queues (admins only) when set. */
  redisUrl?: string;
  logger?: boolean;
}

export const SESSION_COOKIE = 'pa_session';
const SESSION_MAX_AGE_MS = 8 * 60 * 60 * 1000;
const STATIC_DIR = packagePath('src', 'server', 'static');

/** The assessor review app (fastify, server-rendered HTML, works without JavaScript). */
export async function buildReviewApp(options: ReviewAppOptions): Promise<FastifyInstance> {
  const ctx = createContext(options.store, options.highlighter ?? null);
  const app = Fastify({
    logger: options.logger ?? false,
    // Only the proxy in front (the direct peer) is trusted: the client's address is the last
    // X-Forwarded-For entry, the one the proxy added; entries a client sends itself are not believed.
    trustProxy: options.trustProxy ? (_address: string, hop: number) => hop === 0 : false,
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Set only when served over TLS (behind a proxy); on plain http it would be ignored anyway.
    strictTransportSecurity: options.trustProxy ? undefined : false,
  });
  await app.register(fastifyFormbody);
  await app.register(fastifyCookie);
  await app.register(fastifySession, {
    secret: options.sessionSecret,
    cookieName: SESSION_COOKIE,
    store: new StoreSessionStore(ctx.app, ctx.userWrites, SESSION_MAX_AGE_MS),
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', path: '/', maxAge: SESSION_MAX_AGE_MS },
  });
  await app.register(fastifyCsrf, { sessionPlugin: '@fastify/session' });
  await app.register(fastifyRateLimit, { global: false });
  // decorateReply off: bull-board registers its own @fastify/static (with sendFile) under /admin/queues.
  await app.register(fastifyStatic, {
    root: STATIC_DIR,
    prefix: '/static/',
    index: false,
    list: false,
    decorateReply: false,
  });

  installAuthHook(app, ctx);
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) request.log.error(error);
    const [title, message] = describeError(status, error);
    return reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(errorPage(status, title, message, request.user).toString());
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .type('text/html; charset=utf-8')
      .send(errorPage(404, 'Not found', 'There is nothing at this address.', request.user).toString()),
  );

  registerLoginRoutes(app, ctx, new LoginLimiter({ ...DEFAULT_LOGIN_LIMITS, ...options.loginLimits }));
  registerCampaignRoutes(app, ctx);
  registerRunRoutes(app, ctx);
  registerIndicatorRoutes(app, ctx);
  registerDisagreementRoutes(app, ctx);
  registerAgreementRoutes(app, ctx);
  registerArtifactRoutes(app, ctx);
  registerAdminRoutes(app, ctx);
  ctx.queueDashboard = await registerQueueDashboard(app, options.redisUrl);
  app.get('/healthz', { config: { public: true } }, async () => ({ ok: true }));
  return app;
}

function describeError(status: number, error: FastifyError): [string, string] {
  if (error.code?.startsWith('FST_CSRF')) {
    return [
      'Form expired',
      'This form was missing its security token or it expired. Go back, reload and try again.',
    ];
  }
  if (status === 429)
    return ['Too many attempts', 'Too many login requests from your address. Wait a minute.'];
  if (status === 400) return ['Bad request', error.message];
  if (status === 404) return ['Not found', 'There is nothing at this address.'];
  if (status < 500) return ['Request refused', error.message];
  return ['Something went wrong', 'The server could not complete this request.'];
}
