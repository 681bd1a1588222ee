import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { safeNext } from '../auth/auth-hook.ts';
import type { LoginLimiter } from '../auth/login-limiter.ts';
import { verifyAgainstDummy, verifyPassword } from '../auth/password.ts';
import type { AppContext } from '../context.ts';
import { renderPage, seeOther } from '../render.ts';
import { loginView } from '../views/login-view.ts';

const LoginForm = z.object({
  name: z.string().max(64).default(''),
  password: z.string().max(1024).default(''),
  next: z.string().max(2048).optional(),
});

/** Login requests per address and minute, whatever their outcome: a flood guard (each costs a scrypt). */
const LOGIN_REQUESTS_PER_MINUTE = 60;

export function registerLoginRoutes(app: FastifyInstance, ctx: AppContext, limiter: LoginLimiter): void {
  app.get('/login', { config: { public: true } }, async (request, reply) => {
    const next = safeNext((request.query as { next?: unknown }).next);
    if (request.user) return reply.redirect(next, 303);
    return renderPage(request, reply, (csrf) => ({
      title: 'Log in',
      body: loginView({ csrf, next, error: null, name: '' }),
    }));
  });

  app.post(
    '/login',
    { config: { public: true, rateLimit: { max: LOGIN_REQUESTS_PER_MINUTE, timeWindow: 60_000 } } },
    async (request, reply) => {
      const form = LoginForm.safeParse(request.body ?? {});
      const { name, password, next } = form.success ? form.data : { name: '', password: '', next: '/' };
      const showForm = (error: string, status: number) =>
        renderPage(
          request,
          reply,
          (csrf) => ({ title: 'Log in', body: loginView({ csrf, next: safeNext(next), error, name }) }),
          status,
        );
      // Checked before the password, so a locked name gets no guess verified, right or wrong.
      const admission = limiter.admit(name, request.ip);
      if (!admission.admitted) {
        const minutes = Math.max(1, Math.ceil(admission.retryAfterMs / 60_000));
        reply.header('retry-after', String(Math.ceil(admission.retryAfterMs / 1000)));
        return showForm(
          `Too many failed logins for this user name. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
          429,
        );
      }
      const user = name ? ctx.app.users.getByName(name) : null;
      const ok = user
        ? await verifyPassword(password, user.passwordHash)
        : await verifyAgainstDummy(password);
      if (!user || !ok) return showForm('Wrong user name or password.', 401);
      admission.attempt.succeeded();
      // A new session id at login: a session id planted before login is worthless after it.
      await request.session.regenerate();
      request.session.userId = user.id;
      return reply.redirect(safeNext(next), 303);
    },
  );

  app.post('/logout', async (request, reply) => {
    await request.session.destroy();
    return seeOther(reply, '/login');
  });
}
