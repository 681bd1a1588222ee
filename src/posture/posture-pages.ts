import type { PageCapture, SiteCaptures } from '../core/index.ts';

/** Portal pages that loaded as HTML content: the pages whose headers and loads are judged. */
export function portalPages(site: SiteCaptures): PageCapture[] {
  return site.pages.filter(
    (p) => p.site === 'portal' && p.status === 'ok' && p.fetchedFor === undefined && isHtml(p),
  );
}

function isHtml(page: PageCapture): boolean {
  return page.contentType === null || /html/i.test(page.contentType);
}

/** The home page when it loaded, else the first portal page: whose response headers are judged. */
export function headerPage(site: SiteCaptures): PageCapture | undefined {
  const home = site.home;
  if (home && home.status === 'ok') return home;
  return portalPages(site)[0];
}

export function isHttps(url: string): boolean {
  return url.startsWith('https:');
}
