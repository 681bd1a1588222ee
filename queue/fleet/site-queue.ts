import { type JobsOptions, Queue } from 'bullmq';
import { bullConnection } from './connection.ts';
import type { FleetJobData } from './fleet-job.ts';
import { QUEUE_PREFIX, SITE_JOBS_QUEUE, siteJobId } from './queue-names.ts';
import type { RetryPolicy } from './retry-policy.ts';

export type SiteJobState = 'waiting' | 'active' | 'delayed' | 'completed' | 'failed' | 'unknown' | string;

/**
 * The producer side of the site-jobs queue, used by the coordinator. Job ids come from the run, so
 * enqueueing a run again is a no-op while its job exists; finished jobs are kept for two weeks so
 * that a coordinator restarted later does not enqueue a finished run again.
 */
export class SiteJobQueue {
  readonly queue: Queue;

  constructor(redisUrl: string) {
    this.queue = new Queue(SITE_JOBS_QUEUE, { connection: bullConnection(redisUrl), prefix: QUEUE_PREFIX });
    this.queue.on('error', () => {});
  }

  static jobOptions(campaignKey: string, runId: number, retry: RetryPolicy): JobsOptions {
    return {
      jobId: siteJobId(campaignKey, runId),
      attempts: retry.attempts,
      backoff: { type: 'exponential', delay: retry.backoffMs },
      removeOnComplete: { age: 14 * 24 * 3600 },
      removeOnFail: { age: 14 * 24 * 3600 },
    };
  }

  /** Adds the jobs that do not exist yet; returns how many were new. */
  async enqueue(campaignKey: string, retry: RetryPolicy, jobs: FleetJobData[]): Promise<number> {
    let added = 0;
    for (let i = 0; i < jobs.length; i += 200) {
      const batch = jobs.slice(i, i + 200);
      const before = await Promise.all(batch.map((j) => this.state(siteJobId(campaignKey, j.runId))));
      const fresh = batch.filter((_, k) => before[k] === 'unknown');
      if (fresh.length === 0) continue;
      await this.queue.addBulk(
        fresh.map((data) => ({
          name: 'site',
          data,
          opts: SiteJobQueue.jobOptions(campaignKey, data.runId, retry),
        })),
      );
      added += fresh.length;
    }
    return added;
  }

  state(jobId: string): Promise<SiteJobState> {
    return this.queue.getJobState(jobId);
  }

  async failedReason(jobId: string): Promise<string> {
    const job = await this.queue.getJob(jobId);
    return job?.failedReason || 'the site job failed';
  }

  async counts(): Promise<{ waiting: number; active: number; delayed: number; failed: number }> {
    const c = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
    return { waiting: c.waiting ?? 0, active: c.active ?? 0, delayed: c.delayed ?? 0, failed: c.failed ?? 0 };
  }

  workers(): Promise<number> {
    return this.queue.getWorkersCount();
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
