import type { FastifyInstance } from 'fastify';
import { userOf } from '../context.ts';
import { errorPage } from '../views/error-page.ts';

export const QUEUES_PATH = '/admin/queues';

/** bull-board's UI needs inline styles; its scripts and API stay same-origin. */
const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/**
 * The fleet's queue dashboard (bull-board) at /admin/queues, for admins, when REDIS_URL is set.
 * Queues are listed once at start (campaigns created later appear after a restart of the app).
 */
/** Returns whether the dashboard was mounted. */
export async function registerQueueDashboard(
  app: FastifyInstance,
  redisUrl: string | undefined,
): Promise<boolean> {
  if (!redisUrl) {
    registerNoDashboard(app);
    return false;
  }
  // Loaded only with Redis: bullmq and bull-board are not needed to review.
  const [{ createBullBoard }, { BullMQAdapter }, { FastifyAdapter }, { dashboardQueues }] = await Promise.all(
    [
      import('@bull-board/api'),
      import('@bull-board/api/bullMQAdapter'),
      import('@bull-board/fastify'),
      import('../../../queue/fleet/dashboard.ts'),
    ],
  );
  const queues = await dashboardQueues(redisUrl);
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUES_PATH);
  createBullBoard({
    queues: queues.map((q) => new BullMQAdapter(q)),
    // @bull-board/fastify pins its own copy of @bull-board/api (a patch version apart): same interface.
    serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
  });
  app.addHook('onClose', async () => {
    await Promise.all(queues.map((q) => q.close()));
  });
  await app.register(
    async (scope) => {
      scope.addHook('preHandler', async (request, reply) => {
        if (request.user?.role !== 'admin') {
          return reply
            .code(403)
            .type('text/html; charset=utf-8')
            .send(
              errorPage(403, 'Not allowed', 'Only administrators see the queues.', request.user).toString(),
            );
        }
      });
      scope.addHook('onSend', async (_request, reply, payload) => {
        reply.header('content-security-policy', DASHBOARD_CSP);
        return payload;
      });
      await scope.register(serverAdapter.registerPlugin());
    },
    { prefix: QUEUES_PATH },
  );
  return true;
}

/** Without Redis there are no queues to show: the address says so instead of a bare "not found". */
function registerNoDashboard(app: FastifyInstance): void {
  app.get(QUEUES_PATH, async (request, reply) => {
    const user = userOf(request);
    const [status, message] =
      user.role === 'admin'
        ? [
            404,
            "Redis is not configured: the queue dashboard shows the fleet's campaign jobs when the review app is started with REDIS_URL set (for example REDIS_URL=redis://127.0.0.1:6379 portal-audit serve). Embedded audits and local campaign runs use no queue.",
          ]
        : [403, 'Only administrators see the queues.'];
    return reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(
        errorPage(status, status === 404 ? 'No queue dashboard' : 'Not allowed', message, user).toString(),
      );
  });
}
