import type { Repositories, StoredCampaign, StoredRun, StoredTarget } from '../../db/index.ts';
import type { Recorder } from '../../queue/recorder.ts';
import type { SiteJob } from '../../queue/site-job.ts';
import { defaultCatalogId } from '../../rules/index.ts';
import type { FetchStatus } from '../core/index.ts';
import { type CampaignOptions, campaignOptionsOf } from './campaign-options.ts';

/**
 * A round is one run per target of the campaign (runs.round). A target is done in a round when its
 * latest run there is no longer running (finished, or interrupted with a recorded outcome); the round
 * is finished when every target is done. `campaign retry` adds a newer run to the same round.
 */
export interface RoundTarget {
  target: StoredTarget;
  /** The target's latest run in the round; null when the round has not reached it yet. */
  run: StoredRun | null;
}

export interface RoundState {
  round: number;
  targets: RoundTarget[];
  done: number;
  running: number;
  notStarted: number;
  finished: boolean;
  /** Outcome of each done target's latest run. */
  outcomes: Partial<Record<FetchStatus, number>>;
  /** Portal pages of the done targets (CrawlEnd.pages). */
  pages: number;
}

/** The campaign's latest round number; 0 before the first. */
export function latestRound(repos: Repositories, campaignId: number): number {
  return repos.runs.list({ campaignId }).reduce((max, run) => Math.max(max, run.round), 0);
}

export function roundState(repos: Repositories, campaignId: number, round: number): RoundState {
  const latest = new Map<number, StoredRun>();
  // Newest first: the first run seen of a target is its latest in the round.
  for (const run of repos.runs.list({ campaignId })) {
    if (run.round === round && !latest.has(run.targetId)) latest.set(run.targetId, run);
  }
  const targets = repos.targets
    .listForCampaign(campaignId)
    .map((target) => ({ target, run: latest.get(target.id) ?? null }));
  const state: RoundState = {
    round,
    targets,
    done: 0,
    running: 0,
    notStarted: 0,
    finished: false,
    outcomes: {},
    pages: 0,
  };
  for (const { run } of targets) {
    if (!run) state.notStarted++;
    else if (run.status === 'running') state.running++;
    else {
      state.done++;
      state.pages += run.pages;
      const outcome = run.outcome ?? 'error';
      state.outcomes[outcome] = (state.outcomes[outcome] ?? 0) + 1;
    }
  }
  state.finished = round > 0 && targets.length > 0 && state.done === targets.length;
  return state;
}

export interface PreparedRun {
  target: StoredTarget;
  run: StoredRun;
}

/**
 * Creates the round's runs for the targets it has not reached yet and returns every run of the
 * round still to crawl (new ones and those left running by an earlier, interrupted session).
 */
export function prepareRound(
  repos: Repositories,
  recorder: Recorder,
  campaign: StoredCampaign,
  round: number,
): PreparedRun[] {
  const options = campaignOptionsOf(campaign);
  const state = roundState(repos, campaign.id, round);
  const pending: PreparedRun[] = [];
  for (const { target, run } of state.targets) {
    if (run && run.status !== 'running') continue;
    pending.push({ target, run: run ?? startTargetRun(repos, recorder, campaign, options, target, round) });
  }
  return pending;
}

/** A new run of one target in a round (first crawl of the round, or a retry). */
export function startTargetRun(
  repos: Repositories,
  recorder: Recorder,
  campaign: StoredCampaign,
  options: CampaignOptions,
  target: StoredTarget,
  round: number,
): StoredRun {
  const runId = recorder.startRun({
    target,
    campaignId: campaign.id,
    round,
    catalogId: options.catalogByLevel ? defaultCatalogId(target.level) : campaign.catalogId,
    options: { budget: options.budget, render: options.render, validateMarkup: options.validateMarkup },
  });
  return repos.runs.require(runId);
}

/** The site job of a run (DESIGN.md payload), the same for a fleet worker and the in-process runner. */
export function siteJobFor(options: CampaignOptions, target: StoredTarget, run: StoredRun): SiteJob {
  return {
    campaignId: run.campaignId,
    targetId: target.id,
    runId: run.id,
    url: run.homeUrl,
    level: target.level,
    catalog: run.catalogId,
    budget: options.budget,
    render: options.render,
    allowPrivate: options.allowPrivate,
    validateMarkup: options.validateMarkup,
  };
}
