import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { safeNext } from '../auth/auth-hook.ts';
import { verifyAgainstDummy, verifyPassword } from '../auth/password.ts';
import type { AppContext } from '../context.ts';
import { renderPage, seeOther } from '../render.ts';
import { loginView } from '../views/login-view.ts';

const LoginForm = z.object({
  name: z.string().max(64).default(''),
  password: z.string().max(1024).default(''),
  next: z.string().max(2048).optional(),
});

export function registerLoginRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  rateLimit: { max: number; timeWindowMs: number },
): void {
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
    { config: { public: true, rateLimit: { max: rateLimit.max, timeWindow: rateLimit.timeWindowMs } } },
    async (request, reply) => {
      const form = LoginForm.safeParse(request.body ?? {});
      const { name, password, next } = form.success ? form.data : { name: '', password: '', next: '/' };
      const user = name ? ctx.app.users.getByName(name) : null;
      const ok = user
        ? await verifyPassword(password, user.passwordHash)
        : await verifyAgainstDummy(password);
      if (!user || !ok) {
        return renderPage(
          request,
          reply,
          (csrf) => ({
            title: 'Log in',
            body: loginView({ csrf, next: safeNext(next), error: 'Wrong user name or password.', name }),
          }),
          401,
        );
      }
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
