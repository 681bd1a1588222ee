import { dirname } from 'node:path';
import { repositories } from '../../db/index.ts';
import { CampaignWriter } from '../../queue/recorder/campaign-writes.ts';
import { getCatalog } from '../../rules/index.ts';
import { evaluateRun } from '../../src/pipeline/evaluate-run.ts';
import { resolveCampaign } from '../../src/scoring/campaign-runs.ts';
import { computeCampaignScores } from '../../src/scoring/campaign-scores.ts';
import { rescoreCampaign } from '../../src/scoring/rescore.ts';
import type { MemoryResult } from './memory-run.ts';
import { BENCH_CATALOG, BenchPipeline } from './pipeline.ts';
import {
  type RescoringBenchResult,
  rescoringBench,
  type ScoringBenchResult,
  scoringBench,
} from './scoring-bench.ts';
import { hostSites } from './site-host.ts';
import { median } from './stats.ts';

export interface CampaignScoringResult {
  portals: number;
  pages: number;
  /** computeCampaignScores: final values and scores of every portal, from the store (median of 3). */
  scoringMs: number;
  /** rescoreCampaign: every portal's rules re-run over its stored captures, new evaluations and scores. */
  rescoringMs: number;
  source: string;
}

/** The scoring issue's two targets, then the same operations on the bench's own campaign. */
export interface ScoringResult {
  /** 10,000 portals × 95 indicators scored in memory (target ≤ 1 s). */
  cohort: ScoringBenchResult;
  /** A 386-portal campaign re-scored from stored captures (target ≤ 10 s). */
  rescoring: RescoringBenchResult;
  campaign: CampaignScoringResult;
}

/** Without a memory run: a campaign of this many portals crawled over HTTP. */
const OWN_PORTALS = 20;
const OWN_PAGES = 60;

/**
 * Phase 5: scoring and re-scoring a campaign. Uses the memory run's campaign (every page rendered,
 * so axe results are in the store) when there is one; else crawls a small campaign over HTTP first.
 */
export async function runScoring(options: {
  memory: MemoryResult | null;
  concurrency: number;
  log: (line: string) => void;
}): Promise<ScoringResult> {
  options.log('  scoring 10,000 portals × 95 indicators');
  const cohort = scoringBench();
  options.log('  re-scoring a 386-portal campaign (building it first)');
  const rescoring = await rescoringBench();
  const campaign = await scoreBenchCampaign(options);
  return { cohort, rescoring, campaign };
}

async function scoreBenchCampaign(options: {
  memory: MemoryResult | null;
  concurrency: number;
  log: (line: string) => void;
}): Promise<CampaignScoringResult> {
  if (options.memory) {
    const pipeline = new BenchPipeline({
      render: 'none',
      concurrency: 1,
      dir: dirname(options.memory.storeFile),
    });
    try {
      return measure(pipeline, options.memory.campaign, `the memory run's campaign`);
    } finally {
      await pipeline.close();
    }
  }
  options.log(`  crawling a campaign of ${OWN_PORTALS} portals × ${OWN_PAGES} pages over HTTP to score`);
  const host = await hostSites(
    Array.from({ length: OWN_PORTALS }, (_, k) => ({ pages: OWN_PAGES, name: `Town${k + 1}` })),
  );
  const pipeline = new BenchPipeline({ render: 'none', concurrency: options.concurrency });
  try {
    const campaign = 'bench-scoring';
    const { campaignId } = new CampaignWriter(pipeline.store).create({
      name: campaign,
      catalogId: BENCH_CATALOG,
      options: {},
      targets: host.sites.map((s) => ({ url: `${s.origin}/`, level: 'city' as const })),
    });
    const catalog = getCatalog(BENCH_CATALOG);
    for (const site of host.sites) {
      const run = await pipeline.crawl(`${site.origin}/`, site.pages, campaignId);
      evaluateRun(pipeline.store, pipeline.recorder, run.runId, catalog);
    }
    return measure(pipeline, campaign, `${OWN_PORTALS} portals crawled over HTTP`);
  } finally {
    await pipeline.close();
    await host.close();
  }
}

function measure(pipeline: BenchPipeline, campaign: string, source: string): CampaignScoringResult {
  const repos = repositories(pipeline.store);
  const ref = resolveCampaign(repos, campaign);
  const times: number[] = [];
  let portals = 0;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    portals = computeCampaignScores(repos, ref).portals.length;
    times.push(performance.now() - t0);
  }
  const rescored = rescoreCampaign(pipeline.store, campaign);
  const pages = rescored.scores.portals.reduce((sum, p) => sum + repos.pages.count(p.run.id), 0);
  return { portals, pages, scoringMs: median(times), rescoringMs: rescored.ms, source };
}
