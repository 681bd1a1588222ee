import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchRobots, parseRobots, RobotsCache, robotsArtifact } from '../../crawlers/frontier/robots.ts';
import { discoverSitemaps, parseSitemap } from '../../crawlers/frontier/sitemaps.ts';
import { InProcessHostLimiter } from '../../crawlers/http/host-limiter.ts';
import { userAgent } from '../../src/core/index.ts';
import { html, startServer, type TestServer } from '../helpers/hostile-server.ts';
import { ANY_PRIVATE } from '../helpers/network.ts';

const fetchOptions = { userAgent: userAgent(), network: ANY_PRIVATE, timeoutMs: 5000 };

describe('parseRobots', () => {
  const robots = parseRobots(
    'https://www.city.gov/robots.txt',
    [
      'User-agent: *',
      'Disallow: /admin/',
      '',
      'User-agent: portal-audit',
      'Disallow: /search',
      'Crawl-delay: 60',
      '',
      'Sitemap: https://www.city.gov/sitemap_index.xml',
    ].join('\n'),
    200,
  );

  it('applies the group of our token', () => {
    expect(robots.isAllowed('https://www.city.gov/search?q=x')).toBe(false);
    expect(robots.isAllowed('https://www.city.gov/admin/')).toBe(true); // our group replaces '*'
    expect(robots.isAllowed('https://www.city.gov/contact')).toBe(true);
  });

  it('caps Crawl-delay at 10 s and lists sitemaps', () => {
    expect(robots.crawlDelayMs).toBe(10_000);
    expect(robots.sitemaps).toEqual(['https://www.city.gov/sitemap_index.xml']);
  });

  it('allows URLs of other origins (not governed by this file)', () => {
    expect(robots.isAllowed('https://other.example/search')).toBe(true);
  });
});

describe('robots.txt and sitemaps over HTTP', () => {
  let site: TestServer;
  let bare: TestServer;
  let failing: TestServer;

  beforeAll(async () => {
    site = await startServer(
      {
        '/sitemap_index.xml': (_req, res) => {
          res.writeHead(200, { 'content-type': 'application/xml' });
          res.end(`<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <sitemap><loc>${site.url('/sitemap-pages.xml')}</loc></sitemap>
            <sitemap><loc>${site.url('/sitemap-missing.xml')}</loc></sitemap></sitemapindex>`);
        },
        '/sitemap-pages.xml': (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/xml' });
          res.end(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <url><loc>${site.url('/a')}</loc></url>
            <url><loc><![CDATA[${site.url('/b?x=1&y=2')}]]></loc></url>
            <url><loc>${site.url('/c?x=1&amp;y=2')}</loc></url></urlset>`);
        },
      },
      { robots: 'User-agent: *\nDisallow: /private/\nCrawl-delay: 2\nSitemap: /sitemap_index.xml\n' },
    );
    bare = await startServer({});
    failing = await startServer({ '/robots.txt': (_req, res) => html(res, 'down', 503) });
  });
  afterAll(async () => {
    await Promise.all([site.close(), bare.close(), failing.close()]);
  });

  it('reads robots.txt and builds the artifact', async () => {
    const policy = await fetchRobots(site.url('/'), fetchOptions);
    expect(policy.found).toBe(true);
    expect(policy.isAllowed(site.url('/private/x'))).toBe(false);
    expect(policy.crawlDelayMs).toBe(2000);
    expect(robotsArtifact(policy, site.url('/'))).toEqual({
      url: site.url('/robots.txt'),
      httpStatus: 200,
      found: true,
      sitemaps: [site.url('/sitemap_index.xml')],
      homeDisallowed: false,
    });
  });

  it('allows everything when robots.txt is missing (404) or failing (503)', async () => {
    for (const server of [bare, failing]) {
      const policy = await fetchRobots(server.url('/'), fetchOptions);
      expect(policy.found).toBe(false);
      expect(policy.isAllowed(server.url('/anything'))).toBe(true);
    }
    expect((await fetchRobots(failing.url('/'), fetchOptions)).httpStatus).toBe(503);
  });

  it('caches per origin and raises the host delay for Crawl-delay', async () => {
    const limiter = new InProcessHostLimiter({ delayMs: 0, localDelayMs: 0 });
    const cache = new RobotsCache(fetchOptions, limiter);
    const before = site.hits.filter((h) => h === '/robots.txt').length;
    expect(await cache.isAllowed(site.url('/private/a'))).toBe(false);
    expect(await cache.isAllowed(site.url('/public'))).toBe(true);
    expect(site.hits.filter((h) => h === '/robots.txt').length).toBe(before + 1);
    // Two requests to the host are now spaced by the 2 s Crawl-delay.
    const starts: number[] = [];
    const t0 = Date.now();
    await Promise.all(
      [1, 2].map(() => limiter.run(new URL(site.origin).host, async () => starts.push(Date.now() - t0))),
    );
    expect(Math.max(...starts) - Math.min(...starts)).toBeGreaterThanOrEqual(1900);
  });

  it('follows sitemap indexes, records failures, decodes entities and CDATA', async () => {
    const policy = await fetchRobots(site.url('/'), fetchOptions);
    const { artifact, urls } = await discoverSitemaps(site.url('/'), policy, fetchOptions);
    expect(urls).toEqual([site.url('/a'), site.url('/b?x=1&y=2'), site.url('/c?x=1&y=2')]);
    expect(artifact.urlCount).toBe(3);
    expect(artifact.xml).toEqual([
      { url: site.url('/sitemap_index.xml'), httpStatus: 200, urlCount: 2 },
      { url: site.url('/sitemap-pages.xml'), httpStatus: 200, urlCount: 3 },
      { url: site.url('/sitemap-missing.xml'), httpStatus: 404, urlCount: 0 },
      { url: site.url('/sitemap.xml'), httpStatus: 404, urlCount: 0 },
    ]);
  });

  it('tries /sitemap.xml when robots.txt lists none', async () => {
    const policy = await fetchRobots(bare.url('/'), fetchOptions);
    const { artifact } = await discoverSitemaps(bare.url('/'), policy, fetchOptions);
    expect(artifact).toEqual({
      xml: [{ url: bare.url('/sitemap.xml'), httpStatus: 404, urlCount: 0 }],
      urlCount: 0,
    });
  });
});

describe('parseSitemap', () => {
  it('tells an index from a urlset and skips non-http locs', () => {
    expect(
      parseSitemap('<sitemapindex><sitemap><loc>/s1.xml</loc></sitemap></sitemapindex>', 'https://x.gov/'),
    ).toEqual({ index: true, locs: ['https://x.gov/s1.xml'] });
    expect(
      parseSitemap(
        '<urlset><url><loc>mailto:a@b</loc></url><url><loc> https://x.gov/p </loc></url></urlset>',
        'https://x.gov/',
      ),
    ).toEqual({
      index: false,
      locs: ['https://x.gov/p'],
    });
  });
});
