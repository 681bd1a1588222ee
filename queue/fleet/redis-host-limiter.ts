import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import type { Redis } from 'ioredis';
import { type HostLimiter, isPrivateAddress } from '../../crawlers/index.ts';
import { QUEUE_PREFIX } from './queue-names.ts';

export interface RedisHostLimiterOptions {
  /** Requests in flight per host over the whole fleet. @default 2 */
  maxPerHost?: number;
  /** Minimum delay between request starts to one host over the whole fleet, ms. @default 500 */
  delayMs?: number;
  /** Delay for loopback and private hosts (tests, local fixtures). @default 0 */
  localDelayMs?: number;
  /**
   * A slot is leased, not owned: a worker killed mid-request frees its slot after this long.
   * Longer than any request (page timeout 30 s plus rendering). @default 90_000
   */
  leaseMs?: number;
  /** @default 'pa:host' */
  keyPrefix?: string;
}

/**
 * Takes a slot when fewer than ARGV[3] unexpired leases exist. Leases are members of a sorted set
 * scored by their expiry (Redis server time), so a slot held by a dead worker expires on its own.
 */
const ACQUIRE_SLOT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
  return 1
end
return 0`;

/**
 * Reserves the next start time for a host: max(now, previous reservation) and pushes the next one
 * ARGV[1] ms later. Returns how long the caller waits before starting.
 */
const RESERVE_START = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local nextStart = tonumber(redis.call('GET', KEYS[1]) or '0')
local start = math.max(now, nextStart)
local delay = tonumber(ARGV[1])
redis.call('SET', KEYS[1], start + delay, 'PX', start + delay - now + 1000)
return start - now`;

type LimiterRedis = Redis & {
  paAcquireHostSlot(key: string, token: string, leaseMs: number, max: number): Promise<number>;
  paReserveHostStart(key: string, delayMs: number): Promise<number>;
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Politeness across the fleet (DESIGN.md): at most N requests in flight per host and a minimum
 * delay between request starts, over all workers on all machines, kept in Redis.
 *
 * Written as two small Lua scripts rather than with rate-limiter-flexible: its windows are whole
 * seconds (a 500 ms spacing cannot be expressed) and its counters cannot expire the slot of a
 * crashed worker without also forgetting the live ones.
 */
export class RedisHostLimiter implements HostLimiter {
  private readonly redis: LimiterRedis;
  private readonly maxPerHost: number;
  private readonly delayMs: number;
  private readonly localDelayMs: number;
  private readonly leaseMs: number;
  private readonly prefix: string;
  private readonly raised = new Map<string, number>();
  private readonly id = randomBytes(6).toString('hex');
  private seq = 0;

  constructor(redis: Redis, options: RedisHostLimiterOptions = {}) {
    this.maxPerHost = Math.max(1, options.maxPerHost ?? 2);
    this.delayMs = Math.max(0, options.delayMs ?? 500);
    this.localDelayMs = Math.max(0, options.localDelayMs ?? 0);
    this.leaseMs = Math.max(1000, options.leaseMs ?? 90_000);
    this.prefix = options.keyPrefix ?? `${QUEUE_PREFIX}:host`;
    redis.defineCommand('paAcquireHostSlot', { numberOfKeys: 1, lua: ACQUIRE_SLOT });
    redis.defineCommand('paReserveHostStart', { numberOfKeys: 1, lua: RESERVE_START });
    this.redis = redis as LimiterRedis;
  }

  /** Raises (never lowers) the delay for one host in this process (robots.txt Crawl-delay). */
  setMinDelay(host: string, ms: number): void {
    this.raised.set(host, Math.max(this.raised.get(host) ?? 0, ms));
  }

  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const token = `${this.id}:${++this.seq}`;
    const slots = `${this.prefix}:${host}:slots`;
    for (let attempt = 0; ; attempt++) {
      if ((await this.redis.paAcquireHostSlot(slots, token, this.leaseMs, this.maxPerHost)) === 1) break;
      // Jittered, growing poll: a slot frees when a request to this host ends somewhere in the fleet.
      await sleep(Math.min(250, 20 * 2 ** Math.min(attempt, 4)) * (0.5 + Math.random()));
    }
    try {
      const wait = await this.redis.paReserveHostStart(`${this.prefix}:${host}:next`, this.delayFor(host));
      if (wait > 0) await sleep(wait);
      return await task();
    } finally {
      await this.redis.zrem(slots, token).catch(() => {});
    }
  }

  private delayFor(host: string): number {
    const base = isLocalHost(host) ? this.localDelayMs : this.delayMs;
    return Math.max(base, this.raised.get(host) ?? 0);
  }
}

function isLocalHost(host: string): boolean {
  const name = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  return isIP(name) !== 0 && isPrivateAddress(name);
}
