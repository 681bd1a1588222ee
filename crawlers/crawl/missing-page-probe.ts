import { randomBytes } from 'node:crypto';
import { extractPage } from '../extract/extract-page.ts';
import { hostOf } from '../frontier/normalize-url.ts';
import { httpFetch } from '../http/http-fetcher.ts';
import type { PageLoadContext } from './load-page.ts';
import type { SoftNotFoundCheck } from './soft-404.ts';

/** A path no site has: what the site answers there is what its "not found" page looks like. */
export function madeUpUrl(homeUrl: string): string {
  return new URL(`/portal-audit-missing-${randomBytes(4).toString('hex')}`, homeUrl).href;
}

/**
 * Asks the site for an address that does not exist, over HTTP and, for a site drawn by script, in
 * the browser, and gives the check what an HTTP 200 answer shows. A site that answers 404 needs no
 * reference: its missing pages say so in their status.
 */
export async function probeMissingPage(
  homeUrl: string,
  ctx: PageLoadContext,
  options: {
    render: boolean;
    isAllowed: (url: string) => Promise<boolean>;
    isSameSite: (url: string) => boolean;
  },
  check: SoftNotFoundCheck,
): Promise<void> {
  const url = madeUpUrl(homeUrl);
  if (!(await options.isAllowed(url))) return;
  const host = hostOf(url);
  const http = await ctx.limiter.run(host, () => httpFetch(url, ctx.http));
  if (http.status === 'ok' && http.html !== null) {
    check.addMissingPage(url, extractPage(http.html, http.finalUrl, { isSameSite: options.isSameSite }).text);
  }
  const renderer = ctx.renderer;
  if (!options.render || !renderer) return;
  const rendered = await ctx.limiter
    .run(host, () =>
      renderer.render(url, {
        ...ctx.renderOptions,
        axe: false,
        screenshot: false,
        mobile: false,
        measure: false,
      }),
    )
    .catch(() => null);
  if (rendered?.status === 'ok') check.addMissingPage(url, rendered.visibleText);
}
