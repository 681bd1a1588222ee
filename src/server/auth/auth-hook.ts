import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { errorPage } from '../views/error-page.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without logging in (the login page). */
    public?: boolean;
    /** Roles allowed to POST here (default: admin and assessor; viewers change nothing). */
    roles?: readonly ('admin' | 'assessor' | 'viewer')[];
    /** The route checks the request's Origin instead of a form token (bull-board's JSON API). */
    originCheckOnly?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Where to go back to after logging in: a local path only. Browsers drop tabs and newlines inside URLs
 * and read a backslash as a slash, so `/<tab>/evil.example` or `/<backslash>evil.example` would leave
 * the site: refused, like `//evil.example`.
 */
export function safeNext(value: unknown): string {
  if (typeof value !== 'string' || !/^\/(?![/\\])[^\\\s\u0000-\u001f\u007f]*$/.test(value)) return '/';
  return value;
}

/**
 * Every request but the login page and static files needs a logged-in user; every POST needs a valid
 * CSRF token and a role allowed to change things (viewers can only log out).
 */
export function installAuthHook(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('user', null);
  app.addHook('preHandler', (request, reply, done) => {
    const config = request.routeOptions.config;
    const isStatic = request.url.startsWith('/static/');
    if (!isStatic) loadUser(request, ctx);

    if (!config.public && !isStatic && !request.user) {
      const next = request.method === 'GET' ? request.url : '/';
      reply.redirect(`/login?next=${encodeURIComponent(next)}`, 303);
      return;
    }
    if (SAFE_METHODS.has(request.method)) {
      done();
      return;
    }
    if (config.originCheckOnly || request.url.startsWith('/admin/queues/')) {
      if (!sameOrigin(request)) return refuse(reply, 'This request did not come from this site.');
      checkRole(request, reply, done);
      return;
    }
    app.csrfProtection(request, reply, () => checkRole(request, reply, done));
  });
}

function loadUser(request: FastifyRequest, ctx: AppContext): void {
  const userId = request.session.userId;
  if (userId === undefined) return;
  const user = ctx.app.users.get(userId);
  request.user = user ? { id: user.id, name: user.name, role: user.role } : null;
}

function checkRole(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  const config = request.routeOptions.config;
  if (config.public || request.url === '/logout') {
    done();
    return;
  }
  const allowed = config.roles ?? ['admin', 'assessor'];
  if (!request.user || !allowed.includes(request.user.role)) {
    refuse(reply, 'Your role cannot change anything here.');
    return;
  }
  done();
}

function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return false;
  return origin === `${request.protocol}://${request.host}`;
}

function refuse(reply: FastifyReply, message: string): void {
  reply
    .code(403)
    .type('text/html; charset=utf-8')
    .send(errorPage(403, 'Not allowed', message, reply.request.user).toString());
}
