import { setTimeout as sleep } from 'node:timers/promises';
import { DelayedError, type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { InvalidRecordError } from '../recorder.ts';
import { bullConnection } from './connection.ts';
import { QUEUE_PREFIX } from './queue-names.ts';
import { RESULT_JOB_OPTIONS } from './results-sink.ts';

/** How long a coordinator's hold on a record outlives it when it is killed. */
export const RESULT_LOCK_MS = 15_000;

/** Handles one record from the results queue (writes it to the store); may be async. */
export type RecordHandler = (data: unknown) => void | Promise<void>;

/**
 * The coordinator's end of a campaign's results queue: one record at a time, in the order the
 * workers sent them (a site's pages before its crawl end). A record the recorder rejects as invalid
 * fails at once and stays in the failed set; other errors are retried.
 *
 * Order survives failures: a crawl end waits while an earlier record of its run is still waiting for
 * a retry, and records a killed coordinator was holding are put back at the head of the queue before
 * this one starts, so a run is never judged without all of its pages.
 */
export class ResultsConsumer {
  private readonly worker: Worker;
  readonly queue: Queue;

  constructor(redisUrl: string, queueName: string, handler: RecordHandler, onError: (e: Error) => void) {
    this.queue = new Queue(queueName, { connection: bullConnection(redisUrl), prefix: QUEUE_PREFIX });
    this.queue.on('error', onError);
    this.worker = new Worker(
      queueName,
      async (job: Job, token?: string) => {
        if (isCrawlEnd(job.data) && (await this.hasEarlierRecordOfRun(job))) {
          await job.moveToDelayed(Date.now() + 1000, token);
          throw new DelayedError();
        }
        try {
          await handler(job.data);
        } catch (error) {
          if (error instanceof InvalidRecordError) throw new UnrecoverableError(error.message);
          throw error;
        }
      },
      {
        connection: bullConnection(redisUrl),
        prefix: QUEUE_PREFIX,
        concurrency: 1,
        // Recording one record takes milliseconds: a short lock lets a restarted coordinator take back
        // the record a killed one was holding within seconds.
        lockDuration: RESULT_LOCK_MS,
        stalledInterval: 5000,
        maxStalledCount: 5,
        autorun: false,
      },
    );
    this.worker.on('error', onError);
    this.worker.on('failed', (job, error) => {
      const retried =
        job && error.name !== 'UnrecoverableError' && job.attemptsMade < (job.opts.attempts ?? 1);
      onError(
        new Error(
          `record ${retried ? 'not stored yet, will retry' : 'not stored'} (${job?.name}): ${error.message}`,
        ),
      );
    });
  }

  /** Starts consuming once records a stopped coordinator was holding are back in the queue. */
  async start(signal?: AbortSignal, onHeld?: (records: number) => void): Promise<void> {
    await this.takeBackOrphans(signal, onHeld);
    if (!signal?.aborted) void this.worker.run();
  }

  /**
   * Records left active by a coordinator that was killed while holding them. Each is moved back to
   * the head of the queue once its lock has expired (at most lockDuration after the kill); a live
   * coordinator renews its locks, so its records are never taken.
   */
  private async takeBackOrphans(signal?: AbortSignal, onHeld?: (records: number) => void): Promise<void> {
    const client = await this.queue.getBackend().client;
    let told = false;
    while (!signal?.aborted) {
      const active = await this.queue.getJobs(['active']);
      if (active.length === 0) return;
      if (!told) onHeld?.(active.length);
      told = true;
      for (const job of active) {
        if (job.id && (await client.get(`${this.queue.toKey(job.id)}:lock`)) === null) await job.moveToWait();
      }
      await sleep(500);
    }
  }

  /** A record of the same run that was sent earlier and is waiting for a retry. */
  private async hasEarlierRecordOfRun(end: Job): Promise<boolean> {
    const runId = (end.data as { runId?: unknown }).runId;
    const pending = await this.queue.getJobs(['active', 'delayed']);
    return pending.some(
      (job) =>
        job.id !== end.id && !isCrawlEnd(job.data) && (job.data as { runId?: unknown })?.runId === runId,
    );
  }

  /** Adds a record from the coordinator itself (an end for a failed job), deduplicated by id. */
  async addRecord(jobId: string, record: unknown): Promise<void> {
    await this.queue.add((record as { type?: string }).type ?? 'record', record, {
      ...RESULT_JOB_OPTIONS,
      jobId,
    });
  }

  /** Records waiting, being handled or waiting for a retry. */
  async backlog(): Promise<number> {
    const c = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return Object.values(c).reduce((a, b) => a + b, 0);
  }

  async close(): Promise<void> {
    await this.worker.close();
    await this.queue.close();
  }
}

function isCrawlEnd(data: unknown): boolean {
  return (data as { type?: unknown } | null)?.type === 'crawl-end';
}
