import type { CrawlEnd } from '../src/core/index.ts';
import type { CrawlSiteOptions } from './crawl/options.ts';
import { SiteCrawl } from './crawl/site-crawl.ts';

export type { CrawlCheckpoint, CrawlSiteOptions } from './crawl/options.ts';

/**
 * Crawls one portal and emits its records to `options.sink`: the `robots` artifact; the home page
 * (over HTTP, then in the browser under render auto/all; an empty JS shell switches the site to the
 * browser under auto); the `sitemap` and `searchProbe` artifacts; the other pages best-first within
 * the budget, plus one-hop pages of external services and language versions; the
 * `markupValidation` artifact; and a `crawl-end` record.
 *
 * Network problems never throw: an unreachable or robots-disallowed home page ends with a
 * `crawl-end` whose outcome is its status and stopReason 'unreachable'. `CrawlEnd.pages` counts the
 * portal pages fetched (any status; robots-disallowed URLs are recorded but not counted).
 * It throws only on a bad call (no http(s) URL, render 'all' without renderer) or when the sink or
 * onCheckpoint throws.
 */
export async function crawlSite(options: CrawlSiteOptions): Promise<CrawlEnd> {
  return new SiteCrawl(options).run();
}
