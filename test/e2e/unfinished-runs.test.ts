import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_NODE_ARGS } from '../helpers/cli-entry.ts';
import { page, startServer, type TestServer } from '../helpers/hostile-server.ts';
import { runCli, tempWorkdir } from '../helpers/run-cli.ts';
import { until } from '../helpers/until.ts';

const work = tempWorkdir('pa-unfinished-');
let site: TestServer;

beforeAll(async () => {
  const links = Array.from({ length: 30 }, (_, i) => `<a href="/p${i}">Page ${i}</a>`).join(' ');
  const routes: Parameters<typeof startServer>[0] = { '/': page('Home', links) };
  // Every page but the home page answers slowly, so the audit is mid-crawl when it is killed.
  for (let i = 0; i < 30; i++) {
    routes[`/p${i}`] = async (_req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      res.writeHead(200, { 'content-type': 'text/html' }).end(page(`P${i}`, `Page ${i}`));
    };
  }
  site = await startServer(routes);
});
afterAll(async () => {
  await site?.close();
  work.cleanup();
});

function runStatuses(
  dbFile: string,
): { id: number; status: string; message: string | null; pages: number }[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db
      .prepare(
        'SELECT r.id, r.status, r.message, (SELECT count(*) FROM pages p WHERE p.run_id = r.id) AS pages FROM runs r ORDER BY r.id',
      )
      .all() as { id: number; status: string; message: string | null; pages: number }[];
  } finally {
    db.close();
  }
}

describe('runs a process could not finish', () => {
  it('a run whose audit was killed with -9 becomes interrupted at the next audit, which says so, and keeps its pages', async () => {
    const dbFile = work.path('killed.db');
    const args = ['audit', site.url('/'), '--allow-private', '--render', 'none', '--db', dbFile];
    const child = spawn(process.execPath, [...CLI_NODE_ARGS, ...args, '--out', work.path('killed')], {
      stdio: 'ignore',
    });
    try {
      await until(() => {
        try {
          return (runStatuses(dbFile)[0]?.pages ?? 0) >= 3;
        } catch {
          return false;
        }
      }, 60_000);
    } finally {
      child.kill('SIGKILL');
    }
    await new Promise((resolve) => child.once('close', resolve));
    expect(runStatuses(dbFile)[0]?.status).toBe('running');

    const next = await runCli([...args, '--max-pages', '2', '--out', work.path('next')]);
    expect(next.code).toBe(0);
    expect(next.stderr).toMatch(
      /Run 1 of .* was left unfinished by a process that ended; it is now marked interrupted/,
    );
    const [killed, second] = runStatuses(dbFile);
    expect(killed?.status).toBe('interrupted');
    expect(killed?.message).toMatch(/ended before the crawl did/);
    expect(killed?.pages).toBeGreaterThanOrEqual(3);
    expect(second?.status).toBe('finished');
  });

  it('a crawl that cannot write its artifacts ends with a one-line error and leaves its run interrupted, not running', async () => {
    const dbFile = work.path('no-artifacts.db');
    // The artifact directory beside the store is a file: every artifact write fails.
    writeFileSync(work.path('no-artifacts-artifacts'), 'not a directory');
    const r = await runCli([
      'audit',
      site.url('/'),
      '--allow-private',
      '--render',
      'none',
      '--max-pages',
      '3',
      '--db',
      dbFile,
      '--out',
      work.path('no-artifacts'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^portal-audit: The audit stopped: .*no-artifacts-artifacts/m);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
    const [run] = runStatuses(dbFile);
    expect(run?.status).toBe('interrupted');
    expect(run?.message).toMatch(/The crawl failed/);
  });
});
