import { type ConnectionOptions, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { bullConnection } from './connection.ts';
import { isCampaignQueueName, QUEUE_PREFIX, SITE_JOBS_QUEUE } from './queue-names.ts';

/**
 * The queues a dashboard (bull-board in the review app) shows: the shared site-jobs queue and every
 * campaign's results and rounds queues found in Redis. Call it again to pick up campaigns created
 * since; close the queues when done.
 */
export async function dashboardQueues(connection: string | ConnectionOptions): Promise<Queue[]> {
  const options = typeof connection === 'string' ? bullConnection(connection) : connection;
  const names = [SITE_JOBS_QUEUE, ...(await campaignQueueNames(options))];
  return names.map((name) => new Queue(name, { connection: options, prefix: QUEUE_PREFIX }));
}

/** Names of the campaign queues that exist in Redis (a queue exists once it has a meta key). */
export async function campaignQueueNames(connection: string | ConnectionOptions): Promise<string[]> {
  const redis = openRedis(connection);
  redis.on('error', () => {});
  try {
    const names = new Set<string>();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${QUEUE_PREFIX}:*:meta`, 'COUNT', 500);
      cursor = next;
      for (const key of keys) {
        const name = key.slice(QUEUE_PREFIX.length + 1, -':meta'.length);
        if (isCampaignQueueName(name)) names.add(name);
      }
    } while (cursor !== '0');
    return [...names].sort();
  } finally {
    redis.disconnect();
  }
}

function openRedis(connection: string | ConnectionOptions): Redis {
  if (typeof connection === 'string') return new Redis(connection, { maxRetriesPerRequest: 3 });
  if (connection instanceof Redis) return connection.duplicate();
  const { url, ...rest } = connection as { url?: string } & Record<string, unknown>;
  const options = { ...rest, maxRetriesPerRequest: 3 };
  return url ? new Redis(url, options) : new Redis(options);
}
