import type { FetchOutcome } from '../contracts.ts';
import type { Frontier, FrontierEntry } from '../frontier/frontier.ts';
import { isNonHtmlUrl } from '../frontier/trap-guard.ts';
import { type EvidenceLink, type EvidenceLinks, linkCheckTargets } from './link-check.ts';
import { type LoadedPage, loadPage, type PageLoadContext } from './load-page.ts';
import { type BuiltPage, blockedByRobotsOutcome } from './page-capture.ts';
import { runPool } from './run-pool.ts';

export interface LinkCheckDeps {
  /** Where loads go; its render options gather nothing but the page (no axe, screenshot, mobile). */
  load: PageLoadContext;
  /** The site is drawn by script: its pages are loaded in the browser (documents over HTTP). */
  app: boolean;
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
      const render = deps.app && site === 'portal' && !isNonHtmlUrl(new URL(target.url));
      const loaded = await loadPage(target.url, render, deps.load);
      if (deps.shouldStop()) return;
      built = deps.build(entry, site, loaded.outcome, loaded);
    }
    built.capture.fetchedFor = 'link-check';
    await deps.emit(built, site);
    recorded.add(target.url);
  }
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
