import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORTALS_ROOT, type StartedPortal, startPortal } from '../../src/fixture-server/portal-fixture.ts';
import type { AuditReport } from '../../src/report/report-types.ts';
import { runCli, tempWorkdir } from '../helpers/run-cli.ts';

const work = tempWorkdir('pa-cli-');
afterAll(() => work.cleanup());

/** stderr as lines, for "exactly one line in the project's style" checks. */
const lines = (stderr: string) => stderr.trimEnd().split('\n');

describe('one error style: `portal-audit: <message>`, commander errors included', () => {
  it.each([
    [['audit', 'https://city.example/', '--bogus'], "portal-audit: unknown option '--bogus' (see --help)"],
    [['audit'], "portal-audit: missing required argument 'url' (see --help)"],
    [['frobnicate'], "portal-audit: unknown command 'frobnicate' (see --help)"],
  ])('%j', async (args, expected) => {
    const r = await runCli(args, {}, 60_000, work.dir);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual([expected]);
  });

  it('a bad value in the config file names the file and the key, on one line', async () => {
    const dir = work.path('bad-config');
    mkdirSync(dir);
    writeFileSync(join(dir, 'portal-audit.config.yaml'), 'render: sometimes\n');
    const r = await runCli(['audit', 'https://city.example/'], {}, 60_000, dir);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual([
      `portal-audit: ${join(dir, 'portal-audit.config.yaml')}: render: must be one of: auto, all, none`,
    ]);
  });

  it('lists the environment variables and --config in the help', async () => {
    const r = await runCli(['audit', '--help'], {}, 60_000, work.dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/env:\s+PORTAL_AUDIT_MAX_PAGES\)/);
    expect(r.stdout).toMatch(/--config <file>[\s\S]*\(env:\s+PORTAL_AUDIT_CONFIG\)/);
  });
});

describe('an audit configured by a file in the working folder, without a terminal', () => {
  let portal: StartedPortal;
  let stderr: string;
  let code: number | null;
  const project = work.path('city');

  beforeAll(async () => {
    portal = await startPortal(join(PORTALS_ROOT, 'demo'));
    mkdirSync(join(project, 'sub'), { recursive: true });
    writeFileSync(
      join(project, 'portal-audit.config.json'),
      JSON.stringify({ render: 'none', maxPages: 4, out: 'reports/latest', db: 'evidence.db' }),
    );
    // Started from a subfolder: the file is found above, and its paths are read from its own folder.
    const r = await runCli(['audit', portal.home, '--allow-private'], {}, 180_000, join(project, 'sub'));
    stderr = r.stderr;
    code = r.code;
  }, 200_000);
  afterAll(() => portal?.close());

  it('takes the budget, render mode and paths from the file', () => {
    expect(code, stderr).toBe(0);
    const report = JSON.parse(
      readFileSync(join(project, 'reports', 'latest', 'report.json'), 'utf8'),
    ) as AuditReport;
    expect(report.crawl.pages).toBeLessThanOrEqual(4);
    expect(report.crawl.renderedPages).toBe(0);
    expect(readFileSync(join(project, 'evidence.db')).length).toBeGreaterThan(0);
  });

  it('prints one progress line per stage on stderr', () => {
    const progress = lines(stderr).filter((l) => /^\[\d+:\d\d\] /.test(l));
    expect(progress[0]).toMatch(/^\[0:0\d\] finding pages: http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(progress.some((l) => l.includes('fetching pages (at most 4)'))).toBe(true);
    expect(progress.at(-1)).toMatch(/crawl finished: \d pages in \d+:\d\d; judging the indicators/);
    expect(progress.length).toBeLessThanOrEqual(8);
  });
});
