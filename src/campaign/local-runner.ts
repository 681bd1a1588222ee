import { setTimeout as sleep } from 'node:timers/promises';
import pLimit from 'p-limit';
import { BrowserRenderer } from '../../crawlers/browser/browser-renderer.ts';
import { findChromium } from '../../crawlers/browser/find-chromium.ts';
import { type HostLimiter, InProcessHostLimiter, type PageRenderer } from '../../crawlers/index.ts';
import { NuCheckerService } from '../../crawlers/validate/vnu-service.ts';
import { repositories, type Store, type StoredCampaign } from '../../db/index.ts';
import { backoffDelayMs, endAfterAttempts, isRetryableEnd } from '../../queue/fleet/retry-policy.ts';
import { Recorder } from '../../queue/recorder.ts';
import { runSiteJob } from '../../queue/run-site-job.ts';
import { buildLinkPrioritizer, getCatalog } from '../../rules/index.ts';
import {
  type CrawlEnd,
  type CrawlRecord,
  type LinkPrioritizer,
  type RecordSink,
  UserError,
} from '../core/index.ts';
import { type CampaignOptions, campaignOptionsOf } from './campaign-options.ts';
import { type PreparedRun, prepareRound, siteJobFor } from './rounds.ts';

export interface LocalRunOptions {
  store: Store;
  campaign: StoredCampaign;
  round: number;
  /** Sites crawled at once. */
  concurrency: number;
  signal?: AbortSignal;
  /** Called after each target is recorded. */
  onTargetDone?: (runId: number, end: CrawlEnd) => void;
  log?: (line: string) => void;
  /** Tests: a renderer shared across runs; otherwise one is started when the campaign renders. */
  renderer?: PageRenderer;
}

/** Sends page and site-artifact records to the recorder; keeps the crawl-end for the caller to decide. */
class HoldEndSink implements RecordSink {
  end: CrawlEnd | null = null;
  constructor(private readonly recorder: Recorder) {}
  async emit(record: CrawlRecord): Promise<void> {
    if (record.type === 'crawl-end') this.end = record.end;
    else this.recorder.write(record);
  }
}

/**
 * The campaign without Redis (embedded mode): the round's site jobs run in this process, `concurrency`
 * at a time, with the same runSiteJob, retry policy, recorder and evaluation as the fleet. Interrupted,
 * the runs in progress stay `running` (no end is recorded) and the next `campaign run` crawls them again.
 */
export async function runCampaignInProcess(
  options: LocalRunOptions,
  recordEnd: (runId: number, end: CrawlEnd) => void,
): Promise<{ crawled: number; interrupted: boolean }> {
  const { store, campaign, round } = options;
  const recorder = new Recorder(store);
  const campaignOptions = campaignOptionsOf(campaign);
  const pending = prepareRound(repositories(store), recorder, campaign, round);
  if (pending.length === 0) return { crawled: 0, interrupted: false };

  const renderer = options.renderer ?? startRenderer(campaignOptions, options.concurrency, options.log);
  const limiter = new InProcessHostLimiter();
  // One Nu checker for the whole round (started by the first site that validates).
  const markup = new NuCheckerService();
  const hints = new Map<string, LinkPrioritizer>();
  const linkHintsFor = (catalogId: string) => {
    let prioritizer = hints.get(catalogId);
    if (!prioritizer) {
      prioritizer = buildLinkPrioritizer(getCatalog(catalogId));
      hints.set(catalogId, prioritizer);
    }
    return prioritizer;
  };
  const limit = pLimit(Math.max(1, options.concurrency));
  let crawled = 0;
  try {
    await Promise.all(
      pending.map((prepared) =>
        limit(async () => {
          if (options.signal?.aborted) return;
          const end = await crawlWithRetries(prepared, {
            recorder,
            campaignOptions,
            limiter,
            renderer,
            linkHints: linkHintsFor(prepared.run.catalogId),
            validateMarkup: markup.validate,
            signal: options.signal,
          });
          if (!end) return;
          recordEnd(prepared.run.id, end);
          crawled++;
          options.onTargetDone?.(prepared.run.id, end);
        }),
      ),
    );
  } finally {
    await markup.close();
    if (!options.renderer) await renderer?.close();
  }
  return { crawled, interrupted: Boolean(options.signal?.aborted) };
}

interface CrawlContext {
  recorder: Recorder;
  campaignOptions: CampaignOptions;
  limiter: HostLimiter;
  renderer: PageRenderer | undefined;
  linkHints: LinkPrioritizer;
  validateMarkup: NuCheckerService['validate'];
  signal: AbortSignal | undefined;
}

/** Crawls one target, retrying transient home-page failures with backoff; null when interrupted. */
async function crawlWithRetries(prepared: PreparedRun, ctx: CrawlContext): Promise<CrawlEnd | null> {
  const policy = ctx.campaignOptions.retry;
  const job = siteJobFor(ctx.campaignOptions, prepared.target, prepared.run);
  for (let attempt = 1; ; attempt++) {
    const sink = new HoldEndSink(ctx.recorder);
    const end = await runSiteJob(job, {
      sink,
      renderer: ctx.renderer,
      hostLimiter: ctx.limiter,
      linkHints: ctx.linkHints,
      validateMarkup: ctx.validateMarkup,
      contactUrl: ctx.campaignOptions.contactUrl,
      signal: ctx.signal,
    });
    if (end.stopReason === 'interrupted') return null;
    if (isRetryableEnd(end) && attempt < policy.attempts) {
      try {
        await sleep(backoffDelayMs(policy, attempt), undefined, { signal: ctx.signal });
      } catch {
        return null;
      }
      continue;
    }
    return endAfterAttempts(end, attempt);
  }
}

function startRenderer(
  options: CampaignOptions,
  concurrency: number,
  log?: (line: string) => void,
): PageRenderer | undefined {
  if (options.render === 'none') return undefined;
  const executablePath = findChromium();
  if (!executablePath) {
    if (options.render === 'all')
      throw new UserError('This campaign renders every page (--render all) and no Chromium was found.');
    log?.('No Chromium found: pages are fetched over HTTP only (set CHROMIUM_PATH or install chromium).');
    return undefined;
  }
  return new BrowserRenderer({ executablePath, concurrency: Math.max(2, concurrency) });
}
