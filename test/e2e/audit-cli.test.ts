import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe } from '../../crawlers/browser/axe-run.ts';
import { CHROMIUM_ARGS } from '../../crawlers/browser/browser-pool.ts';
import { requireChromium } from '../../crawlers/browser/find-chromium.ts';
import { PORTALS_ROOT, type StartedPortal, startPortal } from '../../src/fixture-server/portal-fixture.ts';
import type { AuditReport } from '../../src/report/report-types.ts';
import { runCli, tempWorkdir } from '../helpers/run-cli.ts';

/** The indicators the spine implements; truth.json labels each of them in every fixture portal. */
const SPINE_CODES = ['204', '205', '206', '208', '210', '212', '214', '234', '236', '240', '273'];

const work = tempWorkdir();
afterAll(() => work.cleanup());

function readReport(dir: string): AuditReport {
  return JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as AuditReport;
}

describe('portal-audit audit (end to end, real HTTP + Chromium + SQLite)', () => {
  let portal: StartedPortal;
  let report: AuditReport;
  let stdout: string;

  beforeAll(async () => {
    portal = await startPortal(join(PORTALS_ROOT, 'demo'));
    const out = work.path('demo-report');
    const result = await runCli([
      'audit',
      portal.home,
      '--allow-private',
      '--db',
      work.path('demo.db'),
      '--out',
      out,
      '--format',
      'sarif',
      '--csv',
    ]);
    expect(result.stderr).not.toMatch(/unexpected error/);
    expect(result.code).toBe(0);
    stdout = result.stdout;
    report = readReport(out);
  }, 300_000);
  afterAll(() => portal?.close());

  it('prints where the report is', () => {
    expect(stdout).toContain('report.html');
    expect(stdout).toMatch(/Score: \d+ %/);
  });

  it('crawls the portal and renders evidence pages', () => {
    expect(report.crawl.outcome).toBe('ok');
    expect(report.crawl.pages).toBeGreaterThanOrEqual(15);
    expect(report.crawl.renderedPages).toBeGreaterThanOrEqual(1);
    expect(report.accessibility.pagesAudited).toBe(report.crawl.renderedPages);
  });

  it('judges every spine indicator as truth.json says', () => {
    const byCode = new Map(report.indicators.map((i) => [i.code, i]));
    const wrong: string[] = [];
    for (const code of SPINE_CODES) {
      const truth = portal.truth.indicators[code];
      const result = byCode.get(code);
      expect(truth, `truth for ${code}`).toBeDefined();
      expect(result, `result for ${code}`).toBeDefined();
      const met = result!.outcome === 'met';
      if (met !== truth!.met)
        wrong.push(`${code}: ${result!.outcome} (truth ${truth!.met}) ${result!.message}`);
    }
    expect(wrong).toEqual([]);
  });

  it('gives every judged indicator evidence that names a page and the link path', () => {
    for (const ind of report.indicators) {
      if (ind.outcome === 'not_applicable') continue;
      expect(ind.evidence.length, ind.code).toBeGreaterThan(0);
      for (const e of ind.evidence) expect(e.pageUrl).toMatch(/^https?:\/\//);
    }
    const privacy = report.indicators.find((i) => i.code === '234')!;
    expect(privacy.evidence.some((e) => (e.linkPath?.length ?? 0) >= 1)).toBe(true);
  });

  it('reports WCAG problems grouped by rule with pages and examples', () => {
    const truth210 = portal.truth.indicators['210']!;
    if (!truth210.met) {
      expect(report.accessibility.violations.length).toBeGreaterThan(0);
      const v = report.accessibility.violations[0]!;
      expect(v.pages.length).toBeGreaterThan(0);
      expect(v.examples[0]?.html.length).toBeGreaterThan(0);
    }
  });

  it('computes the score from the indicator outcomes', () => {
    const met = report.indicators.filter((i) => i.outcome === 'met').length;
    expect(report.score.met).toBe(met);
    expect(report.score.value).toBeCloseTo(met / report.score.assessed, 6);
  });

  it('writes a self-contained HTML report with the screenshots embedded', () => {
    const html = readFileSync(join(work.path('demo-report'), 'report.html'), 'utf8');
    expect(html).toContain('<html lang="en">');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('data:image/jpeg;base64,');
  });

  it('writes report.sarif (SARIF 2.1.0) and report.csv beside the report with --format sarif --csv', () => {
    const dir = work.path('demo-report');
    expect(stdout).toContain(join(dir, 'report.sarif'));
    const sarif = JSON.parse(readFileSync(join(dir, 'report.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs.map((r: { tool: { driver: { name: string } } }) => r.tool.driver.name)).toEqual([
      'axe-core',
      'portal-audit',
    ]);
    const failed = new Set(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId));
    expect(failed).toEqual(new Set(report.accessibility.violations.map((v) => v.ruleId)));
    expect(readFileSync(join(dir, 'report.csv'), 'utf8')).toMatch(/^kind,id,group,title,outcome/);
  });

  it('refuses an unknown --format with a usage message', async () => {
    const r = await runCli(['audit', 'https://example.org/', '--format', 'pdf']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--format takes one or more of: sarif, csv');
  });

  it('writes an HTML report that itself has no WCAG 2.2 AA violations (axe in Chromium)', async () => {
    const browser = await chromium.launch({ executablePath: requireChromium(), args: [...CHROMIUM_ARGS] });
    try {
      const page = await browser.newPage();
      await page.goto(`file://${join(work.path('demo-report'), 'report.html')}`);
      // Open every disclosure so the evidence, snippets and screenshots are checked too.
      await page.evaluate(() => {
        for (const d of document.querySelectorAll('details')) d.open = true;
      });
      const axe = await runAxe(page);
      expect(axe.violations.map((v) => `${v.ruleId}: ${v.nodes[0]?.selector}`)).toEqual([]);
      expect(axe.passes).toBeGreaterThan(10);
    } finally {
      await browser.close();
    }
  });

  it('exits 2 when the score is below --fail-under, and prints JSON with --json', async () => {
    const out = work.path('fail-under');
    const r = await runCli([
      'audit',
      portal.home,
      '--allow-private',
      '--render',
      'none',
      '--max-pages',
      '8',
      '--db',
      work.path('demo.db'),
      '--out',
      out,
      '--json',
      '--fail-under',
      '1',
    ]);
    expect(r.code).toBe(2);
    const printed = JSON.parse(r.stdout) as AuditReport;
    expect(printed.runId).toBeGreaterThan(report.runId);
    expect(printed.crawl.renderedPages).toBe(0);
    expect(r.stderr).toMatch(/below --fail-under 1/);
  }, 120_000);
});

describe('portal-audit audit: refusals and unreachable portals', () => {
  it('refuses a loopback target without --allow-private, with a clear message', async () => {
    const r = await runCli([
      'audit',
      'http://127.0.0.1:9/',
      '--db',
      work.path('r.db'),
      '--out',
      work.path('r'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/private or loopback/);
    expect(r.stderr).toMatch(/--allow-private/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it('rejects a bad option value with a usage message', async () => {
    const r = await runCli(['audit', 'https://example.org/', '--render', 'sometimes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--render must be one of: auto, all, none/);
  });

  it('says an unreachable portal was not audited: its own exit code, one line, a report with no verdicts', async () => {
    const port = await closedPort();
    const out = work.path('unreachable');
    const r = await runCli([
      'audit',
      `http://127.0.0.1:${port}/`,
      '--allow-private',
      '--render',
      'none',
      '--db',
      work.path('u.db'),
      '--out',
      out,
    ]);
    expect(r.code).toBe(3);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toMatch(/^Not audited: .*the connection was refused/);
    const report = readReport(out);
    expect(report.audited).toBe(false);
    expect(report.crawl.outcome).toBe('connection_refused');
    expect(report.crawl.stopReason).toBe('unreachable');
    expect(report.indicators).toEqual([]);
    expect(report.score.assessed).toBe(0);
    const page = readFileSync(join(out, 'report.html'), 'utf8');
    expect(page).toContain('Not audited: the connection was refused');
    expect(page).not.toContain('Indicators met per criterion');
  });

  it('says a name that does not resolve was not audited', async () => {
    const out = work.path('no-such-host');
    const r = await runCli([
      'audit',
      'not-a-url',
      '--render',
      'none',
      '--db',
      work.path('n.db'),
      '--out',
      out,
    ]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/^Not audited: https:\/\/not-a-url\/: the host name does not resolve/);
    expect(readReport(out).audited).toBe(false);
  });
});

function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}
