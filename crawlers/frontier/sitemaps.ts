import type { SitemapArtifact } from '../../src/core/index.ts';
import type { HostLimiter, HttpFetchOptions } from '../contracts.ts';
import { httpFetchText } from '../http/http-fetcher.ts';
import type { RobotsPolicy } from './robots.ts';

export const SITEMAP_LIMITS = { maxFiles: 5, maxUrls: 5000, maxBytes: 10 * 1024 * 1024 } as const;

export interface SitemapDiscovery {
  artifact: SitemapArtifact;
  /** Page URLs listed (absolute, http(s), deduplicated, capped). */
  urls: string[];
}

const LOC = /<(?:\w+:)?loc>\s*(?:<!\[CDATA\[)?\s*([^<]*?)\s*(?:\]\]>)?\s*<\/(?:\w+:)?loc>/gi;

function decodeXmlEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Parses a sitemap or sitemap index: `<loc>` values and which kind of file it is. */
export function parseSitemap(xml: string, base: string): { index: boolean; locs: string[] } {
  const index = /<(?:\w+:)?sitemapindex[\s>]/i.test(xml);
  const locs: string[] = [];
  for (const m of xml.matchAll(LOC)) {
    try {
      const u = new URL(decodeXmlEntities(m[1] ?? ''), base);
      if (u.protocol === 'http:' || u.protocol === 'https:') locs.push(u.href);
    } catch {
      // not a URL: skip
    }
  }
  return { index, locs };
}

/**
 * Finds and reads XML sitemaps: `Sitemap:` lines of robots.txt and /sitemap.xml, following sitemap
 * indexes, within SITEMAP_LIMITS. Never throws; failures are recorded with their HTTP status.
 */
export async function discoverSitemaps(
  homeUrl: string,
  robots: RobotsPolicy,
  fetchOptions: HttpFetchOptions,
  limiter?: HostLimiter,
): Promise<SitemapDiscovery> {
  const queue = [...robots.sitemaps, new URL('/sitemap.xml', homeUrl).href];
  const tried = new Set<string>();
  const urls = new Set<string>();
  const xml: SitemapArtifact['xml'] = [];
  const options = { ...fetchOptions, maxBytes: SITEMAP_LIMITS.maxBytes };

  while (queue.length > 0 && xml.length < SITEMAP_LIMITS.maxFiles && urls.size < SITEMAP_LIMITS.maxUrls) {
    const url = queue.shift()!;
    if (tried.has(url)) continue;
    tried.add(url);
    let host: string;
    try {
      host = new URL(url).host;
    } catch {
      continue;
    }
    const res = limiter
      ? await limiter.run(host, () => httpFetchText(url, options))
      : await httpFetchText(url, options);
    if (res.status !== 'ok' || res.text === null) {
      xml.push({ url, httpStatus: res.httpStatus, urlCount: 0 });
      continue;
    }
    const { index, locs } = parseSitemap(res.text, res.finalUrl);
    xml.push({ url, httpStatus: res.httpStatus, urlCount: locs.length });
    if (index) {
      queue.unshift(...locs.filter((loc) => !tried.has(loc)));
      continue;
    }
    for (const loc of locs) {
      if (urls.size >= SITEMAP_LIMITS.maxUrls) break;
      urls.add(loc);
    }
  }
  return { artifact: { xml, urlCount: urls.size }, urls: [...urls] };
}
