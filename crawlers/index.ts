/** Public API of crawlers/: what queue/ and src/ use. */
export type {
  FetchOutcome,
  HostLimiter,
  HttpFetchOptions,
  PageRenderer,
  RenderedPage,
  RenderOptions,
} from './contracts.ts';
export { crawlCheckpointSchema } from './crawl/checkpoint-schema.ts';
export { CRAWL_DEFAULTS } from './crawl/options.ts';
export { type CrawlCheckpoint, type CrawlSiteOptions, crawlSite } from './crawl-site.ts';
export { extractPage, type PageExtract } from './extract/extract-page.ts';
export {
  Frontier,
  type FrontierCheckpoint,
  type FrontierEntry,
  type FrontierOptions,
  linkPriority,
} from './frontier/frontier.ts';
export { normalizeUrl } from './frontier/normalize-url.ts';
export { fetchRobots, parseRobots, RobotsCache, type RobotsPolicy } from './frontier/robots.ts';
export { isSameSite, siteKey } from './frontier/scope.ts';
export { discoverSitemaps, parseSitemap } from './frontier/sitemaps.ts';
export {
  InProcessHostLimiter,
  type InProcessHostLimiterOptions,
  withDelayControl,
} from './http/host-limiter.ts';
export { closeHttpAgents, httpFetch, httpFetchText, type TextFetchOutcome } from './http/http-fetcher.ts';
export { isPrivateAddress } from './http/private-address.ts';
export { NetworkPolicy, type NetworkPolicyOptions } from './net/network-policy.ts';
