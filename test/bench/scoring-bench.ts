import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSiteCaptures, openStore, repositories } from '../../db/index.ts';
import { Recorder } from '../../queue/recorder.ts';
import { runSiteJob } from '../../queue/run-site-job.ts';
import { buildLinkPrioritizer, getCatalog } from '../../rules/index.ts';
import type { Catalog, CatalogEntry, Outcome, SiteArtifacts } from '../../src/core/index.ts';
import { PORTALS_ROOT, startPortal } from '../../src/fixture-server/portal-fixture.ts';
import { evaluateRun } from '../../src/pipeline/evaluate-run.ts';
import { scoreCohort } from '../../src/scoring/cohort-score.ts';
import {
  type FinalValue,
  finalValues,
  type ResultInput,
  type ReviewInput,
} from '../../src/scoring/final-values.ts';
import { rescoreCampaign } from '../../src/scoring/rescore.ts';

/** LOSI 2024 criteria sizes (IF 6, CP 30, SP 22, PE 15, EGL 10, TEC 12 = 95). */
const CRITERION_SIZES: [string, number][] = [
  ['IF', 6],
  ['CP', 30],
  ['SP', 22],
  ['PE', 15],
  ['EGL', 10],
  ['TEC', 12],
];
const OUTCOME_MIX: Outcome[] = [
  'met',
  'met',
  'met',
  'not_met',
  'not_met',
  'needs_review',
  'not_applicable',
  'error',
];

export interface ScoringBenchResult {
  portals: number;
  indicators: number;
  /** Final values (latest review else automated) and scores of every portal, LOSI (absolute). */
  losiMs: number;
  /** The same portals as national ones: OSI module subindices and the cohort normalisation. */
  osiMs: number;
  /** CPU time of the same two runs (wall time on a loaded machine includes waiting for a core). */
  losiCpuMs: number;
  osiCpuMs: number;
  /** Of losiMs: building the final values (the rest is scoring). */
  finalValuesMs: number;
}

/**
 * The scoring target: N portals × M indicators (default 10,000 × 95, ≤ 1 s) scored from
 * automated results and reviews in memory — the scoring itself, without the store.
 */
export function scoringBench(options: { portals?: number; indicators?: number } = {}): ScoringBenchResult {
  const portals = options.portals ?? 10_000;
  const indicators = options.indicators ?? 95;
  const base = getCatalog('losi-2024');
  const entries = syntheticEntries(indicators);
  const city: Catalog = { ...base, id: 'bench-losi', entries, rules: [] };
  const national: Catalog = { ...city, id: 'bench-osi', level: 'national' };
  let seed = 42;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed;
  };
  const inputs = Array.from({ length: portals }, () => {
    const results: ResultInput[] = entries.map((e) => ({
      resultId: next(),
      ruleId: e.ruleId,
      code: e.code,
      outcome: OUTCOME_MIX[next() % OUTCOME_MIX.length] as Outcome,
      method: e.method,
      confidence: 0.9,
    }));
    const reviews = new Map<string, ReviewInput>();
    for (let k = 0; k < 3; k++) {
      const e = entries[next() % entries.length] as CatalogEntry;
      reviews.set(e.code, { id: next(), code: e.code, reviewer: 'bench', toValue: 'met', createdAt: '' });
    }
    return { results, reviews };
  });
  const time = (catalog: Catalog) => {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const finals: FinalValue[][] = inputs.map((p) => finalValues(catalog.entries, p.results, p.reviews));
    const t1 = performance.now();
    scoreCohort(finals.map((outcomes) => ({ catalog, outcomes })));
    const cpu = process.cpuUsage(cpu0);
    return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000, finalValuesMs: t1 - t0 };
  };
  const losi = time(city);
  const osi = time(national);
  return {
    portals,
    indicators,
    losiMs: losi.ms,
    osiMs: osi.ms,
    losiCpuMs: losi.cpuMs,
    osiCpuMs: osi.cpuMs,
    finalValuesMs: losi.finalValuesMs,
  };
}

function syntheticEntries(count: number): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  const total = CRITERION_SIZES.reduce((n, [, size]) => n + size, 0);
  for (const [criterion, size] of CRITERION_SIZES) {
    const n = Math.max(1, Math.round((size / total) * count));
    for (let i = 0; i < n && entries.length < count; i++) {
      const code = `${criterion.toLowerCase()}${i + 1}`;
      entries.push({
        code,
        criterion,
        title: code,
        definition: code,
        method: 'auto',
        ruleId: `bench/${code}`,
      });
    }
  }
  return entries;
}

export interface RescoringBenchResult {
  portals: number;
  pagesPerPortal: number;
  /** Building the campaign (one real crawl, then its captures copied to every portal). */
  setupMs: number;
  /** rescoreCampaign: rules over every portal's stored captures, evaluations and scores stored. */
  rescoringMs: number;
  /** CPU time of the same (wall time on a loaded machine includes waiting for a core). */
  rescoringCpuMs: number;
}

/**
 * The rescoring target: a campaign of N portals (default 386) re-scored from stored captures
 * (≤ 10 s). One fixture portal is crawled over HTTP (no browser) and its captures copied to every
 * portal of a fresh store; each portal is evaluated once, then the whole campaign is rescored.
 */
export async function rescoringBench(
  options: { portals?: number; fixture?: string; maxPages?: number } = {},
): Promise<RescoringBenchResult> {
  const portals = options.portals ?? 386;
  const setupStart = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'pa-rescoring-bench-'));
  const store = openStore(join(dir, 'bench.db'));
  const portal = await startPortal(join(PORTALS_ROOT, options.fixture ?? 'demo'));
  try {
    const catalog = getCatalog('losi-2024');
    const recorder = new Recorder(store);
    const repos = repositories(store);
    const template = recorder.startRun({
      target: { url: portal.home, level: 'city' },
      catalogId: catalog.id,
    });
    const end = await runSiteJob(
      {
        campaignId: null,
        targetId: recorder.targetIdOfRun(template),
        runId: template,
        url: portal.home,
        level: 'city',
        catalog: catalog.id,
        budget: { maxPages: options.maxPages ?? 60, maxDepth: 4, maxSeconds: 0 },
        render: 'none',
        allowPrivate: true,
      },
      { sink: recorder, linkHints: buildLinkPrioritizer(catalog) },
    );
    const site = loadSiteCaptures(store, template);
    const campaignId = repos.campaigns.create({ name: 'rescoring-bench', catalogId: catalog.id });
    for (let i = 0; i < portals; i++) {
      store.transaction(() => {
        const runId = recorder.startRun({
          target: { url: `${portal.home}?portal=${i}`, level: 'city', country: `Country ${i}` },
          campaignId,
          catalogId: catalog.id,
        });
        for (const capture of site.pages) recorder.write({ type: 'page', runId, capture, artifacts: [] });
        for (const [kind, data] of Object.entries(site.artifacts) as [keyof SiteArtifacts, never][]) {
          recorder.write({ type: 'site-artifact', runId, kind, data, artifacts: [] });
        }
        recorder.write({ type: 'crawl-end', runId, end });
        evaluateRun(store, recorder, runId, catalog);
      });
    }
    const setupMs = performance.now() - setupStart;
    const cpu0 = process.cpuUsage();
    const { ms } = rescoreCampaign(store, 'rescoring-bench');
    const cpu = process.cpuUsage(cpu0);
    const rescoringCpuMs = (cpu.user + cpu.system) / 1000;
    return { portals, pagesPerPortal: site.pages.length, setupMs, rescoringMs: ms, rescoringCpuMs };
  } finally {
    store.close();
    await portal.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
