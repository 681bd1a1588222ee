import { Queue, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bullConnection } from '../../queue/fleet/connection.ts';
import { QUEUE_PREFIX, resultsQueueName } from '../../queue/fleet/queue-names.ts';
import { ResultsConsumer } from '../../queue/fleet/results-consumer.ts';
import { RESULT_JOB_OPTIONS } from '../../queue/fleet/results-sink.ts';
import { startRedis, type TestRedis } from '../helpers/redis.ts';
import { until } from '../helpers/until.ts';

const page = (runId: number, url: string) => ({ type: 'page', runId, url });
const end = (runId: number) => ({ type: 'crawl-end', runId });

/** What a consumer handled, in order, as "type runId url". */
function recording() {
  const seen: string[] = [];
  const handler = (data: unknown) => {
    const r = data as { type: string; runId: number; url?: string };
    seen.push([r.type, r.runId, r.url].filter((x) => x !== undefined).join(' '));
  };
  return { seen, handler };
}

describe('ResultsConsumer keeps a run’s pages before its crawl end', () => {
  let redis: TestRedis;
  const errors: Error[] = [];

  beforeAll(async () => {
    redis = await startRedis();
  }, 60_000);
  afterAll(async () => {
    await redis?.stop();
  });

  it('takes back a record a killed coordinator was holding before it records the crawl end', async () => {
    const name = resultsQueueName('orphan');
    const queue = new Queue(name, { connection: bullConnection(redis.url), prefix: QUEUE_PREFIX });
    await queue.add('page', page(1, '/a'), RESULT_JOB_OPTIONS);
    await queue.add('page', page(1, '/b'), RESULT_JOB_OPTIONS);
    await queue.add('crawl-end', end(1), RESULT_JOB_OPTIONS);

    // A coordinator that takes /a and dies holding it: its lock is never renewed nor released.
    let holding = false;
    const dying = new Worker(
      name,
      () => {
        holding = true;
        return new Promise(() => {});
      },
      { connection: bullConnection(redis.url), prefix: QUEUE_PREFIX, lockDuration: 1500, autorun: false },
    );
    void dying.run();
    expect(await until(() => holding)).toBe(true);
    await dying.close(true);
    // close(true) keeps renewing nothing; make sure the lock is the only thing left of it.
    expect(await queue.getActiveCount()).toBeGreaterThan(0);

    const { seen, handler } = recording();
    const consumer = new ResultsConsumer(redis.url, name, handler, (e) => errors.push(e));
    try {
      await consumer.start();
      expect(await until(() => seen.length === 3)).toBe(true);
      expect(seen).toEqual(['page 1 /a', 'page 1 /b', 'crawl-end 1']);
      expect(await consumer.backlog()).toBe(0);
    } finally {
      await consumer.close();
      await queue.close();
    }
  }, 60_000);

  it('holds a crawl end back while an earlier page of its run waits for a retry', async () => {
    const name = resultsQueueName('retry');
    const queue = new Queue(name, { connection: bullConnection(redis.url), prefix: QUEUE_PREFIX });
    const { seen, handler } = recording();
    let failures = 0;
    const consumer = new ResultsConsumer(
      redis.url,
      name,
      (data) => {
        // The store is busy the first time run 7's page comes.
        if ((data as { url?: string }).url === '/busy' && failures++ === 0)
          throw new Error('database is locked');
        handler(data);
      },
      (e) => errors.push(e),
    );
    try {
      await queue.add('page', page(7, '/busy'), RESULT_JOB_OPTIONS);
      await queue.add('page', page(8, '/other'), RESULT_JOB_OPTIONS);
      await queue.add('crawl-end', end(7), RESULT_JOB_OPTIONS);
      await queue.add('crawl-end', end(8), RESULT_JOB_OPTIONS);
      await consumer.start();
      expect(await until(() => seen.length === 4)).toBe(true);
      // Run 8 is not held up by run 7's retry; run 7 ends only after its page is stored.
      expect(seen.indexOf('crawl-end 8')).toBeLessThan(seen.indexOf('page 7 /busy'));
      expect(seen.indexOf('page 7 /busy')).toBeLessThan(seen.indexOf('crawl-end 7'));
      expect(failures).toBe(2);
      expect(errors.map((e) => e.message).join('\n')).not.toMatch(/not stored \(/);
    } finally {
      await consumer.close();
      await queue.close();
    }
  }, 60_000);
});
