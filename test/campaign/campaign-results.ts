import { repositories, type Store } from '../../db/index.ts';

/** What a round produced per target URL, comparable across runs of the campaign in different modes. */
export interface TargetResult {
  status: string;
  outcome: string | null;
  stopReason: string | null;
  pages: number;
  /** "url status", sorted. */
  captures: string[];
  /** "ruleId outcome", sorted (latest evaluation). */
  indicators: string[];
  evaluations: number;
}

/** Results of a round by target, under `key(target url)`. */
export function roundResults(
  store: Store,
  campaignName: string,
  round: number,
  key: (url: string) => string,
) {
  const repos = repositories(store);
  const campaign = repos.campaigns.getByName(campaignName);
  if (!campaign) throw new Error(`no campaign ${campaignName}`);
  const results: Record<string, TargetResult> = {};
  const seen = new Set<number>();
  for (const run of repos.runs.list({ campaignId: campaign.id })) {
    if (run.round !== round || seen.has(run.targetId)) continue;
    seen.add(run.targetId);
    const target = repos.targets.get(run.targetId)!;
    results[key(target.url)] = {
      status: run.status,
      outcome: run.outcome,
      stopReason: run.stopReason,
      pages: run.pages,
      captures: repos.pages
        .listCaptures(run.id)
        .map((c) => `${c.url} ${c.status}`)
        .sort(),
      indicators: repos.evaluations
        .latestResults(run.id)
        .map((r) => `${r.ruleId} ${r.outcome}`)
        .sort(),
      evaluations: repos.evaluations.listForRun(run.id).length,
    };
  }
  return results;
}
