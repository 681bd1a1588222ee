import type { CapturedLink, PageCapture, SiteCaptures } from '../../src/core/index.ts';
import { memoizePerUrl, parseUrl } from './link-facts.ts';

/** The URL a page's evidence names: where the page ended up after redirects. */
export function pageUrlOf(page: PageCapture): string {
  return page.finalUrl || page.url;
}

/** Not a type guard on purpose: a page that failed is still a PageCapture worth reporting. */
export function isOk(page: PageCapture | undefined): boolean {
  return page?.status === 'ok';
}

/** The home page when it was captured successfully. */
export function okHome(site: SiteCaptures): PageCapture | undefined {
  return site.home?.status === 'ok' ? site.home : undefined;
}

/** Portal pages fetched ok, home first, then by depth (the order a reader would look). */
export function okPortalPages(site: SiteCaptures): PageCapture[] {
  const pages = site.pages.filter((p) => p.site === 'portal' && isOk(p) && p !== site.home);
  pages.sort((a, b) => a.depth - b.depth);
  const home = okHome(site);
  return home ? [home, ...pages] : pages;
}

/**
 * A comparison key for URLs: scheme, fragment, default port, trailing slash, tracking parameters
 * and query order do not matter (the crawler normalises URLs before it records them).
 */
export function urlKey(url: string): string {
  return keyOf(parseUrl(url), url);
}

/** urlKey of a parsed URL (the URL itself when it does not parse). */
function keyOf(u: URL | null, url: string): string {
  if (!u) return url;
  const params = [...u.searchParams.entries()]
    .filter(([name]) => !/^(utm_|fbclid$|gclid$)/i.test(name))
    .sort(([a], [b]) => a.localeCompare(b));
  const path = u.pathname.length > 1 ? u.pathname.replace(/\/+$/, '') : u.pathname;
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  return `${u.host.toLowerCase()}${path}${query}`;
}

/** urlKey of a link's target, once per distinct link. */
export const linkUrlKey: (link: CapturedLink) => string = memoizePerUrl(keyOf);

const indexes = new WeakMap<PageCapture[], Map<string, PageCapture>>();

function pageIndex(site: SiteCaptures): Map<string, PageCapture> {
  let index = indexes.get(site.pages);
  if (!index) {
    index = new Map();
    for (const page of site.pages) {
      for (const url of [page.url, page.finalUrl, ...page.redirects]) {
        const key = urlKey(url);
        const known = index.get(key);
        // Prefer a successful capture when a URL was recorded twice.
        if (!known || (!isOk(known) && isOk(page))) index.set(key, page);
      }
    }
    indexes.set(site.pages, index);
  }
  return index;
}

/** The captured page a URL leads to (by requested URL, final URL or a redirect hop), if any. */
export function findPage(site: SiteCaptures, url: string): PageCapture | undefined {
  if (!/^https?:/i.test(url)) return undefined;
  return pageIndex(site).get(urlKey(url));
}

/** findPage(site, link.href), with the link's URL key computed once. */
export function findLinkedPage(site: SiteCaptures, link: CapturedLink): PageCapture | undefined {
  if (!/^https?:/i.test(link.href)) return undefined;
  return pageIndex(site).get(linkUrlKey(link));
}

/** ISO 639-1 primary subtag: 'en-GB' → 'en'. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary ? primary : null;
}

/** The language a page is written in: detected from its text, else declared in <html lang>. */
export function pageLanguage(page: PageCapture): {
  language: string | null;
  source: 'detected' | 'declared' | null;
} {
  if (page.lang.detected) return { language: primaryLanguage(page.lang.detected), source: 'detected' };
  const declared = primaryLanguage(page.lang.declared);
  return declared ? { language: declared, source: 'declared' } : { language: null, source: null };
}
