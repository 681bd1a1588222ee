import type { PageCapture, SiteCaptures } from '../../src/core/index.ts';
import type { Store } from '../client.ts';
import { repositories } from './index.ts';

/**
 * What a rule sees of one run (src/core/rule.ts), read from the store in four queries: the run and
 * its target, all pages, the run's axe rows, its site artifacts.
 */
export function loadSiteCaptures(store: Store, runId: number): SiteCaptures {
  const repos = repositories(store);
  const run = repos.runs.require(runId);
  const target = repos.targets.get(run.targetId);
  if (!target) throw new Error(`Run ${runId} points at a missing target ${run.targetId}`);
  const pages = repos.pages.listCaptures(runId);
  const site: SiteCaptures = {
    target: { url: target.url, level: target.level },
    home: findHome(pages, run.finalHomeUrl, run.homeUrl),
    pages,
    artifacts: repos.siteArtifacts.getAll(runId),
  };
  if (target.language !== undefined) site.target.language = target.language;
  return site;
}

/**
 * The page whose url or finalUrl is the final home URL or the home URL. A page requested at one of
 * them wins over one that merely redirected there.
 */
export function findHome(
  pages: readonly PageCapture[],
  finalHomeUrl: string | null,
  homeUrl: string,
): PageCapture | undefined {
  const wanted = finalHomeUrl ? [finalHomeUrl, homeUrl] : [homeUrl];
  for (const field of ['url', 'finalUrl'] as const) {
    for (const url of wanted) {
      const page = pages.find((p) => p[field] === url);
      if (page) return page;
    }
  }
  return undefined;
}
