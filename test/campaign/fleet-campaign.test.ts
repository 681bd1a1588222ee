import { writeFileSync } from 'node:fs';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, repositories } from '../../db/index.ts';
import { QUEUE_PREFIX, SITE_JOBS_QUEUE } from '../../queue/fleet/queue-names.ts';
import { runCampaignCommand } from '../../src/campaign/commands/run.ts';
import { page, startServer, type TestServer } from '../helpers/hostile-server.ts';
import { startRedis, type TestRedis } from '../helpers/redis.ts';
import { runCli, tempWorkdir } from '../helpers/run-cli.ts';
import { roundResults } from './campaign-results.ts';
import { type CliProcess, startCli } from './cli-process.ts';
import { type SmallSites, startSmallSites, targetsCsv } from './small-sites.ts';

/**
 * A campaign of 23 targets on 127.0.0.1 — 20 small portals, one refusing connections (transient:
 * retried, then recorded), one disallowing everything in robots.txt and one answering 404
 * (permanent: recorded at once) — run in-process, then by two worker processes through a real
 * Redis, then again with the coordinator killed (-9) mid-round and restarted.
 */
describe('campaign on a worker fleet', () => {
  let redis: TestRedis;
  let sites: SmallSites;
  let blocked: TestServer;
  let missing: TestServer;
  let refused: string;
  const work = tempWorkdir('pa-fleet-');
  const db = work.path('fleet.db');
  const csv = work.path('targets.csv');
  let workers: CliProcess[] = [];
  const savedRedisUrl = process.env.REDIS_URL;

  beforeAll(async () => {
    redis = await startRedis();
    sites = await startSmallSites(20);
    blocked = await startServer(
      { '/': page('Blocked', 'No robots') },
      { robots: 'User-agent: *\nDisallow: /\n' },
    );
    missing = await startServer({}, {});
    const closed = await startServer({});
    refused = `${closed.origin}/`;
    await closed.close();
    writeFileSync(
      csv,
      targetsCsv([
        ...sites.homes.map((url, i) => ({ url, country: i % 2 ? 'FRA' : 'ITA', city: `City ${i}` })),
        { url: refused },
        { url: `${blocked.origin}/` },
        { url: `${missing.origin}/` },
      ]),
    );
    const flags = [
      '--allow-private',
      '--render',
      'none',
      '--no-markup',
      '--attempts',
      '2',
      '--retry-delay',
      '0.2',
    ];
    for (const name of ['inproc', 'fleet', 'restart']) {
      const created = await runCli(['campaign', 'create', name, '--targets', csv, '--db', db, ...flags]);
      expect(created.stderr).toBe('');
      expect(created.code).toBe(0);
    }
  }, 240_000);

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.kill('SIGTERM')));
    if (savedRedisUrl === undefined) delete process.env.REDIS_URL;
    else process.env.REDIS_URL = savedRedisUrl;
    await Promise.all([sites?.close(), blocked?.close(), missing?.close()]);
    await redis?.stop();
    work.cleanup();
  });

  const results = (name: string) => {
    const store = openStore(db, { readonly: true });
    try {
      return roundResults(store, name, 1, (url) => url);
    } finally {
      store.close();
    }
  };

  it('runs in-process without Redis and records every target, failures included', async () => {
    delete process.env.REDIS_URL;
    expect(await runCampaignCommand('inproc', { db, concurrency: 3 })).toBe(0);
    const inproc = results('inproc');
    expect(Object.keys(inproc)).toHaveLength(23);
    expect(inproc[refused]).toMatchObject({
      status: 'finished',
      outcome: 'connection_refused',
      stopReason: 'unreachable',
    });
    expect(inproc[`${blocked.origin}/`]).toMatchObject({
      outcome: 'blocked_by_robots',
      stopReason: 'unreachable',
    });
    expect(inproc[`${missing.origin}/`]).toMatchObject({ outcome: 'http_4xx', stopReason: 'unreachable' });
    for (const home of sites.homes) {
      expect(inproc[home]).toMatchObject({ status: 'finished', outcome: 'ok', evaluations: 1 });
      expect(inproc[home]?.pages).toBeGreaterThanOrEqual(5);
    }
    const store = openStore(db, { readonly: true });
    try {
      const messages = repositories(store)
        .runs.list()
        .filter((r) => r.homeUrl !== undefined)
        .map((r) => [r.homeUrl, r.message ?? ''] as const);
      // Transient: tried twice. Permanent ones are recorded after one attempt.
      expect(
        messages.filter(([url]) => url === refused).every(([, m]) => /Attempt 2 \(the last\)/.test(m)),
      ).toBe(true);
      expect(
        messages.filter(([url]) => url === `${blocked.origin}/`).every(([, m]) => !/Attempt/.test(m)),
      ).toBe(true);
    } finally {
      store.close();
    }
  }, 240_000);

  it('gives the same results with two workers as in-process', async () => {
    process.env.REDIS_URL = redis.url;
    workers = [0, 1].map(() =>
      startCli(['worker', '--concurrency', '2', '--lock-seconds', '10'], { REDIS_URL: redis.url }),
    );
    await Promise.all(workers.map((w) => w.waitFor(/ready/, 120_000)));
    expect(await runCampaignCommand('fleet', { db, concurrency: 1 })).toBe(0);

    const inproc = results('inproc');
    const fleet = results('fleet');
    expect(fleet).toEqual(inproc);
    // Both workers took site jobs.
    for (const w of workers) expect(w.output()).toMatch(/fleet-[0-9a-f]{6}-run-\d+ done/);
    // Running it again adds no work: the round is finished and no job is queued twice.
    const queue = new Queue(SITE_JOBS_QUEUE, { connection: { url: redis.url }, prefix: QUEUE_PREFIX });
    try {
      const before = await queue.getJobCountByTypes('completed', 'failed', 'waiting', 'active', 'delayed');
      expect(await runCampaignCommand('fleet', { db, concurrency: 1 })).toBe(0);
      expect(await queue.getJobCountByTypes('completed', 'failed', 'waiting', 'active', 'delayed')).toBe(
        before,
      );
    } finally {
      await queue.close();
    }
  }, 300_000);

  it('loses no record when the coordinator is killed and restarted', async () => {
    process.env.REDIS_URL = redis.url;
    const coordinator = startCli(['campaign', 'run', 'restart', '--db', db], { REDIS_URL: redis.url });
    // Kill it -9 once it has recorded some targets, while the workers go on sending records.
    const deadline = Date.now() + 180_000;
    for (;;) {
      const done = Object.values(results('restart')).filter((r) => r.status !== 'running').length;
      if (done >= 3) break;
      if (Date.now() > deadline) throw new Error(`coordinator made no progress:\n${coordinator.output()}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    await coordinator.kill('SIGKILL');
    const recordedAtKill = Object.values(results('restart')).filter((r) => r.status !== 'running').length;

    // The workers finish the round meanwhile; its records wait in the campaign's results queue.
    const queue = new Queue(SITE_JOBS_QUEUE, { connection: { url: redis.url }, prefix: QUEUE_PREFIX });
    try {
      for (;;) {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed');
        if ((counts.waiting ?? 0) + (counts.active ?? 0) + (counts.delayed ?? 0) === 0) break;
        await new Promise((r) => setTimeout(r, 300));
      }
    } finally {
      await queue.close();
    }
    expect(Object.values(results('restart')).filter((r) => r.status !== 'running').length).toBe(
      recordedAtKill,
    );

    expect(await runCampaignCommand('restart', { db, concurrency: 1 })).toBe(0);
    expect(results('restart')).toEqual(results('inproc'));
  }, 300_000);
});
