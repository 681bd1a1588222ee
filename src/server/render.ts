import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendPage } from './context.ts';
import { layout, type PageOptions } from './views/layout.ts';

type PageParts = Omit<PageOptions, 'user' | 'csrf' | 'flash'>;

/**
 * Renders a full page for the current user: `build` receives the CSRF token its forms must carry;
 * a flash message left in the session by the previous request is shown once.
 */
export function renderPage(
  request: FastifyRequest,
  reply: FastifyReply,
  build: (csrf: string) => PageParts,
  status = 200,
): FastifyReply {
  const csrf = reply.generateCsrf();
  const flash = request.session.flash;
  if (flash !== undefined) request.session.flash = undefined;
  return sendPage(reply, layout({ ...build(csrf), user: request.user, csrf, flash }), status);
}

/** Redirect after a POST (303: the browser follows with a GET). */
export function seeOther(reply: FastifyReply, location: string, flash?: string): FastifyReply {
  if (flash) reply.request.session.flash = flash;
  return reply.redirect(location, 303);
}
