import { describe, expect, it } from 'vitest';
import type { HostLimiter } from '../../crawlers/contracts.ts';
import { InProcessHostLimiter, withDelayControl } from '../../crawlers/http/host-limiter.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function measure(limiter: HostLimiter, host: string, n: number, taskMs: number) {
  let inFlight = 0;
  let maxInFlight = 0;
  const starts: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: n }, () =>
      limiter.run(host, async () => {
        starts.push(performance.now() - t0);
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await sleep(taskMs);
        inFlight--;
      }),
    ),
  );
  return { maxInFlight, starts: starts.sort((a, b) => a - b) };
}

describe('InProcessHostLimiter', () => {
  it('keeps at most 2 requests in flight per host by default', async () => {
    const { maxInFlight } = await measure(new InProcessHostLimiter({ delayMs: 0 }), 'www.city.gov', 8, 30);
    expect(maxInFlight).toBe(2);
  });

  it('lets different hosts run in parallel', async () => {
    const limiter = new InProcessHostLimiter({ maxPerHost: 1, delayMs: 0 });
    let inFlight = 0;
    let maxInFlight = 0;
    await Promise.all(
      ['a.gov', 'b.gov', 'c.gov'].map((h) =>
        limiter.run(h, async () => {
          maxInFlight = Math.max(maxInFlight, ++inFlight);
          await sleep(100);
          inFlight--;
        }),
      ),
    );
    // One per host, but all three hosts at once (timing-free, so a busy machine cannot make it flaky).
    expect(maxInFlight).toBe(3);
  });

  it('spaces request starts by the delay (public hosts), not for loopback', async () => {
    const limiter = new InProcessHostLimiter({ maxPerHost: 4, delayMs: 100 });
    const { starts } = await measure(limiter, 'www.city.gov', 4, 1);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(95);
    const local = await measure(limiter, '127.0.0.1:8080', 4, 1);
    expect(local.starts.at(-1)!).toBeLessThan(90);
  });

  it('raises a host delay with setMinDelay, also through a wrapped foreign limiter', async () => {
    const foreign: HostLimiter = { run: (_host, task) => task() };
    const wrapped = withDelayControl(foreign);
    wrapped.setMinDelay('127.0.0.1:9', 150);
    const { starts } = await measure(wrapped, '127.0.0.1:9', 3, 1);
    expect(starts[2]! - starts[0]!).toBeGreaterThanOrEqual(290);
  });

  it('releases the slot when a task throws', async () => {
    const limiter = new InProcessHostLimiter({ maxPerHost: 1, delayMs: 0 });
    await expect(limiter.run('x.gov', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run('x.gov', async () => 42)).resolves.toBe(42);
  });
});
