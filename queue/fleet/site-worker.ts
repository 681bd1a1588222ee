import { hostname } from 'node:os';
import { type Job, Queue, UnrecoverableError, WaitingError, Worker } from 'bullmq';
import type { CrawlEnd } from '../../src/core/index.ts';
import { runSiteJob, type SiteJobDeps } from '../run-site-job.ts';
import { bullConnection } from './connection.ts';
import { type FleetJobData, parseFleetJob, siteJobOf } from './fleet-job.ts';
import { QUEUE_PREFIX, SITE_JOBS_QUEUE } from './queue-names.ts';
import { ResultsQueueSink } from './results-sink.ts';
import { endAfterAttempts, isRetryableEnd } from './retry-policy.ts';

/** What the worker process supplies per job: browser, fleet limiter, the catalog's link hints, validator. */
export type CrawlDepsFor = (
  job: FleetJobData,
) => Omit<SiteJobDeps, 'sink' | 'signal' | 'resume' | 'onCheckpoint'>;

export interface SiteWorkerOptions {
  redisUrl: string;
  /** Sites crawled at once by this worker. @default 1 */
  concurrency?: number;
  /**
   * How long a job stays claimed without a renewal (renewed every half of it and at every page). A
   * killed worker's job is taken over after about this long plus one stalled check. @default 60_000
   */
  lockDurationMs?: number;
  /** @default `<hostname>:<pid>` */
  name?: string;
  crawlDeps: CrawlDepsFor;
  onEvent?: (event: SiteWorkerEvent) => void;
}

export type SiteWorkerEvent =
  | { type: 'started'; jobId: string; url: string; attempt: number; resumed: boolean }
  | { type: 'finished'; jobId: string; url: string; end: CrawlEnd }
  | { type: 'retrying'; jobId: string; url: string; end: CrawlEnd; attempt: number }
  | { type: 'released'; jobId: string; url: string }
  | { type: 'lock-lost'; jobId: string; url: string }
  | { type: 'failed'; jobId: string; error: string }
  | { type: 'error'; error: string };

export interface SiteJobResult {
  outcome: CrawlEnd['outcome'];
  stopReason: CrawlEnd['stopReason'];
  pages: number;
}

class TransientOutcomeError extends Error {
  override name = 'TransientOutcomeError';
}

/**
 * A fleet worker: takes site jobs from Redis and runs them with runSiteJob, sending records to the
 * campaign's results queue. It checkpoints the crawl into the job after every page and resumes from
 * the checkpoint when it takes over a job whose worker died. Stopping it aborts the crawls in
 * progress and puts their jobs back in the queue, checkpointed, for any worker to continue.
 */
export class SiteWorker {
  readonly name: string;
  private readonly worker: Worker;
  private readonly lockDurationMs: number;
  private readonly results = new Map<string, Queue>();
  private readonly crawls = new Map<string, AbortController>();
  private stopping: Promise<void> | null = null;

  constructor(private readonly options: SiteWorkerOptions) {
    this.name = options.name ?? `${hostname()}:${process.pid}`;
    this.lockDurationMs = Math.max(2000, options.lockDurationMs ?? 60_000);
    this.worker = new Worker(
      SITE_JOBS_QUEUE,
      (job: Job, token?: string, signal?: AbortSignal) => this.process(job, token, signal),
      {
        connection: bullConnection(options.redisUrl),
        prefix: QUEUE_PREFIX,
        name: this.name,
        concurrency: Math.max(1, options.concurrency ?? 1),
        lockDuration: this.lockDurationMs,
        stalledInterval: Math.min(30_000, this.lockDurationMs),
        // A job whose worker died twice is failed (the coordinator records it) instead of killing a third.
        maxStalledCount: 2,
        autorun: false,
      },
    );
    this.worker.on('failed', (job, error) => {
      if (error.name === 'WaitingError') return;
      this.emit({ type: 'failed', jobId: job?.id ?? '?', error: error.message });
    });
    this.worker.on('error', (error) => this.emit({ type: 'error', error: error.message }));
  }

  /** Starts taking jobs; resolves when the worker has stopped. */
  run(): Promise<void> {
    return this.worker.run();
  }

  waitUntilReady(): Promise<void> {
    return this.worker.waitUntilReady();
  }

  /**
   * Graceful stop: crawls in progress are aborted (each finishes or drops the page in flight; the
   * checkpoint of the last page is in the job) and their jobs go back to the queue.
   */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      for (const controller of this.crawls.values()) controller.abort(new Error('worker stopping'));
      await this.worker.close();
      await Promise.all([...this.results.values()].map((q) => q.close()));
    })();
    return this.stopping;
  }

  private async process(job: Job, token?: string, signal?: AbortSignal): Promise<SiteJobResult> {
    let data: FleetJobData;
    try {
      data = parseFleetJob(job.data);
    } catch (error) {
      throw new UnrecoverableError(`Invalid site job ${job.id}: ${String(error)}`);
    }
    const jobId = job.id ?? String(data.runId);
    const controller = new AbortController();
    const onCancel = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onCancel, { once: true });
    this.crawls.set(jobId, controller);
    if (this.stopping) controller.abort(new Error('worker stopping'));

    const sink = new ResultsQueueSink(this.resultsQueue(data.resultsQueue), data.runId);
    const attempt = job.attemptsMade + 1;
    let lockLost = false;
    this.emit({ type: 'started', jobId, url: data.url, attempt, resumed: Boolean(data.checkpoint) });
    try {
      const end = await runSiteJob(siteJobOf(data), {
        ...this.options.crawlDeps(data),
        sink,
        signal: controller.signal,
        ...(data.checkpoint ? { resume: data.checkpoint } : {}),
        onCheckpoint: async (checkpoint) => {
          if (lockLost) return;
          // Renewing the lock also proves this worker still owns the job before it writes.
          if (!token || (await job.extendLock(token, this.lockDurationMs)) !== 1) {
            lockLost = true;
            sink.close();
            controller.abort(new Error('lock lost'));
            return;
          }
          await job.updateData({ ...data, checkpoint });
        },
      });
      if (lockLost) {
        this.emit({ type: 'lock-lost', jobId, url: data.url });
        throw new Error(`Job ${jobId} was taken over by another worker`);
      }
      if (end.stopReason === 'interrupted') {
        await job.moveToWait(token);
        this.emit({ type: 'released', jobId, url: data.url });
        throw new WaitingError();
      }
      if (isRetryableEnd(end) && attempt < (job.opts.attempts ?? 1)) {
        this.emit({ type: 'retrying', jobId, url: data.url, end, attempt });
        throw new TransientOutcomeError(
          `${end.outcome} on attempt ${attempt}${end.message ? `: ${end.message}` : ''}`,
        );
      }
      const recorded = endAfterAttempts(end, attempt);
      await sink.sendEnd(recorded);
      this.emit({ type: 'finished', jobId, url: data.url, end: recorded });
      return { outcome: recorded.outcome, stopReason: recorded.stopReason, pages: recorded.pages };
    } finally {
      signal?.removeEventListener('abort', onCancel);
      this.crawls.delete(jobId);
    }
  }

  private resultsQueue(name: string): Queue {
    let queue = this.results.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: bullConnection(this.options.redisUrl), prefix: QUEUE_PREFIX });
      queue.on('error', (error) => this.emit({ type: 'error', error: error.message }));
      this.results.set(name, queue);
    }
    return queue;
  }

  private emit(event: SiteWorkerEvent): void {
    this.options.onEvent?.(event);
  }
}
