import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defaultCatalogId, getCatalog, resolveCatalog } from '../../rules/index.ts';
import { type Catalog, DEFAULT_BUDGET, type RenderMode, TOOL_VERSION, UserError } from '../core/index.ts';
import { startPortal } from '../fixture-server/portal-fixture.ts';
import { type EvalTarget, type EvalTargetSpec, resolveTargets } from './eval-targets.ts';
import type { EvalReport, JudgedIndicator, PortalSummary } from './eval-types.ts';
import { evidenceReach, type ReachCapture, storedCaptures, totalReach } from './evidence-reach.ts';
import { type JudgeInput, judgeResults } from './judge.ts';
import {
  byIndicator,
  byLanguage,
  byMethod,
  calibrate,
  countVerdicts,
  methodTargets,
  wrongAnswers,
} from './metrics.ts';
import { rejudgeStored } from './rejudge.ts';

export interface EvalRequest {
  targets: EvalTargetSpec[];
  render: RenderMode;
  maxPages?: number;
  /** Catalog id for every portal; by default each portal's `level` picks it. */
  catalogId?: string;
  /** A catalog object (tests): wins over catalogId. */
  catalog?: Catalog;
  /** Keep each portal's evidence store and report under `<keepDir>/<portal>/` instead of a temp dir. */
  keepDir?: string;
  /** With keepDir: judge the captures kept there again with the current rules instead of crawling. */
  rejudge?: boolean;
  onMessage?: (text: string) => void;
}

/**
 * Serves each labelled portal on 127.0.0.1, audits it in-process exactly as `audit` would, and compares every
 * indicator with its label. Portals run one after another: each audit already drives Chromium.
 */
export async function runEval(req: EvalRequest): Promise<EvalReport> {
  // An edition file is loaded (and checked) once, before any portal is served; then it is known by its id.
  if (req.catalogId && !req.catalog) req = { ...req, catalogId: resolveCatalog(req.catalogId) };
  const targets = await resolveTargets(req.targets);
  const maxPages = req.maxPages ?? DEFAULT_BUDGET.maxPages;
  const portals: PortalSummary[] = [];
  const rows: JudgedIndicator[] = [];
  for (const [i, target] of targets.entries()) {
    const verb = req.rejudge ? 'judging the kept captures of' : 'auditing';
    req.onMessage?.(`[${i + 1}/${targets.length}] ${verb} ${target.truth.portal} (${target.dir})…`);
    const { summary, judged } = await evalPortal(target, req, maxPages);
    portals.push(summary);
    rows.push(...judged);
    const c = summary.counts;
    req.onMessage?.(
      `      ${summary.pages} pages in ${summary.seconds.toFixed(0)} s: TP ${c.tp} FP ${c.fp} FN ${c.fn} TN ${c.tn}`,
    );
  }
  const methods = byMethod(rows);
  return {
    tool: { name: 'portal-audit', version: TOOL_VERSION },
    generatedAt: new Date().toISOString(),
    options: {
      render: req.render,
      maxPages,
      catalog: req.catalog?.id ?? req.catalogId ?? null,
      rejudge: Boolean(req.rejudge),
    },
    portals,
    evidenceReach: totalReach(portals.map((p) => p.evidenceReach)),
    overall: countVerdicts(rows),
    byMethod: methods,
    targets: methodTargets(methods),
    byLanguage: byLanguage(rows),
    byIndicator: byIndicator(rows),
    calibration: calibrate(rows),
    wrong: wrongAnswers(rows),
    results: rows.filter((r) => r.verdict !== 'unlabelled'),
  };
}

/** What one audit (or one re-judging of kept captures) produced, before comparing with labels. */
interface PortalRun {
  results: JudgeInput[];
  catalogId: string;
  pages: number;
  renderedPages: number;
  externalPages: number;
  stopReason: string;
  /** Served origin → how evidence shows it ('' for the main site, the HTML's host name for externals). */
  origins: Record<string, string>;
  /** The run's captures, for evidence reach. */
  captures: ReachCapture[];
}

async function evalPortal(
  target: EvalTarget,
  req: EvalRequest,
  maxPages: number,
): Promise<{ summary: PortalSummary; judged: JudgedIndicator[] }> {
  const { truth } = target;
  const started = Date.now();
  const run = req.rejudge ? rejudgePortal(target, req) : await auditPortal(target, req, maxPages);
  const judged = judgeResults(run.results, {
    portal: truth.portal,
    language: truth.language,
    catalog: run.catalogId,
    labels: truth.indicators,
    origins: run.origins,
  });
  const judgedCodes = new Set(run.results.map((r) => r.code));
  return {
    judged,
    summary: {
      portal: truth.portal,
      dir: target.dir,
      level: truth.level,
      language: truth.language,
      catalog: run.catalogId,
      home: truth.home,
      pages: run.pages,
      renderedPages: run.renderedPages,
      externalPages: run.externalPages,
      stopReason: run.stopReason,
      seconds: (Date.now() - started) / 1000,
      counts: countVerdicts(judged),
      evidenceReach: evidenceReach(truth.indicators, run.captures, run.origins),
      labelsWithoutRule: Object.keys(truth.indicators)
        .filter((code) => !judgedCodes.has(code))
        .sort(),
    },
  };
}

async function auditPortal(target: EvalTarget, req: EvalRequest, maxPages: number): Promise<PortalRun> {
  const { truth } = target;
  const workDir = req.keepDir
    ? resolve(req.keepDir, truth.portal)
    : await mkdtemp(join(tmpdir(), 'portal-audit-eval-'));
  if (req.keepDir) {
    // A fresh store per eval: --rejudge reads the newest run, which must be this crawl.
    await rm(workDir, { recursive: true, force: true });
    await mkdir(workDir, { recursive: true });
  }
  const portal = await startPortal(target.dir, { truth });
  try {
    // Loaded on demand like the audit command: the pipeline pulls in the browser, the store and every rule.
    const { auditSite } = await import('../pipeline/audit-site.ts');
    const { report } = await auditSite({
      url: portal.home,
      level: truth.level,
      catalogId: req.catalogId,
      catalog: req.catalog,
      budget: { ...DEFAULT_BUDGET, maxPages },
      render: req.render,
      allowPrivate: true,
      dbFile: join(workDir, 'evidence.db'),
      outDir: join(workDir, 'report'),
    });
    const origins: Record<string, string> = { [portal.origin]: '' };
    for (const [host, origin] of Object.entries(portal.externals)) origins[origin] = host;
    return {
      captures: storedCaptures(join(workDir, 'evidence.db')),
      results: report.indicators,
      catalogId: report.catalog.id,
      pages: report.crawl.pages,
      renderedPages: report.crawl.renderedPages,
      externalPages: report.crawl.externalPages,
      stopReason: report.crawl.stopReason,
      origins,
    };
  } finally {
    await portal.close();
    if (!req.keepDir) await rm(workDir, { recursive: true, force: true });
  }
}

function rejudgePortal(target: EvalTarget, req: EvalRequest): PortalRun {
  if (!req.keepDir) throw new UserError('--rejudge needs --keep <dir>: the folder an earlier eval kept.');
  const catalog = req.catalog ?? getCatalog(req.catalogId ?? defaultCatalogId(target.truth.level));
  const dbFile = join(resolve(req.keepDir, target.truth.portal), 'evidence.db');
  const stored = rejudgeStored(dbFile, catalog);
  return { ...stored, origins: { [stored.origin]: '' }, captures: storedCaptures(dbFile) };
}
