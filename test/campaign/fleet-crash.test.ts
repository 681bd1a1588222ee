import { writeFileSync } from 'node:fs';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, repositories } from '../../db/index.ts';
import { QUEUE_PREFIX, SITE_JOBS_QUEUE } from '../../queue/fleet/queue-names.ts';
import { runCampaignCommand } from '../../src/campaign/commands/run.ts';
import { html, page, type Route } from '../helpers/hostile-server.ts';
import { startRedis, type TestRedis } from '../helpers/redis.ts';
import { runCli, tempWorkdir } from '../helpers/run-cli.ts';
import { roundResults } from './campaign-results.ts';
import { type CliProcess, startCli } from './cli-process.ts';
import { gatedRoute, type SmallSites, startSmallSites, targetsCsv } from './small-sites.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 180_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await sleep(200);
  }
}

/**
 * Failures of the fleet's parts, with Redis persisting every write (appendonly, fsync always): a
 * worker killed -9 in the middle of a site, and Redis itself killed and restarted mid-campaign.
 */
describe('fleet failures', () => {
  let redis: TestRedis;
  const work = tempWorkdir('pa-crash-');
  const db = work.path('crash.db');
  const started: CliProcess[] = [];
  const savedRedisUrl = process.env.REDIS_URL;
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
  const worker = (lockSeconds: number) => {
    const w = startCli(['worker', '--lock-seconds', String(lockSeconds)], { REDIS_URL: redis.url });
    started.push(w);
    return w;
  };
  const results = (name: string) => {
    const store = openStore(db, { readonly: true });
    try {
      return roundResults(store, name, 1, (url) => url);
    } finally {
      store.close();
    }
  };

  beforeAll(async () => {
    redis = await startRedis({ persistent: true });
    process.env.REDIS_URL = redis.url;
  });
  afterAll(async () => {
    await Promise.all(started.map((w) => w.kill('SIGKILL')));
    if (savedRedisUrl === undefined) delete process.env.REDIS_URL;
    else process.env.REDIS_URL = savedRedisUrl;
    await redis?.stop();
    work.cleanup();
  });

  it('a worker killed -9 mid-site: the job resumes elsewhere, no page is captured twice', async () => {
    const gate = gatedRoute('Topic 12');
    const sites: SmallSites = await startSmallSites(3, {
      pages: 24,
      routes: (i): Record<string, Route> => (i === 0 ? { '/topic/12': gate.route } : {}),
    });
    try {
      const big = sites.servers[0]!;
      writeFileSync(work.path('kill.csv'), targetsCsv(sites.homes.map((url) => ({ url }))));
      expect(
        await runCli([
          'campaign',
          'create',
          'kill',
          '--targets',
          work.path('kill.csv'),
          '--db',
          db,
          ...flags,
        ]),
      ).toMatchObject({ code: 0 });

      const first = worker(4);
      const coordinator = runCampaignCommand('kill', { db, concurrency: 1 });
      await gate.requested;
      // Wait until the job's checkpoint holds every page the worker fetched except the gated one (the
      // crawl's other slot goes on meanwhile), so the kill falls where a page is in flight, not between
      // a page's record and its checkpoint.
      const queue = new Queue(SITE_JOBS_QUEUE, { connection: { url: redis.url }, prefix: QUEUE_PREFIX });
      let visitedAtKill: string[] = [];
      try {
        await until('the checkpoint to catch up with the fetched pages', async () => {
          const [job] = (await queue.getJobs(['active'])).filter((j) => j.data.url === `${big.origin}/`);
          const visited: string[] = job?.data.checkpoint?.portal.visited ?? [];
          const pages = [
            '/',
            '/privacy',
            '/contact',
            ...Array.from({ length: 24 }, (_, k) => `/topic/${k + 1}`),
          ];
          const done = pages.filter((p) => p !== '/topic/12');
          if (!done.every((p) => big.hits.includes(p) && visited.includes(big.url(p)))) return false;
          visitedAtKill = visited;
          return true;
        });
      } finally {
        await queue.close();
      }
      await first.kill('SIGKILL');
      gate.release();

      const second = worker(4);
      expect(await coordinator).toBe(0);
      expect(second.output()).toMatch(new RegExp(`resume ${big.origin}/`));

      const counts = new Map<string, number>();
      for (const path of big.hits) counts.set(path, (counts.get(path) ?? 0) + 1);
      const twice = [...counts].filter(([, n]) => n > 1).map(([p]) => p);
      // Fetched twice: robots.txt (each crawl start reads it) and the page in flight at the kill, which
      // the killed worker never recorded. Every other page was fetched once.
      expect(twice.sort()).toEqual(['/robots.txt', '/topic/12']);

      const kill = results('kill');
      const bigResult = kill[`${big.origin}/`]!;
      expect(bigResult).toMatchObject({ status: 'finished', outcome: 'ok', evaluations: 1 });
      const captured = bigResult.captures.map((c) => c.split(' ')[0]);
      expect(new Set(captured).size).toBe(captured.length);
      for (const url of visitedAtKill) expect(captured).toContain(url);
      expect(captured).toContain(big.url('/topic/12'));
      for (const home of sites.homes.slice(1))
        expect(kill[home]).toMatchObject({ status: 'finished', outcome: 'ok' });
    } finally {
      gate.release();
      await sites.close();
      await Promise.all(started.map((w) => w.kill('SIGTERM')));
    }
  }, 420_000);

  it('a worker stopped with SIGTERM releases its job checkpointed; another one resumes it', async () => {
    const gate = gatedRoute('Topic 5');
    const sites = await startSmallSites(1, {
      pages: 8,
      routes: (): Record<string, Route> => ({ '/topic/5': gate.route }),
    });
    try {
      const site = sites.servers[0]!;
      writeFileSync(work.path('term.csv'), targetsCsv(sites.homes.map((url) => ({ url }))));
      expect(
        await runCli([
          'campaign',
          'create',
          'term',
          '--targets',
          work.path('term.csv'),
          '--db',
          db,
          ...flags,
        ]),
      ).toMatchObject({ code: 0 });
      const first = worker(60);
      const coordinator = runCampaignCommand('term', { db, concurrency: 1 });
      await gate.requested;
      // As above, stop it once everything but the gated page is fetched and checkpointed (a page that
      // another slot of the crawl has in flight at the signal is dropped and fetched again, like the gated one).
      const queue = new Queue(SITE_JOBS_QUEUE, { connection: { url: redis.url }, prefix: QUEUE_PREFIX });
      try {
        await until('the checkpoint to catch up', async () => {
          const [job] = await queue.getJobs(['active']);
          const visited: string[] = job?.data.checkpoint?.portal.visited ?? [];
          const pages = [
            '/',
            '/privacy',
            '/contact',
            ...Array.from({ length: 8 }, (_, k) => `/topic/${k + 1}`),
          ];
          return pages.filter((p) => p !== '/topic/5').every((p) => visited.includes(site.url(p)));
        });
      } finally {
        await queue.close();
      }
      // The page in flight is dropped, the job goes back to the queue at once (no lock to wait for).
      expect(await first.kill('SIGTERM')).toBe(0);
      expect(first.output()).toMatch(/released \(checkpointed\)/);
      gate.release();
      const second = worker(60);
      expect(await coordinator).toBe(0);
      expect(second.output()).toMatch(new RegExp(`resume ${site.origin}/`));
      const twice = [...new Set(site.hits)].filter((p) => site.hits.filter((h) => h === p).length > 1);
      expect(twice.sort()).toEqual(['/robots.txt', '/topic/5']);
      const result = results('term')[`${site.origin}/`]!;
      expect(result).toMatchObject({ status: 'finished', outcome: 'ok', evaluations: 1 });
      expect(result.captures.map((c) => c.split(' ')[0])).toContain(site.url('/topic/5'));
    } finally {
      gate.release();
      await sites.close();
      await Promise.all(started.map((w) => w.kill('SIGTERM')));
    }
  }, 420_000);

  it('Redis killed and restarted mid-campaign: workers and coordinator reconnect and finish', async () => {
    const slowly = async (body: string) => {
      await sleep(250);
      return body;
    };
    const sites = await startSmallSites(6, {
      pages: 6,
      routes: () => {
        const routes: Record<string, Route> = {};
        for (let k = 1; k <= 6; k++) {
          routes[`/topic/${k}`] = async (_req, res) =>
            html(res, await slowly(page(`Topic ${k}`, `<p>Topic ${k}</p>`)));
        }
        return routes;
      },
    });
    try {
      writeFileSync(work.path('redis.csv'), targetsCsv(sites.homes.map((url) => ({ url }))));
      expect(
        await runCli([
          'campaign',
          'create',
          'redis',
          '--targets',
          work.path('redis.csv'),
          '--db',
          db,
          ...flags,
        ]),
      ).toMatchObject({ code: 0 });
      const workers = [worker(30), worker(30)];
      await Promise.all(workers.map((w) => w.waitFor(/ready/, 120_000)));
      const coordinator = runCampaignCommand('redis', { db, concurrency: 1 });
      await until('some pages recorded', async () => {
        const store = openStore(db, { readonly: true });
        try {
          const campaign = repositories(store).campaigns.getByName('redis');
          return campaign && repositories(store).campaigns.roundPageCount(campaign.id, 1) >= 4;
        } finally {
          store.close();
        }
      });
      await redis.kill();
      await sleep(3000);
      await redis.restart();
      expect(await coordinator).toBe(0);

      const round = results('redis');
      expect(Object.keys(round)).toHaveLength(6);
      for (const home of sites.homes) {
        const r = round[home]!;
        expect(r).toMatchObject({ status: 'finished', outcome: 'ok', evaluations: 1 });
        const urls = r.captures.map((c) => c.split(' ')[0]);
        for (let k = 1; k <= 6; k++) expect(urls).toContain(`${home}topic/${k}`);
        expect(new Set(urls).size).toBe(urls.length);
      }
    } finally {
      await sites.close();
    }
  }, 420_000);
});
