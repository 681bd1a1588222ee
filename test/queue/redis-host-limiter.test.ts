import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisHostLimiter } from '../../queue/fleet/redis-host-limiter.ts';
import { startRedis, type TestRedis } from '../helpers/redis.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Two limiters on two connections stand for two workers on two machines. */
describe('RedisHostLimiter (fleet-wide politeness)', () => {
  let redis: TestRedis;
  const clients: Redis[] = [];
  const limiter = (options: ConstructorParameters<typeof RedisHostLimiter>[1]) => {
    const client = new Redis(redis.url, { maxRetriesPerRequest: null });
    clients.push(client);
    return new RedisHostLimiter(client, options);
  };

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await redis?.stop();
  });

  it('keeps at most N requests in flight per host across limiters', async () => {
    const a = limiter({ maxPerHost: 2, delayMs: 0 });
    const b = limiter({ maxPerHost: 2, delayMs: 0 });
    let inFlight = 0;
    let peak = 0;
    const task = async () => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await sleep(30);
      inFlight--;
    };
    await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 ? a : b).run('portal.example:443', task)));
    expect(peak).toBe(2);
    // Other hosts are not held up by this one.
    expect(await a.run('other.example:443', async () => 'free')).toBe('free');
  });

  it('spaces request starts to one host over all limiters', async () => {
    const a = limiter({ delayMs: 150, maxPerHost: 4 });
    const b = limiter({ delayMs: 150, maxPerHost: 4 });
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        (i % 2 ? a : b).run('spaced.example:443', async () => {
          starts.push(Date.now());
        }),
      ),
    );
    starts.sort((x, y) => x - y);
    // Start times are reserved 150 ms apart in Redis; a task starts when its reply arrives, so one start
    // can lag its slot (a loaded machine) but the six together span at least five delays, less that lag.
    expect(starts.at(-1)! - starts[0]!).toBeGreaterThanOrEqual(5 * 150 - 100);
  });

  it('frees the slot of a worker that died mid-request after its lease', async () => {
    const dead = limiter({ maxPerHost: 1, delayMs: 0, leaseMs: 1000 });
    const alive = limiter({ maxPerHost: 1, delayMs: 0, leaseMs: 1000 });
    // A request that never ends stands for a killed worker.
    void dead.run('lease.example:443', () => new Promise(() => {}));
    await sleep(50);
    const t0 = Date.now();
    expect(await alive.run('lease.example:443', async () => 'got it')).toBe('got it');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(800);
  });

  it('uses no spacing for loopback hosts unless asked, and honours a raised delay', async () => {
    const a = limiter({ delayMs: 10_000 });
    const t0 = Date.now();
    for (let i = 0; i < 3; i++) await a.run('127.0.0.1:8080', async () => {});
    expect(Date.now() - t0).toBeLessThan(5000);
    a.setMinDelay('127.0.0.1:9090', 200);
    const starts: number[] = [];
    for (let i = 0; i < 3; i++) await a.run('127.0.0.1:9090', async () => void starts.push(Date.now()));
    expect(starts[2]! - starts[0]!).toBeGreaterThanOrEqual(390);
  });
});
