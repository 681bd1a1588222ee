import { userAgent } from '../../src/core/index.ts';
import { ViewDiscovery } from '../browser/view-discovery.ts';
import type { HttpFetchOptions, RenderOptions } from '../contracts.ts';
import { InProcessHostLimiter, withDelayControl } from '../http/host-limiter.ts';
import { NetworkPolicy } from '../net/network-policy.ts';
import type { PageLoadContext } from './load-page.ts';
import { CRAWL_DEFAULTS, type CrawlSiteOptions } from './options.ts';

/** How one crawl loads pages: the same network, limiter and signal, three kinds of render. */
export interface CrawlLoads {
  http: HttpFetchOptions;
  /** Portal and external pages: everything gathered. */
  page: PageLoadContext;
  /** Pages of a site drawn by script: the DOM left to settle, views collected (one memo per site). */
  app: PageLoadContext;
  /** Link checks and the made-up address: the page and nothing else (no axe, screenshot, mobile, speed). */
  bare: PageLoadContext;
}

export function crawlLoads(opts: CrawlSiteOptions, signal: AbortSignal): CrawlLoads {
  const ua = userAgent(opts.contactUrl);
  const timeoutMs = opts.pageTimeoutMs ?? CRAWL_DEFAULTS.pageTimeoutMs;
  const network = opts.network ?? new NetworkPolicy({ allowPrivate: opts.allowPrivate });
  const http: HttpFetchOptions = {
    userAgent: ua,
    timeoutMs,
    maxBytes: opts.maxBytes ?? CRAWL_DEFAULTS.maxBytes,
    network,
    signal,
  };
  const measure = opts.gatherPosture !== false;
  // One memo for the crawl's pages, desktop and app loads alike.
  const consent = { hostsWithoutDialog: new Set<string>() };
  const renderOptions: RenderOptions = { userAgent: ua, timeoutMs, network, signal, measure, consent };
  const page: PageLoadContext = {
    http,
    renderOptions,
    limiter: withDelayControl(opts.hostLimiter ?? new InProcessHostLimiter()),
    ...(opts.renderer ? { renderer: opts.renderer } : {}),
  };
  return {
    http,
    page,
    app: { ...page, renderOptions: { ...renderOptions, views: new ViewDiscovery() } },
    bare: {
      ...page,
      renderOptions: { ...renderOptions, axe: false, screenshot: false, mobile: false, measure: false },
    },
  };
}
