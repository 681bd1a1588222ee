import { type CrawlSiteOptions, crawlSite } from '../crawlers/index.ts';
import type { CrawlEnd } from '../src/core/index.ts';
import { parseSiteJob, type SiteJob } from './site-job.ts';

/** What the process running a job supplies: where records go and the shared browser, limiter and hints. */
export type SiteJobDeps = Omit<CrawlSiteOptions, 'runId' | 'url' | 'budget' | 'render' | 'allowPrivate'>;

/**
 * Runs one site job: the same code in the embedded runner and in fleet workers (DESIGN.md "Running modes").
 * The payload is validated first, so a malformed job fails before any request is made.
 */
export async function runSiteJob(job: SiteJob, deps: SiteJobDeps): Promise<CrawlEnd> {
  const valid = parseSiteJob(job);
  const { validateMarkup, ...rest } = deps;
  return crawlSite({
    ...rest,
    ...(validateMarkup && valid.validateMarkup !== false ? { validateMarkup } : {}),
    runId: valid.runId,
    url: valid.url,
    budget: valid.budget,
    render: valid.render,
    allowPrivate: valid.allowPrivate,
  });
}
