/**
 * Measures a 20-target campaign on the fleet with 1 and with 2 workers (20 small portals on
 * 127.0.0.1), and the peak memory of a worker (its Node process, and with its Chromium). Not a test:
 * `npx tsx test/campaign/measure-fleet.ts [auto|all|none] [markup|no-markup]` (default: auto markup).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createCampaignCommand } from '../../src/campaign/commands/create.ts';
import { runCampaignCommand } from '../../src/campaign/commands/run.ts';
import { startRedis } from '../helpers/redis.ts';
import { tempWorkdir } from '../helpers/run-cli.ts';
import { startCli } from './cli-process.ts';
import { startSmallSites, targetsCsv } from './small-sites.ts';

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function tree(pid: number): number[] {
  let children: number[] = [];
  try {
    children = execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    children = [];
  }
  return [pid, ...children.flatMap(tree)];
}

const RENDER = (['auto', 'all', 'none'] as const).find((m) => m === process.argv[2]) ?? 'auto';
const MARKUP = process.argv[3] !== 'no-markup';
const redis = await startRedis();
const sites = await startSmallSites(20, { pages: 6 });
const work = tempWorkdir('pa-measure-');
writeFileSync(work.path('t.csv'), targetsCsv(sites.homes.map((url) => ({ url }))));
process.env.REDIS_URL = redis.url;
const rows: string[] = [];
try {
  for (const count of [1, 2]) {
    const db = work.path(`m${count}.db`);
    createCampaignCommand(`measure-${count}`, {
      db,
      targets: work.path('t.csv'),
      level: 'city',
      budget: { maxPages: 60, maxDepth: 4, maxSeconds: 0 },
      render: RENDER,
      allowPrivate: true,
      attempts: 1,
      retryDelaySeconds: 1,
      validateMarkup: MARKUP,
    });
    const workers = Array.from({ length: count }, () => startCli(['worker'], { REDIS_URL: redis.url }));
    await Promise.all(workers.map((w) => w.waitFor(/ready/, 180_000)));
    let peakNode = 0;
    let peakTree = 0;
    const sampler = setInterval(() => {
      for (const w of workers) {
        peakNode = Math.max(peakNode, rssKb(w.pid));
        peakTree = Math.max(
          peakTree,
          tree(w.pid).reduce((sum, p) => sum + rssKb(p), 0),
        );
      }
    }, 250);
    const t0 = performance.now();
    await runCampaignCommand(`measure-${count}`, { db, concurrency: 1 });
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    await Promise.all(workers.map((w) => w.kill('SIGTERM')));
    rows.push(
      `${count} worker(s): ${seconds.toFixed(1)} s for 20 targets; peak worker RSS ${Math.round(peakNode / 1024)} MB (Node), ${Math.round(peakTree / 1024)} MB with Chromium`,
    );
  }
} finally {
  await sites.close();
  await redis.stop();
  work.cleanup();
}
console.log(`render ${RENDER}, markup check ${MARKUP ? 'on' : 'off'}`);
console.log(`load average: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
for (const row of rows) console.log(row);
