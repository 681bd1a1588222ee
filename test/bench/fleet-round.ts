import { writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import { artifactDirFor, openStore, repositories } from '../../db/index.ts';
import { QUEUE_PREFIX, resultsQueueName, SITE_JOBS_QUEUE } from '../../queue/fleet/queue-names.ts';
import { campaignOptionsOf } from '../../src/campaign/campaign-options.ts';
import { startCli } from '../campaign/cli-process.ts';
import { targetsCsv } from '../campaign/small-sites.ts';
import type { FleetCluster } from './fleet-cluster.ts';
import { dirBytes, redisKeyBytes, redisUsedMemory, StoreCounter, sqliteBytes } from './fleet-probe.ts';
import { TreeCpuMeter } from './proc-stats.ts';

export type FleetRender = 'none' | 'auto' | 'all';

export interface RoundSpec {
  name: string;
  render: FleetRender;
  portals: number;
  pages: number;
  markup: boolean;
  /**
   * Crawl first with the results queue paused (records pile up in Redis), then let the coordinator
   * drain them alone: its ceiling, and Redis bytes per waiting record. Otherwise coordinator and
   * workers run together, as in a campaign.
   */
  drain: boolean;
  /** `campaign run` processes on the store (the first queues the round, the others join it). @default 1 */
  coordinators?: number;
}

export interface RoundFigures {
  spec: RoundSpec;
  pages: number;
  renderedPages: number;
  /** Pages stored and judged per second by the coordinator (live: first page stored → last portal judged; drain: resume → last judged). */
  coordinatorPagesPerSec: number;
  coordinatorCpuMsPerPage: number;
  /** Pages crawled per second by all workers (first job taken → last job done). */
  workerPagesPerSec: number;
  workerCpuMsPerPage: number;
  crawlSeconds: number;
  storeSeconds: number;
  redisBytesPerQueuedSite: number;
  /** Drain rounds: records waiting when the crawl ended, and Redis bytes per waiting record. */
  recordsWaiting: number | null;
  redisBytesPerWaitingRecord: number | null;
  redisPeakUsedBytes: number;
  peakResultsBacklog: number;
  sqliteBytes: number;
  artifactBytes: number;
}

const POLL_MS = 250;

async function waitUntil(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`fleet bench: timed out waiting for ${what}`);
    await sleep(POLL_MS);
  }
}

async function createCampaign(cluster: FleetCluster, spec: RoundSpec, db: string, csv: string) {
  writeFileSync(
    csv,
    targetsCsv(cluster.sites.sites.slice(0, spec.portals).map((s) => ({ url: `${s.origin}/` }))),
  );
  const create = startCli([
    'campaign',
    'create',
    spec.name,
    '--targets',
    csv,
    '--db',
    db,
    '--allow-private',
    '--render',
    spec.render,
    '--max-pages',
    String(spec.pages),
    '--attempts',
    '1',
    ...(spec.markup ? [] : ['--no-markup']),
  ]);
  if ((await create.exited) !== 0) throw new Error(`campaign create failed:\n${create.output()}`);
  const store = openStore(db, { readonly: true });
  try {
    const campaign = repositories(store).campaigns.getByName(spec.name);
    if (!campaign) throw new Error(`campaign ${spec.name} was not created`);
    return campaignOptionsOf(campaign).queueKey;
  } finally {
    store.close();
  }
}

/** One campaign round over the cluster's first `spec.portals` portals, measured from outside. */
export async function runFleetRound(
  cluster: FleetCluster,
  spec: RoundSpec,
  dir: string,
  log: (line: string) => void,
): Promise<RoundFigures> {
  const db = `${dir}/${spec.name}.db`;
  const queueKey = await createCampaign(cluster, spec, db, `${dir}/${spec.name}.csv`);
  const connection = { url: cluster.redis.url };
  const siteJobs = new Queue(SITE_JOBS_QUEUE, { connection, prefix: QUEUE_PREFIX });
  const results = new Queue(resultsQueueName(queueKey), { connection, prefix: QUEUE_PREFIX });
  const redis = cluster.client;
  const counter = new StoreCounter(db);
  // Site jobs wait until the bench has weighed them; in a drain round records wait for the coordinator.
  await siteJobs.pause();
  if (spec.drain) await results.pause();
  // FLEET_COORDINATOR_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the coordinators.
  const nodeArgs = (process.env.FLEET_COORDINATOR_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const startCoordinator = () =>
    startCli(['campaign', 'run', spec.name, '--db', db], { REDIS_URL: cluster.redis.url }, nodeArgs);
  const coordinators = [startCoordinator()];
  const coordinator = coordinators[0]!;
  const meters: TreeCpuMeter[] = [];
  const coordinatorCpuMs = () => meters.reduce((sum, m) => sum + m.read(), 0);
  try {
    meters.push(new TreeCpuMeter(coordinator.pid));
    await waitUntil('the round to be queued', 120_000, async () => {
      if (coordinator.child.exitCode !== null)
        throw new Error(`coordinator exited:\n${coordinator.output()}`);
      return (await siteJobs.getWaitingCount()) >= spec.portals;
    });
    for (let k = 1; k < (spec.coordinators ?? 1); k++) {
      const extra = startCoordinator();
      coordinators.push(extra);
      meters.push(new TreeCpuMeter(extra.pid));
    }
    // Every coordinator consumes the results queue before the crawl starts: start-up stays out of the figures.
    await waitUntil('the coordinators to start', 120_000, async () => {
      for (const c of coordinators)
        if (c.child.exitCode !== null) throw new Error(`coordinator exited:\n${c.output()}`);
      return (await results.getWorkersCount()) >= coordinators.length;
    });
    const queued = await redisKeyBytes(redis, `${QUEUE_PREFIX}:${SITE_JOBS_QUEUE}:${queueKey}-run-*`);
    const memQueued = await redisUsedMemory(redis);
    let peakMem = memQueued;
    let peakBacklog = 0;
    let firstPageAt: number | null = null;
    let crawlEndAt: number | null = null;
    let workerCpuAtCrawlEnd = 0;

    const t0 = Date.now();
    const worker0 = cluster.workerCpuMs();
    const coord0 = coordinatorCpuMs();
    await siteJobs.resume();
    const sample = async () => {
      peakMem = Math.max(peakMem, await redisUsedMemory(redis));
      peakBacklog = Math.max(peakBacklog, await results.getWaitingCount());
      const counts = counter.read();
      if (firstPageAt === null && (counts?.pages ?? 0) > 0) firstPageAt = Date.now();
      if (crawlEndAt === null) {
        const c = await siteJobs.getJobCounts('waiting', 'active', 'delayed');
        if ((c.waiting ?? 0) + (c.active ?? 0) + (c.delayed ?? 0) === 0) {
          crawlEndAt = Date.now();
          workerCpuAtCrawlEnd = cluster.workerCpuMs();
        }
      }
      return counts;
    };

    let recordsWaiting: number | null = null;
    let bytesPerRecord: number | null = null;
    let storeStart = t0;
    let coordStart = coord0;
    if (spec.drain) {
      await waitUntil('the workers to crawl every portal', 1_800_000, async () => {
        await sample();
        return crawlEndAt !== null;
      });
      recordsWaiting = await results.getWaitingCount();
      const memFull = await redisUsedMemory(redis);
      peakMem = Math.max(peakMem, memFull);
      bytesPerRecord = recordsWaiting > 0 ? (memFull - memQueued) / recordsWaiting : null;
      log(
        `  ${spec.name}: crawled in ${((crawlEndAt! - t0) / 1000).toFixed(1)} s; ${recordsWaiting} records wait in Redis; the coordinator drains them`,
      );
      storeStart = Date.now();
      coordStart = coordinatorCpuMs();
      await results.resume();
    }
    let last = counter.read();
    await waitUntil('every portal to be judged', 1_800_000, async () => {
      const exited = coordinator.child.exitCode !== null;
      last = await sample();
      if (exited && (last?.evaluations ?? 0) < spec.portals)
        throw new Error(`coordinator exited early:\n${coordinator.output()}`);
      return (last?.evaluations ?? 0) >= spec.portals;
    });
    const coordEnd = coordinatorCpuMs();
    const judgedAt = last?.lastEvaluationAt ?? Date.now();
    if (crawlEndAt === null) {
      crawlEndAt = Date.now();
      workerCpuAtCrawlEnd = cluster.workerCpuMs();
    }
    for (const c of coordinators) {
      const code = await Promise.race([c.exited, sleep(30_000).then(() => 'timeout' as const)]);
      if (code !== 0) throw new Error(`coordinator ended with ${code}:\n${c.output().slice(-3000)}`);
    }
    const final = counter.read();
    counter.close();
    const pages = final?.pages ?? 0;
    const storeFrom = spec.drain ? storeStart : (firstPageAt ?? t0);
    const storeSeconds = Math.max(0.001, (judgedAt - storeFrom) / 1000);
    const crawlSeconds = Math.max(0.001, (crawlEndAt - t0) / 1000);
    return {
      spec,
      pages,
      renderedPages: final?.renderedPages ?? 0,
      coordinatorPagesPerSec: pages / storeSeconds,
      coordinatorCpuMsPerPage: (coordEnd - coordStart) / Math.max(1, pages),
      workerPagesPerSec: pages / crawlSeconds,
      workerCpuMsPerPage: (workerCpuAtCrawlEnd - worker0) / Math.max(1, pages),
      crawlSeconds,
      storeSeconds,
      redisBytesPerQueuedSite: queued.bytes / spec.portals,
      recordsWaiting,
      redisBytesPerWaitingRecord: bytesPerRecord,
      redisPeakUsedBytes: peakMem,
      peakResultsBacklog: peakBacklog,
      sqliteBytes: sqliteBytes(db),
      artifactBytes: dirBytes(artifactDirFor(db)),
    };
  } finally {
    for (const m of meters) m.stop();
    counter.close();
    await Promise.all(coordinators.map((c) => c.kill('SIGKILL')));
    await siteJobs.resume().catch(() => {});
    await Promise.allSettled([siteJobs.close(), results.close()]);
  }
}
