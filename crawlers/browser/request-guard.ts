import type { Browser, CDPSession, Page } from 'playwright-core';
import type { FetchStatus } from '../../src/core/index.ts';
import { isLoopbackHost, type PrivateHostCheck, privateHostMessage } from './host-guard.ts';
import { pageTargetId } from './page-devtools.ts';

/** Resource types no check needs: aborting them saves bandwidth and decoding. Images stay (alt, contrast). */
const SKIPPED_TYPES = new Set(['Media', 'Font']);
/** Refused documents remembered per frame, for the renderer to say why a navigation failed. */
const MAX_REFUSED_DOCUMENTS = 500;

/** Why the guard refused a document (a page's main document, or a hop of its redirect chain). */
export interface BlockedNavigation {
  status: FetchStatus;
  reason: string;
}

/** What the guard reads of a paused request (DevTools `Fetch.requestPaused`). */
interface PausedRequest {
  requestId: string;
  /** The frame that made the request; a page's main frame has the page's target id. */
  frameId: string;
  resourceType: string;
  request: { url: string };
}

export interface RequestGuardOptions {
  /** Let requests reach hosts that resolve to private addresses. */
  allowPrivate: boolean;
  /** Tests: refuse every host that is not 127.x, ::1 or localhost. */
  blockNonLoopback: boolean;
  hostCheck: PrivateHostCheck;
}

/**
 * One interception point for every request of a browser (a browser-level DevTools session with the
 * Fetch domain on), frames and workers included: skipped resource types are aborted, and hosts that
 * resolve to private addresses (unless allowed) or leave loopback (tests) are refused. Unlike
 * Playwright's `route`, it also sees each hop of a redirect chain, and it leaves the HTTP cache on:
 * with a route, every page of a site fetched and parsed the site's styles, scripts and images again
 * (about 150 ms of CPU per page on the bench portal). The policy is the browser's, so pages that may
 * reach private hosts run in a browser of their own.
 */
class RequestGuard {
  readonly #refused = new Map<string, { at: number; blocked: BlockedNavigation }>();

  constructor(
    private readonly session: CDPSession,
    private readonly options: RequestGuardOptions,
  ) {}

  async onPaused(event: PausedRequest): Promise<void> {
    const { requestId } = event;
    let verdict: BlockedNavigation | 'skip' | null;
    try {
      verdict = await this.#judge(event);
    } catch {
      verdict = { status: 'error', reason: 'The request guard failed' };
    }
    if (verdict && verdict !== 'skip' && event.resourceType === 'Document') this.#remember(event, verdict);
    const command = verdict
      ? this.session.send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' })
      : this.session.send('Fetch.continueRequest', { requestId });
    // A request the page dropped meanwhile (navigated away, frame removed) has nothing to answer.
    await command.catch(() => {});
  }

  /** The refusal of the frame's last document request since `since` (performance.now()), if any. */
  refusedDocument(frameId: string, since: number): BlockedNavigation | null {
    const entry = this.#refused.get(frameId);
    return entry && entry.at >= since ? entry.blocked : null;
  }

  async #judge(event: PausedRequest): Promise<BlockedNavigation | 'skip' | null> {
    if (SKIPPED_TYPES.has(event.resourceType)) return 'skip';
    let url: URL;
    try {
      url = new URL(event.request.url);
    } catch {
      return null;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (this.options.blockNonLoopback && !isLoopbackHost(url.hostname)) {
      return { status: 'error', reason: `Blocked non-loopback host ${url.hostname} (tests)` };
    }
    if (this.options.allowPrivate) return null;
    const address = await this.options.hostCheck.check(url.hostname);
    return address === null
      ? null
      : { status: 'private_address', reason: privateHostMessage(url.hostname, address) };
  }

  #remember(event: PausedRequest, blocked: BlockedNavigation): void {
    if (this.#refused.size >= MAX_REFUSED_DOCUMENTS) this.#refused.clear();
    this.#refused.set(event.frameId, { at: performance.now(), blocked });
  }
}

const guards = new WeakMap<Browser, RequestGuard>();

/** Puts every request of `browser` through the guard; call once per browser, before any page opens. */
export async function installRequestGuard(browser: Browser, options: RequestGuardOptions): Promise<void> {
  const session = await browser.newBrowserCDPSession();
  const guard = new RequestGuard(session, options);
  session.on('Fetch.requestPaused', (event) => void guard.onPaused(event));
  await session.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] });
  guards.set(browser, guard);
}

/**
 * Why the guard refused the page's main document (or a hop of its redirect chain) since `since`
 * (performance.now()); null when it did not, or the page's browser has no guard.
 */
export async function refusedNavigation(page: Page, since: number): Promise<BlockedNavigation | null> {
  const browser = page.context().browser();
  const guard = browser ? guards.get(browser) : undefined;
  if (!guard) return null;
  try {
    return guard.refusedDocument(await pageTargetId(page), since);
  } catch {
    return null;
  }
}
