import robotsParser from 'robots-parser';
import { ROBOTS_TOKEN, type RobotsArtifact } from '../../src/core/index.ts';
import type { HostLimiter, HttpFetchOptions } from '../contracts.ts';
import { httpFetchText } from '../http/http-fetcher.ts';

/** Crawl-delay values above this are capped (seconds). */
export const MAX_CRAWL_DELAY_S = 10;
const ROBOTS_MAX_BYTES = 512 * 1024;
const ROBOTS_TIMEOUT_MS = 15_000;

/** robots.txt of one origin. Missing, unreadable or failing robots.txt allows everything. */
export interface RobotsPolicy {
  url: string;
  httpStatus: number | null;
  found: boolean;
  sitemaps: string[];
  /** Crawl-delay for our token in ms (capped), 0 when none. */
  crawlDelayMs: number;
  isAllowed(url: string): boolean;
}

export function robotsUrlFor(pageUrl: string): string {
  return new URL('/robots.txt', pageUrl).href;
}

/** Sitemap lines are meant to be absolute; relative ones are resolved, junk is dropped. */
function absoluteUrls(values: string[], base: string): string[] {
  const out = new Set<string>();
  for (const value of values) {
    try {
      const u = new URL(value.trim(), base);
      if (u.protocol === 'http:' || u.protocol === 'https:') out.add(u.href);
    } catch {
      // not a URL
    }
  }
  return [...out];
}

/** Parses robots.txt text for the origin of `robotsUrl` (exported for tests and reuse). */
export function parseRobots(robotsUrl: string, text: string, httpStatus: number | null): RobotsPolicy {
  const robot = robotsParser(robotsUrl, text);
  const delay = robot.getCrawlDelay(ROBOTS_TOKEN);
  return {
    url: robotsUrl,
    httpStatus,
    found: true,
    sitemaps: absoluteUrls(robot.getSitemaps(), robotsUrl),
    crawlDelayMs: delay && delay > 0 ? Math.min(delay, MAX_CRAWL_DELAY_S) * 1000 : 0,
    // undefined means "another origin": not governed by this file.
    isAllowed: (url) => robot.isAllowed(url, ROBOTS_TOKEN) !== false,
  };
}

function allowAll(robotsUrl: string, httpStatus: number | null): RobotsPolicy {
  return { url: robotsUrl, httpStatus, found: false, sitemaps: [], crawlDelayMs: 0, isAllowed: () => true };
}

export async function fetchRobots(
  pageUrl: string,
  fetchOptions: HttpFetchOptions,
  limiter?: HostLimiter,
): Promise<RobotsPolicy> {
  const url = robotsUrlFor(pageUrl);
  const options = {
    ...fetchOptions,
    maxBytes: ROBOTS_MAX_BYTES,
    timeoutMs: Math.min(fetchOptions.timeoutMs ?? ROBOTS_TIMEOUT_MS, ROBOTS_TIMEOUT_MS),
  };
  const host = new URL(url).host;
  const res = limiter
    ? await limiter.run(host, () => httpFetchText(url, options))
    : await httpFetchText(url, options);
  if (res.status !== 'ok' || res.text === null) return allowAll(url, res.httpStatus);
  return parseRobots(url, res.text, res.httpStatus);
}

export function robotsArtifact(policy: RobotsPolicy, homeUrl: string): RobotsArtifact {
  return {
    url: policy.url,
    httpStatus: policy.httpStatus,
    found: policy.found,
    sitemaps: policy.sitemaps,
    homeDisallowed: !policy.isAllowed(homeUrl),
  };
}

/**
 * robots.txt per origin, fetched once each (the portal's hosts and the external hosts of one-hop
 * pages). Applies Crawl-delay to the host limiter when it can.
 */
export class RobotsCache {
  private readonly policies = new Map<string, Promise<RobotsPolicy>>();

  constructor(
    private readonly fetchOptions: HttpFetchOptions,
    private readonly limiter?: HostLimiter,
  ) {}

  policyFor(pageUrl: string): Promise<RobotsPolicy> {
    const origin = new URL(pageUrl).origin;
    let policy = this.policies.get(origin);
    if (!policy) {
      policy = fetchRobots(pageUrl, this.fetchOptions, this.limiter).then((p) => {
        if (p.crawlDelayMs > 0) this.limiter?.setMinDelay?.(new URL(pageUrl).host, p.crawlDelayMs);
        return p;
      });
      this.policies.set(origin, policy);
    }
    return policy;
  }

  async isAllowed(url: string): Promise<boolean> {
    return (await this.policyFor(url)).isAllowed(url);
  }
}
