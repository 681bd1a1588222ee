import { BrowserRenderer } from '../../crawlers/browser/browser-renderer.ts';
import { findChromium } from '../../crawlers/browser/find-chromium.ts';
import type { PageRenderer } from '../../crawlers/contracts.ts';
import { validateMarkup } from '../../crawlers/validate/vnu.ts';
import { openStore, type Store } from '../../db/client.ts';
import { loadSiteCaptures } from '../../db/repositories/site-captures.repo.ts';
import { Recorder } from '../../queue/recorder.ts';
import { runSiteJob } from '../../queue/run-site-job.ts';
import { buildLinkPrioritizer, defaultCatalogId, getCatalog, resolveCatalog } from '../../rules/index.ts';
import {
  type AllowPrivate,
  type Catalog,
  type CrawlBudget,
  type CrawlEnd,
  type CrawlProgress,
  type IndicatorResult,
  type Level,
  type PageCapture,
  type RenderMode,
  trace,
  traced,
  UserError,
} from '../core/index.ts';
import { catalogNeeds, renderModeFor } from '../engine/catalog-needs.ts';
import { Highlighter } from '../evidence/highlighter.ts';
import { judgePosture, loadTrackerClassifier, type TrackerMatch } from '../posture/index.ts';
import { buildReport, wasAudited } from '../report/build-report.ts';
import { compareWithPrevious } from '../report/comparison.ts';
import { captureElementShots, type ElementShots } from '../report/element-shots.ts';
import type { ExtraFormat } from '../report/formats.ts';
import type { AuditReport } from '../report/report-types.ts';
import type { ReportFiles } from '../report/write-report.ts';
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
  /** @default 'auto', or 'none' when no detector of the catalog reads a rendered page */
  render?: RenderMode;
  allowPrivate: AllowPrivate;
  dbFile: string;
  outDir: string;
  /** Outputs besides report.json and report.html. */
  formats?: readonly ExtraFormat[];
  contactUrl?: string;
  /** PEM certificates the transport check trusts besides Node's roots (--ca-file). */
  trustedCa?: readonly string[];
  /** Hard timeout per page, HTTP or browser. @default 30_000 */
  pageTimeoutMs?: number;
  /** Aborting stops the crawl; what was captured is still judged and reported. */
  signal?: AbortSignal;
  onProgress?: (p: CrawlProgress) => void;
  /** Things the person running the audit should know that are not progress (earlier runs found unfinished). */
  onNotice?: (line: string) => void;
  /** Hosts to name as trackers besides those of the tracker database (a national list; tests). */
  knownTrackers?: Record<string, TrackerMatch>;
}

export interface AuditOutcome {
  runId: number;
  /** Null when the portal was not audited (its home page was never captured): nothing was judged. */
  evaluationId: number | null;
  report: AuditReport;
  reportFiles: ReportFiles;
  crawl: CrawlEnd;
}

/**
 * The embedded pipeline (DESIGN.md "Running modes"): crawl → recorder → store → rules → evaluation → report,
 * in one process, no Redis.
 */
export async function auditSite(req: AuditRequest): Promise<AuditOutcome> {
  const url = normaliseTargetUrl(req.url);
  const catalog = req.catalog ?? getCatalog(resolveCatalog(req.catalogId ?? defaultCatalogId(req.level)));
  await assertReachableTarget(url, req.allowPrivate);
  trace('audit: target checked');
  const needs = catalogNeeds(catalog);
  const render = renderModeFor(req.render, needs);
  const renderer = render === 'none' ? undefined : createRenderer(render);

  // The report writer (HTML, its charts library: a second of imports) loads while the crawl runs.
  const reportWriter = import('../report/write-report.ts');
  reportWriter.catch(() => undefined); // a failure is thrown where it is awaited
  const store = openStore(req.dbFile);
  let highlighter: Highlighter | null = null;
  try {
    const recorder = new Recorder(store);
    for (const orphan of recorder.interruptOrphans()) {
      req.onNotice?.(
        `Run ${orphan.id} of ${orphan.homeUrl} (started ${orphan.startedAt.slice(0, 16).replace('T', ' ')} UTC) ` +
          `was left unfinished by a process that ended; it is now marked interrupted and keeps its ${orphan.pages} pages.`,
      );
    }
    const target = { url, level: req.level };
    const runId = recorder.startRun({
      target,
      catalogId: catalog.id,
      options: { budget: req.budget, render },
    });
    trace('audit: store open, run started');
    const crawl = await crawlOrAbandon(recorder, runId, () =>
      runSiteJob(
        {
          campaignId: null,
          targetId: recorder.targetIdOfRun(runId),
          runId,
          url,
          level: req.level,
          catalog: catalog.id,
          budget: req.budget,
          render,
          allowPrivate: req.allowPrivate,
        },
        {
          sink: recorder,
          renderer,
          linkHints: buildLinkPrioritizer(catalog),
          // The Nu checker (a JVM) starts only for a catalog that judges markup.
          validateMarkup: needs.has('markupValidation') ? validateMarkup : undefined,
          contactUrl: req.contactUrl,
          trustedCa: req.trustedCa,
          pageTimeoutMs: req.pageTimeoutMs,
          signal: req.signal,
          onProgress: req.onProgress,
        },
      ),
    );

    trace('audit: crawl done');
    // The browser that pictures the evidence elements starts while the rules are judged.
    highlighter = wasAudited(crawl) && renderer ? newHighlighter() : null;
    // A portal whose home page was never captured is not judged: its report says why, and nothing else.
    const evaluation = wasAudited(crawl) ? evaluateRun(store, recorder, runId, catalog) : null;
    trace('audit: rules evaluated');
    // Stored with its catalog version, policy and result ids, so the score in the report can be explained.
    if (evaluation) recordRunScore(store, runId, catalog);
    const site = evaluation?.site ?? loadSiteCaptures(store, runId);
    const pages = site.pages;
    const posture = evaluation
      ? judgePosture(site, await loadTrackerClassifier(req.knownTrackers))
      : undefined;
    const results = evaluation?.results ?? [];
    const comparedWith = evaluation ? compareWithPrevious(store, runId) : null;
    trace('audit: posture judged');
    // The browser that rendered the crawl also pictures the evidence elements (none with --render none).
    const elementShots =
      evaluation && highlighter
        ? await traced('audit: element shots', () => pictureEvidence(store, highlighter!, results, pages))
        : undefined;
    await highlighter?.close();
    const { writeReport } = await reportWriter;
    const { report, files } = await traced('audit: report written', () =>
      writeReportOrExplain(req.outDir, () =>
        writeReport(
          req.outDir,
          store.artifacts,
          catalog,
          (screenshotPath) =>
            buildReport({
              runId,
              target,
              crawl,
              catalog,
              pages,
              results,
              screenshotPath,
              comparedWith,
              elementShots,
              posture,
            }),
          { formats: req.formats, pages },
        ),
      ),
    );
    return { runId, evaluationId: evaluation?.evaluationId ?? null, report, reportFiles: files, crawl };
  } finally {
    await highlighter?.close();
    store.close();
    await traced('audit: browser closed', async () => renderer?.close());
  }
}

/** The evidence pictures' own offline browser, launching already; null without Chromium. */
function newHighlighter(): Highlighter | null {
  const executablePath = findChromium();
  if (!executablePath) return null;
  // Two pages at a time: nothing else runs by then, and each render is mostly one core's work.
  const highlighter = new Highlighter(executablePath, 2);
  highlighter.warmUp();
  return highlighter;
}

async function pictureEvidence(
  store: Store,
  highlighter: Highlighter,
  results: readonly IndicatorResult[],
  pages: readonly PageCapture[],
): Promise<ElementShots | undefined> {
  try {
    return await captureElementShots(store, highlighter, results, pages);
  } finally {
    await highlighter.close();
  }
}

/** Runs the crawl; a crawl that fails (the store cannot be written, say) leaves its run interrupted, not running. */
async function crawlOrAbandon(
  recorder: Recorder,
  runId: number,
  crawl: () => Promise<CrawlEnd>,
): Promise<CrawlEnd> {
  try {
    return await crawl();
  } catch (error) {
    recorder.abandonRun(runId, `The crawl failed: ${error instanceof Error ? error.message : String(error)}`);
    throw asUserError(error, 'The audit stopped');
  }
}

async function writeReportOrExplain<T>(outDir: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw asUserError(error, `The report could not be written to ${outDir}`);
  }
}

/** File-system errors (permissions, a full disk) are the user's to fix: said in one line, without a stack. */
function asUserError(error: unknown, context: string): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (!code || !FILE_SYSTEM_CODES.has(code)) return error;
  return new UserError(`${context}: ${(error as Error).message}`);
}

const FILE_SYSTEM_CODES = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'ENOTDIR', 'EISDIR']);

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
