import type { BrowserContext, Request, Route } from 'playwright-core';
import { isLoopbackHost, type PrivateHostCheck, privateHostMessage } from './host-guard.ts';
import { type BlockedNavigation, sessionOf } from './page-session.ts';

/** Resource types no check needs: aborting them saves bandwidth and decoding. Images stay (alt, contrast). */
const SKIPPED_TYPES = new Set(['media', 'font']);

export interface RequestGuardOptions {
  allowPrivate: boolean;
  /** Tests: refuse every host that is not 127.x, ::1 or localhost. */
  blockNonLoopback: boolean;
  hostCheck: PrivateHostCheck;
}

/**
 * One route on the context that every request passes: skipped resource types are aborted, and
 * hosts that resolve to private addresses (unless allowed) or leave loopback (tests) are refused.
 * A refused main document is noted on the page's session so the renderer reports why.
 * Playwright routes only the first request of a redirect chain: the renderer checks the hops of
 * the main document's chain after the fact (see renderPage).
 */
export async function installRequestGuard(
  context: BrowserContext,
  options: RequestGuardOptions,
): Promise<void> {
  await context.route('**/*', async (route) => {
    const request = route.request();
    if (SKIPPED_TYPES.has(request.resourceType())) return route.abort('blockedbyclient');
    let url: URL;
    try {
      url = new URL(request.url());
    } catch {
      return route.continue();
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return route.continue();
    if (options.blockNonLoopback && !isLoopbackHost(url.hostname)) {
      return refuse(route, request, {
        status: 'error',
        reason: `Blocked non-loopback host ${url.hostname} (tests)`,
      });
    }
    if (!options.allowPrivate) {
      const address = await options.hostCheck.check(url.hostname);
      if (address !== null) {
        return refuse(route, request, {
          status: 'private_address',
          reason: privateHostMessage(url.hostname, address),
        });
      }
    }
    return route.continue();
  });
}

async function refuse(route: Route, request: Request, blocked: BlockedNavigation): Promise<void> {
  if (request.isNavigationRequest()) {
    try {
      const frame = request.frame();
      const session = sessionOf(frame.page());
      if (session && frame === frame.page().mainFrame()) session.blocked = blocked;
    } catch {
      // Service-worker requests have no frame; nothing to note.
    }
  }
  await route.abort('blockedbyclient');
}
