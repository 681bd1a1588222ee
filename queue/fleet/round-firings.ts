import { randomUUID } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { bullConnection } from './connection.ts';
import { QUEUE_PREFIX, roundSchedulerId, roundsQueueName } from './queue-names.ts';

export interface RoundSchedule {
  pattern: string;
  tz: string | null;
  /** When the next firing is due (ms since epoch), when known. */
  next: number | null;
}

/**
 * A campaign's schedule of rounds, kept by a BullMQ job scheduler: every firing puts one job in the
 * campaign's rounds queue, and the coordinator (`campaign run --follow`, or the next `campaign run`)
 * takes the waiting firings and starts one new round for them. BullMQ adds the next firing only when
 * the current one is taken, so firings missed while no coordinator runs collapse into one.
 */
export class RoundFirings {
  private readonly queue: Queue;
  private taker: Worker | null = null;
  private readonly token = randomUUID();

  constructor(
    private readonly redisUrl: string,
    private readonly campaignKey: string,
  ) {
    this.queue = new Queue(roundsQueueName(campaignKey), {
      connection: bullConnection(redisUrl),
      prefix: QUEUE_PREFIX,
    });
    this.queue.on('error', () => {});
  }

  /** Creates or replaces the schedule. Throws on an invalid cron pattern. */
  async schedule(pattern: string, tz?: string): Promise<RoundSchedule> {
    await this.queue.upsertJobScheduler(
      roundSchedulerId(this.campaignKey),
      { pattern, ...(tz ? { tz } : {}) },
      {
        name: 'round',
        data: { campaignKey: this.campaignKey },
        opts: { removeOnComplete: 50, removeOnFail: 50 },
      },
    );
    return (await this.current()) ?? { pattern, tz: tz ?? null, next: null };
  }

  /** Removes the schedule and any firing not taken yet; false when there was none. */
  async unschedule(): Promise<boolean> {
    const removed = await this.queue.removeJobScheduler(roundSchedulerId(this.campaignKey));
    await this.queue.drain(true);
    return removed;
  }

  async current(): Promise<RoundSchedule | null> {
    const scheduler = await this.queue.getJobScheduler(roundSchedulerId(this.campaignKey));
    if (!scheduler?.pattern) return null;
    return { pattern: scheduler.pattern, tz: scheduler.tz ?? null, next: scheduler.next ?? null };
  }

  /** Takes every firing that is due; returns how many there were. */
  async takeDue(): Promise<number> {
    this.taker ??= new Worker(roundsQueueName(this.campaignKey), null, {
      connection: bullConnection(this.redisUrl),
      prefix: QUEUE_PREFIX,
      autorun: false,
    });
    let taken = 0;
    for (;;) {
      const job = await this.taker.getNextJob(this.token, { block: false });
      if (!job) return taken;
      await job.moveToCompleted('round started', this.token, false);
      taken++;
    }
  }

  async close(): Promise<void> {
    await this.taker?.close();
    await this.queue.close();
  }
}
