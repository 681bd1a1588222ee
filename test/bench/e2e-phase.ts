import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AXE_TAGS } from '../../crawlers/browser/axe-run.ts';
import { CHROMIUM_ARGS } from '../../crawlers/browser/browser-pool.ts';
import { DESKTOP_VIEWPORT } from '../../crawlers/browser/render-page.ts';
import { PACKAGE_ROOT } from '../../src/core/index.ts';
import { ensurePa11yCi, runPa11yCi } from './pa11y-baseline.ts';
import type { HostedSite } from './site-host.ts';
import { median } from './stats.ts';
import { timeProcess } from './timed-process.ts';

const BUILT_MAIN = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');
const BARE_SCRIPT = fileURLToPath(new URL('./bare-process.mjs', import.meta.url));
const RUN_TIMEOUT_MS = 600_000;

export interface E2eOptions {
  concurrency: number;
  reps: number;
  executablePath: string;
  log: (line: string) => void;
}

export interface E2eResult {
  pages: number;
  /** Whole `portal-audit audit --render all` over the site, pages rendered per minute (median). */
  auditPagesPerMin: number;
  /** Whole bare-loop process (browser start included) over the same pages. */
  barePagesPerMin: number;
  pa11yPagesPerMin: number | null;
  onePageAuditMs: number;
  onePageBareMs: number;
  reps: { auditMs: number; bareMs: number; pa11yMs: number | null; oneAuditMs: number; oneBareMs: number }[];
  /** Portal pages the audit rendered, per repetition (from report.json). */
  renderedPages: number[];
  notes: string[];
}

/**
 * The whole command against the bare loop, both as processes, on the same pages in the same run:
 * the site, then its home page alone; pa11y-ci over the site as the outside baseline. One untimed
 * warm-up of the one-page runs, then `reps` rounds alternating all of them, medians reported. Each
 * audit gets a fresh store and report folder (a store's cached pictures would flatter later runs).
 */
export async function runE2e(site: HostedSite, options: E2eOptions): Promise<E2eResult> {
  if (!existsSync(BUILT_MAIN)) throw new Error(`${BUILT_MAIN} not found: run npm run build first`);
  const notes: string[] = [];
  const home = site.pageUrls[0]!;
  const port = new URL(site.origin).port;
  const work = mkdtempSync(join(tmpdir(), 'pa-bench-e2e-'));
  const bare = async (urls: readonly string[]): Promise<number> => {
    const spec = {
      executablePath: options.executablePath,
      args: [...CHROMIUM_ARGS],
      tags: AXE_TAGS,
      viewport: { ...DESKTOP_VIEWPORT },
      concurrency: options.concurrency,
      urls,
    };
    const run = await timeProcess(process.execPath, [BARE_SCRIPT, JSON.stringify(spec)], {
      timeoutMs: RUN_TIMEOUT_MS,
    });
    const done = run.code === 0 ? (JSON.parse(run.stdout) as { pages: number }).pages : 0;
    if (done !== urls.length) throw new Error(`bare loop process: ${run.stderr.trim().slice(-500)}`);
    return run.wallMs;
  };
  let audits = 0;
  const audit = async (maxPages: number): Promise<{ ms: number; rendered: number }> => {
    const dir = join(work, `audit-${++audits}`);
    const run = await timeProcess(
      process.execPath,
      [
        BUILT_MAIN,
        'audit',
        home,
        '--render',
        'all',
        '--max-pages',
        String(maxPages),
        '--allow-private',
        `127.0.0.1:${port}`,
        '--out',
        join(dir, 'out'),
        '--db',
        join(dir, 'audit.db'),
      ],
      { timeoutMs: RUN_TIMEOUT_MS, cwd: work },
    );
    if (run.code !== 0)
      throw new Error(`portal-audit audit ended with ${run.code}: ${run.stderr.slice(-500)}`);
    const rendered = renderedSitePages(join(dir, 'out', 'report.json'), site.pageUrls);
    rmSync(dir, { recursive: true, force: true });
    return { ms: run.wallMs, rendered };
  };
  const pa11y = await ensurePa11yCi(options.log);
  if ('note' in pa11y) notes.push(pa11y.note);
  const reps: E2eResult['reps'] = [];
  const renderedPages: number[] = [];
  try {
    options.log('  warm-up (one page)');
    await bare([home]);
    await audit(1);
    for (let r = 1; r <= options.reps; r++) {
      const bareMs = await bare(site.pageUrls);
      const whole = await audit(site.pages);
      renderedPages.push(whole.rendered);
      let pa11yMs: number | null = null;
      if ('bin' in pa11y) {
        const p = await runPa11yCi(pa11y.bin, site.pageUrls, {
          executablePath: options.executablePath,
          concurrency: options.concurrency,
          workDir: work,
        });
        if ('wallMs' in p) pa11yMs = p.wallMs;
        else if (!notes.includes(p.problem)) notes.push(p.problem);
      }
      const oneBareMs = await bare([home]);
      const oneAuditMs = (await audit(1)).ms;
      reps.push({ auditMs: whole.ms, bareMs, pa11yMs, oneAuditMs, oneBareMs });
      const perMin = (pages: number, ms: number) => ((pages / ms) * 60_000).toFixed(0);
      options.log(
        `  rep ${r} audit ${perMin(whole.rendered, whole.ms)} pages/min (${whole.rendered} rendered, ${(whole.ms / 1000).toFixed(1)} s), ` +
          `bare ${perMin(site.pages, bareMs)}, pa11y-ci ${pa11yMs === null ? 'n/a' : perMin(site.pages, pa11yMs)}; ` +
          `one page: audit ${oneAuditMs.toFixed(0)} ms, bare ${oneBareMs.toFixed(0)} ms`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const rendered = Math.min(...renderedPages);
  if (rendered !== site.pages)
    notes.push(`The audit rendered ${renderedPages.join(', ')} of the site's ${site.pages} pages.`);
  const pa11yRuns = reps.flatMap((r) => (r.pa11yMs === null ? [] : [r.pa11yMs]));
  return {
    pages: site.pages,
    auditPagesPerMin: median(reps.map((r, i) => (renderedPages[i]! / r.auditMs) * 60_000)),
    barePagesPerMin: median(reps.map((r) => (site.pages / r.bareMs) * 60_000)),
    pa11yPagesPerMin: pa11yRuns.length ? median(pa11yRuns.map((ms) => (site.pages / ms) * 60_000)) : null,
    onePageAuditMs: median(reps.map((r) => r.oneAuditMs)),
    onePageBareMs: median(reps.map((r) => r.oneBareMs)),
    reps,
    renderedPages,
    notes,
  };
}

/** Distinct pages of the site that report.json lists as rendered (crawled or link-checked). */
function renderedSitePages(reportFile: string, pageUrls: readonly string[]): number {
  const ofSite = new Set(pageUrls);
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as {
    crawl: { pageList: { finalUrl: string; rendered: boolean; status: string }[] };
  };
  const urls = new Set(
    report.crawl.pageList
      .filter((p) => p.rendered && p.status === 'ok' && ofSite.has(p.finalUrl))
      .map((p) => p.finalUrl),
  );
  return urls.size;
}
