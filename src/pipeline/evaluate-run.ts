import type { Store } from '../../db/client.ts';
import { loadSiteCaptures } from '../../db/repositories/site-captures.repo.ts';
import type { Recorder } from '../../queue/recorder.ts';
import type { Catalog, IndicatorResult, SiteCaptures } from '../core/index.ts';
import { runCatalog } from '../engine/run-rules.ts';

export interface Evaluation {
  evaluationId: number;
  results: IndicatorResult[];
  site: SiteCaptures;
}

/**
 * Judges one run from its stored captures (never fetching anything) and records the verdicts as a new
 * evaluation: the first audit, a campaign site, and a later rescoring all go through here.
 */
export function evaluateRun(store: Store, recorder: Recorder, runId: number, catalog: Catalog): Evaluation {
  const site = loadSiteCaptures(store, runId);
  const results = runCatalog(catalog, site);
  const evaluationId = recorder.recordEvaluation(runId, catalog, results);
  return { evaluationId, results, site };
}
