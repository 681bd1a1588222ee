import { BrowserRenderer } from '../../crawlers/browser/browser-renderer.ts';
import { findChromium } from '../../crawlers/browser/find-chromium.ts';
import type { PageRenderer } from '../../crawlers/contracts.ts';
import { validateMarkup } from '../../crawlers/validate/vnu.ts';
import { openStore } from '../../db/client.ts';
import { Recorder } from '../../queue/recorder.ts';
import { runSiteJob } from '../../queue/run-site-job.ts';
import { buildLinkPrioritizer, defaultCatalogId, getCatalog } from '../../rules/index.ts';
import {
  type AllowPrivate,
  type Catalog,
  type CrawlBudget,
  type CrawlEnd,
  type CrawlProgress,
  type Level,
  type RenderMode,
  UserError,
} from '../core/index.ts';
import { buildReport } from '../report/build-report.ts';
import type { AuditReport } from '../report/report-types.ts';
import { writeReport } from '../report/write-report.ts';
import { recordRunScore } from '../scoring/run-score.ts';
import { evaluateRun } from './evaluate-run.ts';
import { assertReachableTarget } from './target-guard.ts';

export interface AuditRequest {
  url: string;
  level: Level;
  catalogId?: string;
  /** A catalog object instead of an id (eval over a test catalog); wins over catalogId. */
  catalog?: Catalog;
  budget: CrawlBudget;
  render: RenderMode;
  allowPrivate: AllowPrivate;
  dbFile: string;
  outDir: string;
  contactUrl?: string;
  /** Hard timeout per page, HTTP or browser. @default 30_000 */
  pageTimeoutMs?: number;
  /** Aborting stops the crawl; what was captured is still judged and reported. */
  signal?: AbortSignal;
  onProgress?: (p: CrawlProgress) => void;
}

export interface AuditOutcome {
  runId: number;
  evaluationId: number;
  report: AuditReport;
  reportFiles: { json: string; html: string };
  crawl: CrawlEnd;
}

/**
 * The embedded pipeline (DESIGN.md "Running modes"): crawl → recorder → store → rules → evaluation → report,
 * in one process, no Redis.
 */
export async function auditSite(req: AuditRequest): Promise<AuditOutcome> {
  const url = normaliseTargetUrl(req.url);
  const catalog = req.catalog ?? getCatalog(req.catalogId ?? defaultCatalogId(req.level));
  await assertReachableTarget(url, req.allowPrivate);
  const renderer = req.render === 'none' ? undefined : createRenderer(req.render);

  const store = openStore(req.dbFile);
  try {
    const recorder = new Recorder(store);
    const target = { url, level: req.level };
    const runId = recorder.startRun({
      target,
      catalogId: catalog.id,
      options: { budget: req.budget, render: req.render },
    });
    const crawl = await runSiteJob(
      {
        campaignId: null,
        targetId: recorder.targetIdOfRun(runId),
        runId,
        url,
        level: req.level,
        catalog: catalog.id,
        budget: req.budget,
        render: req.render,
        allowPrivate: req.allowPrivate,
      },
      {
        sink: recorder,
        renderer,
        linkHints: buildLinkPrioritizer(catalog),
        validateMarkup,
        contactUrl: req.contactUrl,
        pageTimeoutMs: req.pageTimeoutMs,
        signal: req.signal,
        onProgress: req.onProgress,
      },
    );

    const { evaluationId, results, site } = evaluateRun(store, recorder, runId, catalog);
    // Stored with its catalog version, policy and result ids, so the score in the report can be explained.
    recordRunScore(store, runId, catalog);
    const { report, files } = await writeReport(req.outDir, store.artifacts, catalog, (screenshotPath) =>
      buildReport({ runId, target, crawl, catalog, pages: site.pages, results, screenshotPath }),
    );
    return { runId, evaluationId, report, reportFiles: files, crawl };
  } finally {
    store.close();
    await renderer?.close();
  }
}

function normaliseTargetUrl(input: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(input) ? input : `https://${input}`;
  let u: URL;
  try {
    u = new URL(withScheme);
  } catch {
    throw new UserError(
      `"${input}" is not a valid URL. Give the portal's address, e.g. https://www.city.gov/`,
    );
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new UserError(`Only http and https portals can be audited, not ${u.protocol}`);
  }
  return u.href;
}

function createRenderer(mode: RenderMode): PageRenderer {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new UserError(
      `--render ${mode} needs Chromium and none was found. Install it (Debian/Ubuntu: apt-get install -y chromium), ` +
        'or set CHROMIUM_PATH to a Chromium/Chrome executable, or audit without a browser: --render none.',
    );
  }
  return new BrowserRenderer({ executablePath });
}
