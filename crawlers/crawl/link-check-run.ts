import type { FetchOutcome } from '../contracts.ts';
import { extractPage } from '../extract/extract-page.ts';
import type { Frontier, FrontierEntry } from '../frontier/frontier.ts';
import { isNonHtmlUrl } from '../frontier/trap-guard.ts';
import { type EvidenceLink, type EvidenceLinks, linkCheckTargets } from './link-check.ts';
import { type LoadedPage, loadPage, type PageLoadContext } from './load-page.ts';
import { type BuiltPage, blockedByRobotsOutcome } from './page-capture.ts';
import { runPool } from './run-pool.ts';
import { isEmptyShell } from './spa.ts';

export interface LinkCheckDeps {
  /** Where loads go; its render options gather nothing but the page (no axe, screenshot, mobile). */
  load: PageLoadContext;
  /** The site is drawn by script: its pages may need the browser (see loadTarget). */
  app: boolean;
  /** The text of the home page as served (before scripts), when known: what an app serves for any address. */
  servedHomeText: string | null;
  concurrency: number;
  isSameSite(url: string): boolean;
  isAllowed(url: string): Promise<boolean>;
  build(
    entry: FrontierEntry,
    site: 'portal' | 'external',
    outcome: FetchOutcome,
    loaded: LoadedPage | null,
  ): BuiltPage;
  emit(built: BuiltPage, site: 'portal' | 'external'): Promise<void>;
  shouldStop(): boolean;
}

/**
 * Fetches the targets of evidence links the crawl did not reach, once each, and records them as
 * pages with `fetchedFor: 'link-check'` (status ok, not_html for a live document, http_4xx,
 * soft_404…), so that a rule counts a link only when its target is content. Their own links are not
 * followed. Returns the URLs recorded.
 */
export async function runLinkChecks(
  targets: readonly EvidenceLink[],
  deps: LinkCheckDeps,
): Promise<Set<string>> {
  const queue = [...targets];
  const recorded = new Set<string>();
  await runPool(Math.max(1, deps.concurrency), () => {
    if (deps.shouldStop()) return null;
    const target = queue.shift();
    return target ? () => check(target) : null;
  });
  return recorded;

  async function check(target: EvidenceLink): Promise<void> {
    const entry: FrontierEntry = {
      url: target.url,
      depth: target.depth,
      linkPath: target.linkPath,
      priority: 0,
      hintScore: target.score,
    };
    const site = deps.isSameSite(target.url) ? 'portal' : 'external';
    let built: BuiltPage;
    if (!(await deps.isAllowed(target.url))) {
      built = deps.build(entry, site, blockedByRobotsOutcome(target.url), null);
    } else {
      const loaded = await loadTarget(target.url, site, deps);
      if (deps.shouldStop()) return;
      built = deps.build(entry, site, loaded.outcome, loaded);
    }
    built.capture.fetchedFor = 'link-check';
    await deps.emit(built, site);
    recorded.add(target.url);
  }
}

/**
 * A link target over HTTP; on a site drawn by script, in the browser when what HTTP brings cannot
 * tell: an empty shell, or the very page the home address served (such a site answers any address
 * with it, found or not: only its script tells them apart). A target served with content of its own
 * is judged from it, as the browser would add only what scripts draw around it.
 */
async function loadTarget(
  url: string,
  site: 'portal' | 'external',
  deps: LinkCheckDeps,
): Promise<LoadedPage> {
  if (!deps.app || site !== 'portal' || isNonHtmlUrl(new URL(url))) return loadPage(url, false, deps.load);
  if (deps.servedHomeText === null) return loadPage(url, true, deps.load);
  const served = await loadPage(url, false, deps.load);
  const { status, html, finalUrl } = served.outcome;
  if (status !== 'ok' || html === null) return served;
  const extract = extractPage(html, finalUrl, { isSameSite: deps.isSameSite });
  if (isEmptyShell(html, extract) || extract.text === deps.servedHomeText)
    return loadPage(url, true, deps.load);
  return { ...served, extract };
}

/**
 * The link checks after a crawl: picks at most `max` targets (see linkCheckTargets), fetches them,
 * and settles the frontier entries it took: fetched ones are done (not counted against the page
 * budget), the others, when the crawl was stopped, go back to pending.
 */
export async function checkLinksAfterCrawl(
  crawl: {
    evidence: EvidenceLinks;
    portal: Frontier;
    external: Frontier;
    max: number;
    onStart(url: string): void;
  },
  deps: LinkCheckDeps,
): Promise<void> {
  const { targets, fromFrontier } = linkCheckTargets(crawl.evidence, crawl.portal, crawl.external, crawl.max);
  if (targets.length === 0) return;
  crawl.onStart(targets[0]!.url);
  const recorded = await runLinkChecks(targets, deps);
  for (const { url } of fromFrontier) {
    if (recorded.has(url)) crawl.portal.complete(url, { counted: false });
    else crawl.portal.release(url);
  }
}
