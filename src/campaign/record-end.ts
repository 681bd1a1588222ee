import { repositories, type Store } from '../../db/index.ts';
import { loadSiteCaptures } from '../../db/repositories/site-captures.repo.ts';
import type { Recorder } from '../../queue/recorder.ts';
import { getCatalog } from '../../rules/index.ts';
import type { CrawlEnd } from '../core/index.ts';
import { runCatalog } from '../engine/run-rules.ts';
import type { RoundState } from './rounds.ts';

export interface RecordedEnd {
  runId: number;
  evaluationId: number | null;
  /** Why the run could not be evaluated (unknown catalog, …); the crawl end is recorded anyway. */
  evaluationError?: string;
}

/**
 * Records how a target's crawl ended and judges the run from its stored captures, as the embedded
 * audit does. The same end delivered twice (a coordinator restarted between recording it and
 * acknowledging it) is not evaluated twice.
 */
export function recordEndAndEvaluate(
  store: Store,
  recorder: Recorder,
  runId: number,
  end: CrawlEnd,
): RecordedEnd {
  const repos = repositories(store);
  const before = repos.runs.get(runId);
  const judgedBefore = repos.evaluations.listForRun(runId).length;
  const repeated =
    before !== null &&
    before.status !== 'running' &&
    before.finishedAt === end.finishedAt &&
    judgedBefore > 0;
  recorder.write({ type: 'crawl-end', runId, end });
  if (repeated) return { runId, evaluationId: null };
  const run = repos.runs.require(runId);
  try {
    return { runId, evaluationId: judgeOnce(store, recorder, runId, run.catalogId, judgedBefore) };
  } catch (error) {
    return {
      runId,
      evaluationId: null,
      evaluationError: error instanceof Error ? error.message : String(error),
    };
  }
}

/**
 * Judges the round's ended runs that have no evaluation: a coordinator killed between recording a
 * crawl end and judging it leaves such a run, and the end's record may not come back (its job in
 * Redis can be failed as stalled). Returns how many runs were judged now.
 */
export function evaluateUnjudgedRuns(
  store: Store,
  recorder: Recorder,
  state: RoundState,
  log: (line: string) => void,
): number {
  const repos = repositories(store);
  let judged = 0;
  for (const target of state.targets) {
    const run = target.run && repos.runs.get(target.run.id);
    if (!run || run.status === 'running' || repos.evaluations.listForRun(run.id).length > 0) continue;
    try {
      if (judgeOnce(store, recorder, run.id, run.catalogId) !== null) judged++;
    } catch (error) {
      log(`run ${run.id}: not evaluated: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return judged;
}

/**
 * Judges a run unless it has more than `judgedBefore` evaluations: the verdicts are computed outside
 * any transaction (several coordinators may share the store and write meanwhile) and written only if
 * no other coordinator judged the run in between — checked in the writing transaction. Returns the new
 * evaluation's id, or null when the run was judged by someone else.
 */
export function judgeOnce(
  store: Store,
  recorder: Recorder,
  runId: number,
  catalogId: string,
  judgedBefore = 0,
): number | null {
  const repos = repositories(store);
  const judged = () => repos.evaluations.listForRun(runId).length > judgedBefore;
  if (judged()) return null;
  const catalog = getCatalog(catalogId);
  const results = runCatalog(catalog, loadSiteCaptures(store, runId));
  return store.transaction(() => (judged() ? null : recorder.recordEvaluation(runId, catalog, results)));
}
