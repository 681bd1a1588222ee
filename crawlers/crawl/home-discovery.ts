import type {
  ArtifactBytes,
  LinkPrioritizer,
  PageCapture,
  SearchProbeArtifact,
  SitemapArtifact,
} from '../../src/core/index.ts';
import type { Frontier } from '../frontier/frontier.ts';
import type { RobotsCache } from '../frontier/robots.ts';
import type { PageLoadContext } from './load-page.ts';
import { probeMissingPage } from './missing-page-probe.ts';
import { probeSearch } from './search-probe.ts';
import { feedSitemaps } from './sitemap-feed.ts';
import type { SoftNotFoundCheck } from './soft-404.ts';

export interface HomeDiscoveryInput {
  homeUrl: string;
  /** Where the home page ended up (after redirects). */
  finalUrl: string;
  home: PageCapture;
  /** The home page's HTML: the rendered DOM when it was rendered, else the served markup. */
  homeHtml: string;
  /** The site is crawled as an app (in the browser). */
  app: boolean;
  robots: RobotsCache;
  portal: Frontier;
  linkHints: LinkPrioritizer;
  isSameSite: (url: string) => boolean;
  load: PageLoadContext;
  /** Loads that gather nothing but the page. */
  bareLoad: PageLoadContext;
  softNotFound: SoftNotFoundCheck;
  progress: (phase: 'discover' | 'probe') => void;
}

export type SearchProbeFound = { artifact: SearchProbeArtifact; artifacts: ArtifactBytes[] } | null;

export interface HomeDiscovery {
  sitemap: SitemapArtifact;
  /**
   * How the site search answers: still running when discoverFromHome returns (it changes nothing the
   * pages need, so it runs alongside the first pages). Never rejects: a failure is `{ error }`.
   */
  searchProbe: Promise<{ found: SearchProbeFound } | { error: unknown }>;
}

/**
 * What the crawl learns around its home page: the XML sitemaps (their URLs go into the frontier),
 * what a made-up address of the site shows (for soft 404s, which every page's capture needs), and,
 * started here but awaited after the pages, how the site search answers.
 */
export async function discoverFromHome(input: HomeDiscoveryInput): Promise<HomeDiscovery> {
  const { finalUrl, isSameSite } = input;
  input.progress('discover');
  const finalRobots = await input.robots.policyFor(finalUrl);
  const sitemap = await feedSitemaps(
    finalUrl,
    input.homeUrl,
    finalRobots,
    input.load,
    input.portal,
    input.linkHints,
    isSameSite,
  );
  input.progress('probe');
  const isAllowed = (url: string) => input.robots.isAllowed(url);
  await probeMissingPage(
    finalUrl,
    input.bareLoad,
    { render: input.app, isAllowed, isSameSite },
    input.softNotFound,
  );
  const searchProbe = probeSearch(input.home, input.homeHtml, {
    ...input.load,
    isSameSite,
    spa: input.app,
  }).then(
    (found) => ({ found }),
    (error: unknown) => ({ error }),
  );
  return { sitemap, searchProbe };
}
