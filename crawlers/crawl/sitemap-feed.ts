import type { LinkPrioritizer, SitemapArtifact } from '../../src/core/index.ts';
import { type Frontier, linkPriority } from '../frontier/frontier.ts';
import type { RobotsPolicy } from '../frontier/robots.ts';
import { discoverSitemaps } from '../frontier/sitemaps.ts';
import type { PageLoadContext } from './load-page.ts';

/** Sitemap URLs put into the frontier (the artifact still counts all of them). */
export const MAX_SITEMAP_FEED = 500;

/**
 * Reads the XML sitemaps and feeds their same-site URLs into the frontier at low priority (depth 1,
 * linkPath home → URL), those whose URL matches a link hint first.
 */
export async function feedSitemaps(
  finalHomeUrl: string,
  homeUrl: string,
  robots: RobotsPolicy,
  ctx: PageLoadContext,
  frontier: Frontier,
  linkHints: LinkPrioritizer,
  isSameSite: (url: string) => boolean,
): Promise<SitemapArtifact> {
  const { artifact, urls } = await discoverSitemaps(finalHomeUrl, robots, ctx.http, ctx.limiter);
  const scored = urls
    .filter(isSameSite)
    .map((url) => ({ url, hint: linkHints({ url, text: '' }) }))
    .sort((a, b) => b.hint.score - a.hint.score);
  let fed = 0;
  for (const { url, hint } of scored) {
    if (fed >= MAX_SITEMAP_FEED) break;
    const added = frontier.add({
      url,
      depth: 1,
      linkPath: [
        { url: homeUrl, text: '' },
        { url, text: '' },
      ],
      priority: linkPriority({ hint, depth: 1, source: 'sitemap' }),
      hintScore: hint.score,
    });
    if (added === 'added') fed++;
  }
  return artifact;
}
