import type { JobsOptions, Queue } from 'bullmq';
import type { CrawlEnd, CrawlRecord, RecordSink } from '../../src/core/index.ts';
import { toWireRecord } from './wire.ts';

/**
 * Results jobs are removed once recorded (the store has them); a record the coordinator could not
 * store stays in the failed set for inspection. Retries cover a store that is briefly busy.
 */
export const RESULT_JOB_OPTIONS: JobsOptions = {
  removeOnComplete: true,
  removeOnFail: { count: 5000 },
  attempts: 5,
  backoff: { type: 'fixed', delay: 2000 },
};

/**
 * The worker's RecordSink: page and site-artifact records go to the campaign's results queue as
 * soon as they are emitted (each add is acknowledged by Redis before the crawl moves on and
 * checkpoints); the crawl-end record is held back, because the worker decides after the crawl
 * whether it ends the target (recorded) or the job is retried or released.
 */
export class ResultsQueueSink implements RecordSink {
  private heldEnd: CrawlEnd | null = null;
  private open = true;

  constructor(
    private readonly queue: Queue,
    private readonly runId: number,
  ) {}

  async emit(record: CrawlRecord): Promise<void> {
    if (record.type === 'crawl-end') {
      this.heldEnd = record.end;
      return;
    }
    if (!this.open) return;
    await this.queue.add(record.type, toWireRecord(record), RESULT_JOB_OPTIONS);
  }

  get end(): CrawlEnd | null {
    return this.heldEnd;
  }

  /** Drops whatever is emitted from now on (the job was taken over; its new owner sends them). */
  close(): void {
    this.open = false;
  }

  async sendEnd(end: CrawlEnd): Promise<void> {
    await this.queue.add('crawl-end', { type: 'crawl-end', runId: this.runId, end }, RESULT_JOB_OPTIONS);
  }
}
