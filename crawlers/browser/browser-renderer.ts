import type { BrowserContext } from 'playwright-core';
import type { PageRenderer, RenderedPage, RenderOptions } from '../contracts.ts';
import { AXE_INIT_SCRIPT } from './axe-run.ts';
import { BrowserPool, type ContextSpec } from './browser-pool.ts';
import { requireChromium } from './find-chromium.ts';
import { isLoopbackHost, PrivateHostCheck } from './host-guard.ts';
import { statusOfNavigationError } from './navigation-status.ts';
import { openSession } from './page-session.ts';
import { emptyRenderedPage, firstLine, type RenderProgress, renderPage } from './render-page.ts';
import { installRequestGuard } from './request-guard.ts';
import { failedProbe, type ProbeOutcome, probeSearchInPage } from './search-probe.ts';

export interface BrowserRendererOptions {
  /** @default findChromium(): $CHROMIUM_PATH, Playwright's browser, /usr/bin/chromium… */
  executablePath?: string;
  /** Pages rendered at once. @default 2 */
  concurrency?: number;
  /** Relaunch the browser after this many pages. @default 100 */
  retireAfterPages?: number;
  /** Tests: abort every request whose host is not 127.x, ::1 or localhost. @default false */
  blockNonLoopback?: boolean;
  /** Decides which hosts are private. Tests pass one that calls a single loopback address public. */
  privateHostCheck?: PrivateHostCheck;
}

const DEFAULT_TIMEOUT_MS = 30_000;
/** Browser keys: a browser whose pages may reach private hosts, and one whose pages may not. */
const PRIVATE_OK = 'private-ok';
const GUARDED = 'public';

/**
 * Renders pages in headless Chromium (playwright-core) and gathers what the captures need: the
 * rendered DOM, visible text, console errors, a viewport screenshot, axe-core WCAG 2.2 AA results
 * and a 360 px mobile check. Every failure ends as a status on the returned page, never a throw.
 */
export class BrowserRenderer implements PageRenderer {
  readonly #pool: BrowserPool;
  readonly #hostCheck: PrivateHostCheck;
  readonly #blockNonLoopback: boolean;

  /** Throws BrowserNotFoundError when no executable is given and none is found. */
  constructor(options: BrowserRendererOptions = {}) {
    this.#blockNonLoopback = options.blockNonLoopback ?? false;
    this.#hostCheck = options.privateHostCheck ?? new PrivateHostCheck();
    this.#pool = new BrowserPool({
      executablePath: options.executablePath ?? requireChromium(),
      ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
      ...(options.retireAfterPages !== undefined ? { retireAfterPages: options.retireAfterPages } : {}),
      onLaunch: (browser, browserKey) =>
        installRequestGuard(browser, {
          allowPrivate: browserKey === PRIVATE_OK,
          blockNonLoopback: this.#blockNonLoopback,
          hostCheck: this.#hostCheck,
        }),
    });
  }

  /** Browsers launched so far (a relaunch after retirement or a crash adds one). */
  get launches(): number {
    return this.#pool.launches;
  }

  async render(url: string, options: RenderOptions): Promise<RenderedPage> {
    let started = performance.now();
    const refused = await this.#refuse(url, options);
    if (refused) return emptyRenderedPage(url, refused.status, refused.reason);
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const progress: RenderProgress = {
      page: emptyRenderedPage(url, 'error'),
      navigated: false,
      step: 'queued',
    };
    const steps = {
      axe: options.axe ?? true,
      screenshot: options.screenshot ?? true,
      mobile: options.mobile ?? true,
    };
    try {
      await this.#pool.withPage(this.#contextSpec(url, options), async (page, _context, lease) => {
        // Time waiting for a free page slot is not the page's render time.
        started = performance.now();
        const session = openSession(page);
        const deadline = started + timeoutMs;
        progress.page.fetchedAt = new Date().toISOString();
        const guard = options.allowPrivate ? null : this.#hostCheck;
        const work = renderPage(session, url, { ...steps, guard }, deadline, progress);
        let ended: Awaited<ReturnType<typeof raceDeadline>>;
        try {
          ended = await raceDeadline(work, deadline, options.signal);
        } finally {
          progress.page.render.consoleErrors = [...session.consoleErrors];
          session.dispose();
        }
        // A page whose work ended in time serves the next render of the site; a cut one is closed.
        lease.reusable = ended === 'done';
        if (ended === 'done') return;
        if (ended === 'aborted') {
          progress.page.status = 'error';
          progress.page.error = 'Render aborted';
        } else if (progress.navigated) {
          progress.page.error = `Gathering stopped at the ${timeoutMs} ms deadline during ${progress.step}`;
        } else {
          progress.page.status = 'timeout';
          progress.page.error = `No page within ${timeoutMs} ms`;
        }
      });
    } catch (error) {
      if (!progress.navigated) {
        progress.page.status = statusOfNavigationError(error);
        progress.page.error = firstLine(error);
      } else {
        progress.page.error = `Gathering failed during ${progress.step}: ${firstLine(error)}`;
      }
    }
    progress.page.render.renderMs = Math.round(performance.now() - started);
    return progress.page;
  }

  async probeSearch(
    pageUrl: string,
    form: { formSelector: string; inputSelector: string },
    query: string,
    options: RenderOptions,
  ): Promise<ProbeOutcome> {
    const refused = await this.#refuse(pageUrl, options);
    if (refused) return failedProbe(query, pageUrl, refused.status, refused.reason);
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    try {
      return await this.#pool.withPage(this.#contextSpec(pageUrl, options), async (page) => {
        const session = openSession(page);
        const deadline = performance.now() + timeoutMs;
        const guard = options.allowPrivate ? null : this.#hostCheck;
        const work = probeSearchInPage(session, pageUrl, form, query, deadline, {
          screenshot: options.screenshot ?? true,
          guard,
        });
        const ended = await raceDeadline(work, deadline, options.signal);
        if (ended === 'done') return await work;
        return failedProbe(
          query,
          page.url(),
          ended === 'aborted' ? 'error' : 'timeout',
          `Search probe ${ended}`,
        );
      });
    } catch (error) {
      return failedProbe(query, pageUrl, statusOfNavigationError(error), firstLine(error));
    }
  }

  /** Closes the browser(s); idempotent. */
  async close(): Promise<void> {
    await this.#pool.close();
  }

  /** Refusals decided before any browser work: bad URL, non-loopback in tests, private host. */
  async #refuse(
    url: string,
    options: RenderOptions,
  ): Promise<{ status: 'error' | 'private_address'; reason: string } | null> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { status: 'error', reason: `Invalid URL: ${url.slice(0, 200)}` };
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      return { status: 'error', reason: `Only http and https URLs are rendered: ${url.slice(0, 200)}` };
    }
    if (this.#blockNonLoopback && !isLoopbackHost(parsed.hostname)) {
      return { status: 'error', reason: `Blocked non-loopback host ${parsed.hostname} (tests)` };
    }
    if (options.allowPrivate) return null;
    const refused = await this.#hostCheck.firstPrivate([url]);
    return refused ? { status: 'private_address', reason: refused.reason } : null;
  }

  /**
   * Pages of one host, user agent and privacy setting share a context. The request guard's policy is
   * browser-wide, so pages allowed to reach private hosts get a browser of their own.
   */
  #contextSpec(url: string, options: RenderOptions): ContextSpec {
    const browserKey = options.allowPrivate ? PRIVATE_OK : GUARDED;
    return {
      key: `${new URL(url).host}|${browserKey}|${options.userAgent}`,
      browserKey,
      options: { userAgent: options.userAgent, serviceWorkers: 'block' },
      setup: async (context: BrowserContext) => {
        await context.addInitScript(AXE_INIT_SCRIPT);
      },
    };
  }
}

/** Waits for `work`, the deadline or the abort signal, whichever comes first. */
async function raceDeadline(
  work: Promise<unknown>,
  deadline: number,
  signal?: AbortSignal,
): Promise<'done' | 'timeout' | 'aborted'> {
  if (signal?.aborted) return 'aborted';
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const outcomes: Promise<'done' | 'timeout' | 'aborted'>[] = [
    work.then(() => 'done' as const),
    new Promise((resolve) => {
      timer = setTimeout(() => resolve('timeout'), Math.max(0, deadline - performance.now()));
    }),
  ];
  if (signal) {
    outcomes.push(
      new Promise((resolve) => {
        onAbort = () => resolve('aborted');
        signal.addEventListener('abort', onAbort, { once: true });
      }),
    );
  }
  try {
    return await Promise.race(outcomes);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    // The page closes after a timeout; its pending work then rejects, and nobody is listening.
    work.catch(() => {});
  }
}
