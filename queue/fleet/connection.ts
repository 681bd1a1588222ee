import type { ConnectionOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { UserError } from '../../src/core/index.ts';

/** `REDIS_URL`, trimmed; null when unset (embedded mode). */
export function redisUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string | null {
  const url = env.REDIS_URL?.trim();
  return url ? url : null;
}

export function requireRedisUrl(what: string, env: NodeJS.ProcessEnv = process.env): string {
  const url = redisUrlFromEnv(env);
  if (!url) {
    throw new UserError(
      `${what} needs Redis: set REDIS_URL (e.g. REDIS_URL=redis://queue-host:6379). See "Running a campaign on several machines" in the README.`,
    );
  }
  assertRedisUrl(url);
  return url;
}

export function assertRedisUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UserError(`REDIS_URL "${url}" is not a URL (expected redis://host:port or rediss://…)`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new UserError(`REDIS_URL must start with redis:// or rediss://, not ${parsed.protocol}`);
  }
}

/** Reconnect quickly and keep trying: a Redis restart must not end a worker or a coordinator. */
const retryStrategy = (times: number): number => Math.min(250 * times, 3000);

/**
 * BullMQ connection options for a Redis URL. `maxRetriesPerRequest: null` makes commands wait while
 * Redis is away (restart, failover) instead of failing, for producers as well as workers.
 */
export function bullConnection(url: string): ConnectionOptions {
  return { url, maxRetriesPerRequest: null, retryStrategy };
}

/** A plain ioredis client with the same reconnect behaviour; errors are reported, not thrown. */
export function createRedis(url: string, onError?: (error: Error) => void): Redis {
  const client = new Redis(url, { maxRetriesPerRequest: null, retryStrategy, lazyConnect: false });
  client.on('error', (error: Error) => onError?.(error));
  return client;
}
