import { repositories, type Store } from '../../db/index.ts';
import { ScoreWriter } from '../../queue/recorder/score-writes.ts';
import { Recorder } from '../../queue/recorder.ts';
import type { Catalog, Outcome } from '../core/index.ts';
import { evaluateRun } from '../pipeline/evaluate-run.ts';
import { resolveCampaign, selectCampaignRuns } from './campaign-runs.ts';
import { type CampaignScores, computeCampaignScores, knownCatalog, toScoreSet } from './campaign-scores.ts';
import type { ScorePolicy } from './score-policy.ts';

export interface RescoreOptions {
  /**
   * Re-run this catalog for the campaign's portals of its level (a city catalog for city portals, a
   * national one for national portals); other portals keep their run's catalog.
   */
  catalog?: Catalog;
  policy?: ScorePolicy;
  /** Resolves the catalog ids stored with runs. @default the catalogs of rules/ */
  catalogById?: (id: string) => Catalog;
  onProgress?: (done: number, total: number) => void;
}

export interface IndicatorChange {
  runId: number;
  code: string;
  from: Outcome | null;
  to: Outcome;
}

export interface RescoreOutcome {
  scores: CampaignScores;
  scoreSetId: number;
  evaluations: number;
  /** Automated outcomes that differ from the run's previous evaluation. */
  changes: IndicatorChange[];
  ms: number;
}

/**
 * Re-runs the rules over every portal's stored captures (evaluateRun: nothing is fetched), records
 * the new evaluations, then recomputes and stores the campaign's scores as a new score set.
 */
export function rescoreCampaign(
  store: Store,
  campaignRef: string,
  options: RescoreOptions = {},
): RescoreOutcome {
  const started = performance.now();
  const repos = repositories(store);
  const byId = options.catalogById ?? knownCatalog;
  const ref = resolveCampaign(repos, campaignRef);
  const recorder = new Recorder(store);
  const override = options.catalog;
  const catalogOf = (run: { catalogId: string }, level: string): Catalog =>
    override && override.level === level ? override : byId(run.catalogId);

  const { portals } = selectCampaignRuns(repos, ref);
  const changes: IndicatorChange[] = [];
  const evaluated = new Map<number, Catalog>();
  portals.forEach(({ run, target }, i) => {
    const catalog = catalogOf(run, target.level);
    const previous = repos.evaluations.latestOutcomes(run.id);
    const { results } = evaluateRun(store, recorder, run.id, catalog);
    for (const r of results) {
      const from = previous.get(r.code) ?? null;
      if (from !== r.outcome) changes.push({ runId: run.id, code: r.code, from, to: r.outcome });
    }
    evaluated.set(run.id, catalog);
    options.onProgress?.(i + 1, portals.length);
  });
  const overridden = override ? [...evaluated.values()].filter((c) => c === override).length : 0;

  const scores = computeCampaignScores(repos, ref, {
    policy: options.policy,
    catalogFor: (run) => evaluated.get(run.id) ?? byId(run.catalogId),
  });
  if (override && overridden === 0) {
    scores.warnings.push(
      `--catalog ${override.id} is for ${override.level} portals and the campaign has none: every portal kept its run's catalog.`,
    );
  }
  const scoreSetId = new ScoreWriter(store).recordScoreSet(toScoreSet(scores, 'rescore'));
  return { scores, scoreSetId, evaluations: evaluated.size, changes, ms: performance.now() - started };
}
