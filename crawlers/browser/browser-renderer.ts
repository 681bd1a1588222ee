import type { BrowserContext } from 'playwright-core';
import type { PageRenderer, RenderedPage, RenderOptions } from '../contracts.ts';
import { GuardProxy } from '../net/guard-proxy.ts';
import { type NetworkPolicy, PUBLIC_ONLY } from '../net/network-policy.ts';
import { AXE_INIT_SCRIPT } from './axe-run.ts';
import { BrowserPool, type ContextSpec } from './browser-pool.ts';
import { AutoconsentHandler } from './consent/autoconsent-handler.ts';
import type { ConsentHandler } from './consent/consent-handler.ts';
import { requireChromium } from './find-chromium.ts';
import { statusOfNavigationError } from './navigation-status.ts';
import { openSession } from './page-session.ts';
import { registerProxy } from './proxy-refusals.ts';
import {
  emptyRenderedPage,
  firstLine,
  MOBILE_VIEWPORT,
  type RenderProgress,
  renderPage,
} from './render-page.ts';
import { failedProbe, type ProbeOutcome, probeSearchInPage } from './search-probe.ts';
import { ROUTE_LOG_INIT_SCRIPT } from './view-scripts.ts';
import { VITALS_INIT_SCRIPT } from './vitals-scripts.ts';

export interface BrowserRendererOptions {
  /** @default findChromium(): $CHROMIUM_PATH, Playwright's browser, /usr/bin/chromium… */
  executablePath?: string;
  /** Pages rendered at once. @default 2 */
  concurrency?: number;
  /** Relaunch the browser after this many pages. @default 100 */
  retireAfterPages?: number;
  /** Relaunch it once its processes hold more than this many MB (Linux). @default 1536 */
  retireAboveMb?: number;
  /** Tests: refuse every connection outside loopback, whatever a render's policy says. @default false */
  blockNonLoopback?: boolean;
  /** Closes cookie-consent dialogs before gathering; null: leave them. @default an AutoconsentHandler */
  consent?: ConsentHandler | null;
  /** More Chromium flags (tests: `--ignore-certificate-errors-spki-list` for a certificate of their own). */
  launchArgs?: string[];
}

const DEFAULT_TIMEOUT_MS = 30_000;
/** A mid-range phone's screen: the 360 px width of the mobile check, touch, a device scale of 2. */
const PHONE = { viewport: { ...MOBILE_VIEWPORT }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/**
 * Renders pages in headless Chromium (playwright-core) and gathers what the captures need: the
 * rendered DOM, visible text, console errors, a viewport screenshot, axe-core WCAG 2.2 AA results
 * and a 360 px mobile check. Every failure ends as a status on the returned page, never a throw.
 *
 * Each browser reaches the network only through a guard proxy of its own (see GuardProxy), which
 * applies the render's network policy to every connection; renders with different policies run in
 * different browsers.
 */
export class BrowserRenderer implements PageRenderer {
  readonly #pool: BrowserPool;
  readonly #blockNonLoopback: boolean;
  readonly #consent: ConsentHandler | null;
  readonly #policies = new Map<string, NetworkPolicy>();
  readonly #proxies = new Map<string, Promise<GuardProxy>>();

  /** Throws BrowserNotFoundError when no executable is given and none is found. */
  constructor(options: BrowserRendererOptions = {}) {
    this.#blockNonLoopback = options.blockNonLoopback ?? false;
    this.#consent = options.consent === undefined ? new AutoconsentHandler() : options.consent;
    this.#pool = new BrowserPool({
      executablePath: options.executablePath ?? requireChromium(),
      ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
      ...(options.retireAfterPages !== undefined ? { retireAfterPages: options.retireAfterPages } : {}),
      ...(options.retireAboveMb !== undefined ? { retireAboveMb: options.retireAboveMb } : {}),
      launchArgs: async (key) => [...(await this.#proxy(key)).chromiumArgs, ...(options.launchArgs ?? [])],
      onLaunch: async (browser, key) => registerProxy(browser, await this.#proxy(key)),
    });
  }

  /** Browsers launched so far (a relaunch after retirement or a crash adds one). */
  get launches(): number {
    return this.#pool.launches;
  }

  warmUp(url: string, options: RenderOptions): void {
    if (this.#refuse(url)) return;
    this.#pool.warmUp(this.#contextSpec(url, options));
  }

  async render(url: string, options: RenderOptions): Promise<RenderedPage> {
    let started = performance.now();
    const refused = this.#refuse(url);
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
      measure: options.measure ?? true,
      consent: this.#consent,
      ...(options.consent ? { consentMemo: options.consent } : {}),
      views: options.views ?? null,
    };
    try {
      await this.#pool.withPage(this.#contextSpec(url, options), async (page, _context, lease) => {
        // Time waiting for a free page slot is not the page's render time.
        started = performance.now();
        const session = openSession(page);
        const deadline = started + timeoutMs;
        progress.page.fetchedAt = new Date().toISOString();
        const work = renderPage(session, url, steps, deadline, progress);
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
          // Whether the site answered at all (a page whose script hangs the browser did).
          progress.page.httpStatus = session.lastDocument?.status() ?? null;
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
    const refused = this.#refuse(pageUrl);
    if (refused) return failedProbe(query, pageUrl, refused.status, refused.reason);
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    try {
      return await this.#pool.withPage(this.#contextSpec(pageUrl, options), async (page) => {
        const session = openSession(page);
        const deadline = performance.now() + timeoutMs;
        const work = probeSearchInPage(session, pageUrl, form, query, deadline, {
          screenshot: options.screenshot ?? true,
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

  /** Closes the browser(s) and their proxies; idempotent. */
  async close(): Promise<void> {
    await this.#pool.close();
    const proxies = [...this.#proxies.values()];
    this.#proxies.clear();
    await Promise.all(proxies.map((proxy) => proxy.then((p) => p.close()).catch(() => {})));
  }

  /** The guard proxy of a browser key, started on first use. */
  #proxy(key: string): Promise<GuardProxy> {
    let proxy = this.#proxies.get(key);
    if (!proxy) {
      const policy = this.#policies.get(key) ?? PUBLIC_ONLY;
      proxy = GuardProxy.start(policy);
      this.#proxies.set(key, proxy);
    }
    return proxy;
  }

  /** The render's policy (in tests, restricted to loopback); remembered under its key for the proxy. */
  #policyOf(options: RenderOptions): NetworkPolicy {
    const given = options.network ?? PUBLIC_ONLY;
    const policy = this.#blockNonLoopback ? given.loopbackOnly() : given;
    if (!this.#policies.has(policy.key)) this.#policies.set(policy.key, policy);
    return this.#policies.get(policy.key) ?? policy;
  }

  /** Refusals decided before any browser work: a URL that is not http(s). */
  #refuse(url: string): { status: 'error'; reason: string } | null {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { status: 'error', reason: `Invalid URL: ${url.slice(0, 200)}` };
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      return { status: 'error', reason: `Only http and https URLs are rendered: ${url.slice(0, 200)}` };
    }
    return null;
  }

  /**
   * Pages of one host, user agent, network policy and device share a context. The proxy is
   * browser-wide, so each policy gets a browser of its own.
   */
  #contextSpec(url: string, options: RenderOptions): ContextSpec {
    const browserKey = this.#policyOf(options).key;
    const device = options.device ?? 'desktop';
    return {
      key: `${new URL(url).host}|${browserKey}|${options.userAgent}|${device}`,
      browserKey,
      options: {
        userAgent: options.userAgent,
        serviceWorkers: 'block',
        ...(device === 'phone' ? PHONE : {}),
      },
      setup: async (context: BrowserContext) => {
        await context.addInitScript(AXE_INIT_SCRIPT);
        await context.addInitScript(ROUTE_LOG_INIT_SCRIPT);
        await context.addInitScript(VITALS_INIT_SCRIPT);
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
