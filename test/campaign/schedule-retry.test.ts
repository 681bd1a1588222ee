import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, repositories } from '../../db/index.ts';
import { runCampaignCommand } from '../../src/campaign/commands/run.ts';
import { campaignStatus } from '../../src/campaign/commands/status.ts';
import { html, page, startServer, type TestServer } from '../helpers/hostile-server.ts';
import { startRedis, type TestRedis } from '../helpers/redis.ts';
import { runCli, tempWorkdir } from '../helpers/run-cli.ts';
import { type CliProcess, startCli } from './cli-process.ts';
import { type SmallSites, startSmallSites, targetsCsv } from './small-sites.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('campaign rounds: retry and schedule', () => {
  let redis: TestRedis;
  let sites: SmallSites;
  let flaky: TestServer;
  let failing = true;
  const work = tempWorkdir('pa-rounds-');
  const db = work.path('rounds.db');
  const processes: CliProcess[] = [];
  const savedRedisUrl = process.env.REDIS_URL;
  const flags = ['--allow-private', '--render', 'none', '--no-markup', '--attempts', '1'];

  beforeAll(async () => {
    redis = await startRedis();
    sites = await startSmallSites(2, { pages: 2 });
    // Answers 503 until told otherwise: a transient failure that later goes away.
    flaky = await startServer({
      '/': (_req, res) =>
        failing ? html(res, page('Down', 'Maintenance'), 503) : html(res, page('Up', '<h1>Back</h1>')),
    });
    writeFileSync(
      work.path('t.csv'),
      targetsCsv([...sites.homes, `${flaky.origin}/`].map((url) => ({ url }))),
    );
    for (const name of ['again', 'timed']) {
      expect(
        await runCli(['campaign', 'create', name, '--targets', work.path('t.csv'), '--db', db, ...flags]),
      ).toMatchObject({ code: 0 });
    }
  }, 120_000);
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.kill('SIGKILL')));
    if (savedRedisUrl === undefined) delete process.env.REDIS_URL;
    else process.env.REDIS_URL = savedRedisUrl;
    await Promise.all([sites?.close(), flaky?.close()]);
    await redis?.stop();
    work.cleanup();
  });

  it('retries the targets that ended in the given statuses, in the same round', async () => {
    delete process.env.REDIS_URL;
    expect(await runCampaignCommand('again', { db, concurrency: 2 })).toBe(0);
    const store = () => openStore(db, { readonly: true });
    let s = store();
    let status = await campaignStatus(s, repositories(s).campaigns.getByName('again')!);
    s.close();
    expect(status.rounds).toEqual([
      expect.objectContaining({ round: 1, finished: true, outcomes: { ok: 2, http_5xx: 1 } }),
    ]);

    failing = false;
    const retried = await runCli(['campaign', 'retry', 'again', '--status', 'http_5xx', '--db', db]);
    expect(retried.stdout).toMatch(/^1 target of round 1 \(http_5xx\) will be crawled again/);
    expect(await runCampaignCommand('again', { db, concurrency: 2 })).toBe(0);
    s = store();
    status = await campaignStatus(s, repositories(s).campaigns.getByName('again')!);
    const campaignId = repositories(s).campaigns.getByName('again')!.id;
    const runsOfFlaky = repositories(s)
      .runs.list({ campaignId })
      .filter((r) => r.homeUrl === `${flaky.origin}/` && r.round === 1);
    s.close();
    expect(status.rounds).toEqual([
      expect.objectContaining({ round: 1, finished: true, outcomes: { ok: 3 } }),
    ]);
    expect(runsOfFlaky.map((r) => r.outcome)).toEqual(['ok', 'http_5xx']);
    const bad = await runCli(['campaign', 'retry', 'again', '--status', 'nonsense', '--db', db]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Unknown status "nonsense"/);
  }, 240_000);

  it('starts a new round at each scheduled firing taken by a following coordinator', async () => {
    const env = { REDIS_URL: redis.url };
    const scheduled = await runCli(
      ['campaign', 'schedule', 'timed', '--cron', '*/2 * * * * *', '--db', db],
      env,
    );
    expect(scheduled.code).toBe(0);
    expect(scheduled.stdout).toMatch(/scheduled on "\*\/2 \* \* \* \* \*"; next firing 20\d\d-/);
    const invalid = await runCli(
      ['campaign', 'schedule', 'timed', '--cron', 'every tuesday', '--db', db],
      env,
    );
    expect(invalid.code).toBe(1);

    processes.push(startCli(['worker', '--concurrency', '2'], env));
    const follower = startCli(['campaign', 'run', 'timed', '--follow', '--db', db], env);
    processes.push(follower);
    const rounds = async () => {
      const s = openStore(db, { readonly: true });
      try {
        return (await campaignStatus(s, repositories(s).campaigns.getByName('timed')!)).rounds;
      } finally {
        s.close();
      }
    };
    const deadline = Date.now() + 240_000;
    while ((await rounds()).filter((r) => r.finished).length < 3) {
      if (Date.now() > deadline) throw new Error(`no third round:\n${follower.output()}`);
      await sleep(500);
    }
    expect((await runCli(['campaign', 'schedule', 'timed', '--remove', '--db', db], env)).code).toBe(0);
    expect(await follower.kill('SIGINT')).toBe(130);
    const json = JSON.parse(
      (await runCli(['campaign', 'status', 'timed', '--json', '--db', db], env)).stdout,
    );
    expect(json.fleet.schedule).toBeNull();
    expect(json.rounds.length).toBeGreaterThanOrEqual(3);
    // Every round crawled the same three targets.
    for (const r of json.rounds.slice(0, 3)) expect(r).toMatchObject({ targets: 3, done: 3 });
  }, 420_000);
});
