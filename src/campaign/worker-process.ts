import { BrowserRenderer } from '../../crawlers/browser/browser-renderer.ts';
import { findChromium } from '../../crawlers/browser/find-chromium.ts';
import { NuCheckerService } from '../../crawlers/validate/vnu-service.ts';
import { createRedis } from '../../queue/fleet/connection.ts';
import { RedisHostLimiter } from '../../queue/fleet/redis-host-limiter.ts';
import { SiteWorker, type SiteWorkerEvent } from '../../queue/fleet/site-worker.ts';
import { buildLinkPrioritizer, getCatalog } from '../../rules/index.ts';
import type { LinkPrioritizer } from '../core/index.ts';

export interface WorkerProcessOptions {
  redisUrl: string;
  /** Sites at once. */
  concurrency: number;
  lockDurationMs?: number;
  contactUrl?: string;
  log: (line: string) => void;
}

/**
 * `portal-audit worker`: one fleet worker process. It needs only Redis (never the SQLite file): site
 * jobs come from the queue, records go to each campaign's results queue. It keeps one Chromium
 * (started on the first rendered page, retired after ~100 pages, relaunched after a crash), one Nu
 * markup checker (started on first use), one Redis-backed host limiter shared with the whole fleet,
 * and the link hints of each catalog. SIGTERM or SIGINT stops it gracefully: crawls in progress are
 * checkpointed and their jobs released for another worker; a second signal exits at once (the jobs
 * are then taken over after their lock ends).
 */
export async function runWorkerProcess(options: WorkerProcessOptions): Promise<void> {
  const { log } = options;
  const executablePath = findChromium();
  if (!executablePath) log('No Chromium found: rendered pages fall back to HTTP (set CHROMIUM_PATH).');
  const renderer = executablePath
    ? new BrowserRenderer({ executablePath, concurrency: Math.max(2, options.concurrency) })
    : undefined;
  const redis = createRedis(options.redisUrl, (error) => log(`redis: ${error.message}`));
  const hostLimiter = new RedisHostLimiter(redis);
  // One Nu checker for the worker's life (started by the first site that validates).
  const markup = new NuCheckerService();
  const hints = new Map<string, LinkPrioritizer>();
  const linkHintsFor = (catalogId: string): LinkPrioritizer => {
    let prioritizer = hints.get(catalogId);
    if (!prioritizer) {
      prioritizer = buildLinkPrioritizer(getCatalog(catalogId));
      hints.set(catalogId, prioritizer);
    }
    return prioritizer;
  };

  const worker = new SiteWorker({
    redisUrl: options.redisUrl,
    concurrency: options.concurrency,
    ...(options.lockDurationMs ? { lockDurationMs: options.lockDurationMs } : {}),
    crawlDeps: (job) => ({
      renderer,
      hostLimiter,
      linkHints: linkHintsFor(job.catalog),
      validateMarkup: markup.validate,
      contactUrl: job.contactUrl ?? options.contactUrl,
    }),
    onEvent: (event) => log(describe(event)),
  });

  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals++;
    if (signals > 1) {
      log(`${signal} again: exiting now; unfinished jobs are taken over when their lock expires.`);
      process.exit(130);
    }
    log(`${signal}: checkpointing the crawls in progress and releasing their jobs…`);
    // Each page has its own deadline; this one bounds the whole stop, whatever a crawl is waiting for.
    setTimeout(() => {
      log(
        `did not stop within ${SHUTDOWN_DEADLINE_MS / 1000} s: exiting; unfinished jobs are taken over when their lock expires.`,
      );
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    void worker.stop();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  try {
    await worker.waitUntilReady();
    log(
      `worker ${worker.name} ready: ${options.concurrency} site${options.concurrency === 1 ? '' : 's'} at a time, Chromium ${executablePath ?? 'none'}`,
    );
    await worker.run();
    await worker.stop();
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    await Promise.all([renderer?.close(), markup.close()]);
    redis.disconnect();
  }
  log('worker stopped');
}

/** A graceful stop (SIGTERM, Ctrl-C) that takes longer than this ends the process. */
const SHUTDOWN_DEADLINE_MS = 30_000;

function describe(event: SiteWorkerEvent): string {
  switch (event.type) {
    case 'started':
      return `${event.jobId} ${event.resumed ? 'resume' : 'start'} ${event.url}${event.attempt > 1 ? ` (attempt ${event.attempt})` : ''}`;
    case 'finished':
      return `${event.jobId} done ${event.end.outcome} ${event.end.stopReason} ${event.end.pages} pages`;
    case 'retrying':
      return `${event.jobId} ${event.end.outcome} on attempt ${event.attempt}: retried later`;
    case 'released':
      return `${event.jobId} released (checkpointed) ${event.url}`;
    case 'lock-lost':
      return `${event.jobId} lost its lock to another worker; stopped ${event.url}`;
    case 'failed':
      return `${event.jobId} failed: ${event.error}`;
    case 'error':
      return `error: ${event.error}`;
  }
}
