import { type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import { InvalidRecordError } from '../recorder.ts';
import { bullConnection } from './connection.ts';
import { QUEUE_PREFIX } from './queue-names.ts';
import { RESULT_JOB_OPTIONS } from './results-sink.ts';

/** Handles one record from the results queue (writes it to the store); may be async. */
export type RecordHandler = (data: unknown) => void | Promise<void>;

/**
 * The coordinator's end of a campaign's results queue: one record at a time, in the order the
 * workers sent them (a site's pages before its crawl end). A record the recorder rejects as invalid
 * fails at once and stays in the failed set; other errors are retried.
 */
export class ResultsConsumer {
  private readonly worker: Worker;
  readonly queue: Queue;

  constructor(redisUrl: string, queueName: string, handler: RecordHandler, onError: (e: Error) => void) {
    this.queue = new Queue(queueName, { connection: bullConnection(redisUrl), prefix: QUEUE_PREFIX });
    this.queue.on('error', onError);
    this.worker = new Worker(
      queueName,
      async (job: Job) => {
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
        lockDuration: 15_000,
        stalledInterval: 5000,
        maxStalledCount: 5,
        autorun: false,
      },
    );
    this.worker.on('error', onError);
    this.worker.on('failed', (job, error) =>
      onError(new Error(`record not stored (${job?.name}): ${error.message}`)),
    );
  }

  start(): void {
    void this.worker.run();
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
