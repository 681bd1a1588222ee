import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  APP_JS,
  LOGO_SVG,
  newsJson,
  PHOTO_VARIANTS,
  pageHtml,
  pageIndexOf,
  pagePath,
  robotsTxt,
  SITE_CSS,
  searchResultsHtml,
  sitemapXml,
} from './fixture-site.ts';
import { patternPng } from './png.ts';

export interface BenchSite {
  origin: string;
  pages: number;
  /** Every page's URL, the home page first. */
  pageUrls: string[];
  /** HTML documents served so far (every hit, repeats included). */
  htmlHits: number;
  /** Average size of the pages' HTML in bytes (over all pages). */
  averagePageBytes(): number;
  close(): Promise<void>;
}

interface Asset {
  body: string | Buffer;
  type: string;
}

const CACHEABLE = 'public, max-age=3600';

function staticAssets(pages: number): Map<string, Asset> {
  const assets = new Map<string, Asset>([
    ['/assets/site.css', { body: SITE_CSS, type: 'text/css; charset=utf-8' }],
    ['/assets/app.js', { body: APP_JS, type: 'text/javascript; charset=utf-8' }],
    ['/assets/logo.svg', { body: LOGO_SVG, type: 'image/svg+xml' }],
    ['/assets/fonts/portal.woff2', { body: Buffer.alloc(24_000, 7), type: 'font/woff2' }],
    ['/api/news.json', { body: newsJson(pages), type: 'application/json' }],
  ]);
  for (let k = 0; k < PHOTO_VARIANTS; k++) {
    assets.set(`/assets/photo-${k}.png`, { body: patternPng(480, 270, k), type: 'image/png' });
  }
  return assets;
}

/**
 * Serves a generated portal of `pages` pages on 127.0.0.1 (free port). Pages are generated on first
 * request and kept (a 5,000-page site is about 320 MB of strings, so large sites keep only a window).
 */
export async function startBenchSite(pages: number, options: { name?: string } = {}): Promise<BenchSite> {
  const assets = staticAssets(pages);
  const cache = new Map<number, string>();
  const cacheLimit = 600;
  let origin = '';
  let htmlHits = 0;
  const html = (i: number): string => {
    let doc = cache.get(i);
    if (doc === undefined) {
      doc = pageHtml(i, pages, options.name);
      if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value as number);
      cache.set(i, doc);
    }
    return doc;
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://bench.invalid');
    const send = (status: number, type: string, body: string | Buffer, cache = false) => {
      res.writeHead(status, {
        'content-type': type,
        'content-length': Buffer.byteLength(body),
        ...(cache ? { 'cache-control': CACHEABLE } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const asset = assets.get(url.pathname);
    if (asset) return send(200, asset.type, asset.body, true);
    if (url.pathname === '/robots.txt') return send(200, 'text/plain; charset=utf-8', robotsTxt(origin));
    if (url.pathname === '/sitemap.xml') {
      return send(200, 'application/xml; charset=utf-8', sitemapXml(origin, pages));
    }
    if (url.pathname === '/search') {
      htmlHits++;
      return send(200, 'text/html; charset=utf-8', searchResultsHtml(url.searchParams.get('q') ?? '', pages));
    }
    const index = pageIndexOf(url.pathname);
    if (
      index !== null &&
      index < pages &&
      pagePath(index) === (url.pathname === '/index.html' ? '/' : url.pathname)
    ) {
      htmlHits++;
      return send(200, 'text/html; charset=utf-8', html(index));
    }
    send(
      404,
      'text/html; charset=utf-8',
      '<!doctype html><html lang="en"><title>Not found</title><h1>Not found</h1></html>',
    );
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    pages,
    pageUrls: Array.from({ length: pages }, (_, i) => `${origin}${pagePath(i)}`),
    get htmlHits() {
      return htmlHits;
    },
    averagePageBytes() {
      const sample = Math.min(pages, 200);
      let total = 0;
      for (let i = 0; i < sample; i++) total += Buffer.byteLength(pageHtml(i, pages, options.name));
      return total / sample;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
