import { Redis } from 'ioredis';
import { type CliProcess, startCli } from '../campaign/cli-process.ts';
import { startRedis, type TestRedis } from '../helpers/redis.ts';
import { TreeCpuMeter } from './proc-stats.ts';
import { hostSites, type SiteHost } from './site-host.ts';

/**
 * The fleet the bench measures, all on this machine: a throwaway redis-server, the generated portals
 * (each on its own loopback port, so its own host for the fleet's politeness limits) served by a
 * child process, and W `portal-audit worker` processes started from the sources as the campaign tests
 * start them. Workers live for the whole phase, so Chromium and the Nu checker start once.
 */
export interface FleetCluster {
  redis: TestRedis;
  /** The bench's own client: INFO, MEMORY USAGE, queue pauses. */
  client: Redis;
  sites: SiteHost;
  workers: CliProcess[];
  /** One CPU meter per worker: its Node process, Chromium and the Nu checker's JVM. */
  workerCpu: TreeCpuMeter[];
  workerCpuMs(): number;
  close(): Promise<void>;
}

export async function startFleetCluster(opts: {
  portals: number;
  pages: number;
  workers: number;
  concurrency: number;
  log: (line: string) => void;
}): Promise<FleetCluster> {
  const redis = await startRedis();
  const client = new Redis(redis.url, { maxRetriesPerRequest: null });
  // Distinct names: pages differ between portals, as they would, so the artifact store cannot share them.
  const sites = await hostSites(
    Array.from({ length: opts.portals }, (_, i) => ({ pages: opts.pages, name: `Benchville ${i + 1}` })),
  );
  const workers = Array.from({ length: opts.workers }, () =>
    startCli(['worker', '--concurrency', String(opts.concurrency), '--lock-seconds', '30'], {
      REDIS_URL: redis.url,
    }),
  );
  try {
    await Promise.all(workers.map((w) => w.waitFor(/ready/, 180_000)));
  } catch (error) {
    await Promise.all(workers.map((w) => w.kill('SIGKILL')));
    await sites.close();
    client.disconnect();
    await redis.stop();
    throw error;
  }
  opts.log(`  ${opts.workers} worker(s) ready, ${opts.portals} portals of ${opts.pages} pages served`);
  const workerCpu = workers.map((w) => new TreeCpuMeter(w.pid));
  return {
    redis,
    client,
    sites,
    workers,
    workerCpu,
    workerCpuMs: () => workerCpu.reduce((sum, m) => sum + m.read(), 0),
    async close() {
      for (const m of workerCpu) m.stop();
      await Promise.all(workers.map((w) => w.kill('SIGTERM')));
      await sites.close();
      client.disconnect();
      await redis.stop();
    },
  };
}
