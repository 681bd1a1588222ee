import type { FetchStatus, RenderCapture, SearchProbeResult, ViewLink } from '../src/core/index.ts';
import type { NetworkPolicy } from './net/network-policy.ts';

/**
 * Interfaces between the parts of crawlers/: the HTTP fetcher, the browser renderer and the site
 * crawl that drives both. Implementations live in http/, browser/ and crawl-site.ts.
 */

/** Network outcome of loading one URL, by HTTP or in the browser. */
export interface FetchOutcome {
  requestedUrl: string;
  finalUrl: string;
  redirects: string[];
  status: FetchStatus;
  httpStatus: number | null;
  error?: string;
  headers: Record<string, string>;
  contentType: string | null;
  bytes: number;
  fetchedAt: string;
  fetchMs: number;
  /** Decoded HTML when the response is an HTML document within the byte cap, else null. */
  html: string | null;
}

export interface HttpFetchOptions {
  userAgent: string;
  /** Hard timeout for the whole request, headers and body. @default 30_000 */
  timeoutMs?: number;
  /** Bodies larger than this end as `too_large`. @default 5 MiB */
  maxBytes?: number;
  /** @default 10 */
  maxRedirects?: number;
  /** Where connections may go. @default no private, loopback or link-local address */
  network?: NetworkPolicy;
  method?: 'GET' | 'POST';
  body?: string;
  signal?: AbortSignal;
}

export interface RenderOptions {
  userAgent: string;
  /** Hard timeout for navigation plus gathering. @default 30_000 */
  timeoutMs?: number;
  /** Run axe-core (WCAG 2.2 AA tags) on the page. @default true */
  axe?: boolean;
  /** JPEG screenshot of the first 1280×800 viewport. @default true */
  screenshot?: boolean;
  /** Measure horizontal scroll at a 360 px wide viewport. @default true */
  mobile?: boolean;
  /** Gather the load's speed, requests and cookies (RenderCapture.performance). @default true */
  measure?: boolean;
  /**
   * 'phone': load the page in a context of its own at 360×740, touch, device scale 2 (the cache is
   * that context's, so a phone load is not sped up by the desktop ones). @default 'desktop' (1280×800)
   */
  device?: 'desktop' | 'phone';
  /** Where the browser's connections may go. @default no private, loopback or link-local address */
  network?: NetworkPolicy;
  /**
   * Treat the page as a view of a script-drawn app: wait for its DOM to settle, then collect the
   * views it leads to that are not links (RenderedPage.views). The memo is one per site.
   * @default none: no DOM settle, no views
   */
  views?: ViewMemo;
  /** What the crawl's earlier pages showed of consent dialogs (one memo per crawl). @default none: every page is searched */
  consent?: ConsentMemo;
  signal?: AbortSignal;
}

/**
 * What one crawl's pages have shown of consent dialogs. A consent platform shows its dialog on every
 * page of a host until it is answered, so once the library ran to its end on a page and found none,
 * the host's later pages are not searched again (each search costs a script evaluation and a wait).
 */
export interface ConsentMemo {
  hostsWithoutDialog: Set<string>;
}

/** What view discovery remembers across one site's pages: menu elements already clicked. */
export interface ViewMemo {
  /** True the first time a site's element (by text and selector) is offered for a click. */
  claimClick(text: string, selector: string): boolean;
}

export interface RenderedPage extends FetchOutcome {
  /** innerText of the rendered body, whitespace collapsed. */
  visibleText: string;
  /** RenderCapture with `screenshot` left null: the crawl stores the bytes and fills in the hash. */
  render: RenderCapture;
  screenshotJpeg: Uint8Array | null;
  /** Views found in the live DOM when RenderOptions.views was given. */
  views?: ViewLink[];
}

/** Renders pages in a real browser. One per process; reused across sites. */
export interface PageRenderer {
  render(url: string, options: RenderOptions): Promise<RenderedPage>;
  /** Starts what the first render of `url` needs (the browser, its context) without waiting for it. */
  warmUp?(url: string, options: RenderOptions): void;
  /** Fills a search input, submits, and captures the results page. */
  probeSearch(
    pageUrl: string,
    form: { formSelector: string; inputSelector: string },
    query: string,
    options: RenderOptions,
  ): Promise<SearchProbeResult & { screenshotJpeg: Uint8Array | null }>;
  close(): Promise<void>;
}

/**
 * Politeness across one process (or a fleet, when backed by Redis): at most N requests in flight
 * per host, and a delay between the start of consecutive requests to the same host.
 */
export interface HostLimiter {
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
  /** Raises (never lowers) the delay between request starts for one host (robots.txt Crawl-delay). */
  setMinDelay?(host: string, ms: number): void;
}
