import { openStore, repositories, type Store, type StoredCampaign } from '../../../db/index.ts';
import { redisUrlFromEnv } from '../../../queue/fleet/connection.ts';
import { RoundFirings, type RoundSchedule } from '../../../queue/fleet/round-firings.ts';
import { SiteJobQueue } from '../../../queue/fleet/site-queue.ts';
import type { FetchStatus } from '../../core/index.ts';
import { campaignOptionsOf } from '../campaign-options.ts';
import { formatFailures } from '../progress.ts';
import { latestRound, roundState } from '../rounds.ts';
import { requireCampaign } from './run.ts';

export interface RoundSummary {
  round: number;
  targets: number;
  done: number;
  running: number;
  notStarted: number;
  finished: boolean;
  pages: number;
  outcomes: Partial<Record<FetchStatus, number>>;
}

export interface CampaignStatus {
  name: string;
  catalog: string;
  createdAt: string;
  targets: number;
  options: Record<string, unknown>;
  rounds: RoundSummary[];
  /** With REDIS_URL: the shared site-jobs queue and this campaign's schedule. */
  fleet?: {
    workers: number;
    siteJobs: { waiting: number; active: number; delayed: number; failed: number };
    schedule: RoundSchedule | null;
  };
}

export function roundSummaries(store: Store, campaign: StoredCampaign): RoundSummary[] {
  const repos = repositories(store);
  const rounds: RoundSummary[] = [];
  for (let round = 1; round <= latestRound(repos, campaign.id); round++) {
    const state = roundState(repos, campaign.id, round);
    rounds.push({
      round,
      targets: state.targets.length,
      done: state.done,
      running: state.running,
      notStarted: state.notStarted,
      finished: state.finished,
      pages: repos.campaigns.roundPageCount(campaign.id, round),
      outcomes: state.outcomes,
    });
  }
  return rounds;
}

export async function campaignStatus(store: Store, campaign: StoredCampaign): Promise<CampaignStatus> {
  const repos = repositories(store);
  const status: CampaignStatus = {
    name: campaign.name,
    catalog: campaign.catalogId,
    createdAt: campaign.createdAt,
    targets: repos.targets.listForCampaign(campaign.id).length,
    options: campaign.options,
    rounds: roundSummaries(store, campaign),
  };
  const redisUrl = redisUrlFromEnv();
  if (redisUrl) {
    const siteJobs = new SiteJobQueue(redisUrl);
    const firings = new RoundFirings(redisUrl, campaignOptionsOf(campaign).queueKey);
    try {
      status.fleet = {
        workers: await siteJobs.workers(),
        siteJobs: await siteJobs.counts(),
        schedule: await firings.current(),
      };
    } finally {
      await Promise.allSettled([siteJobs.close(), firings.close()]);
    }
  }
  return status;
}

/** `campaign status <name> [--json]`. */
export async function statusCommand(name: string, options: { db: string; json?: boolean }): Promise<number> {
  const store = openStore(options.db, { mustExist: true });
  try {
    const status = await campaignStatus(store, requireCampaign(store, name));
    if (options.json) {
      process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
      return 0;
    }
    const lines = [`Campaign "${status.name}": ${status.targets} targets, catalog ${status.catalog}`];
    if (status.rounds.length === 0) lines.push('  not run yet');
    for (const r of status.rounds) {
      const state = r.finished ? 'finished' : `${r.running} running, ${r.notStarted} not started`;
      const failures = formatFailures(r.outcomes);
      lines.push(
        `  round ${r.round}: ${r.done}/${r.targets} done (${state}), ${r.pages} pages, ${r.outcomes.ok ?? 0} reached${failures ? `; not reached: ${failures}` : ''}`,
      );
    }
    if (status.fleet) {
      const q = status.fleet.siteJobs;
      lines.push(
        `  fleet: ${status.fleet.workers} workers; site jobs (all campaigns) ${q.waiting} waiting, ${q.active} active, ${q.delayed} delayed, ${q.failed} failed`,
      );
      const s = status.fleet.schedule;
      lines.push(
        s
          ? `  schedule: "${s.pattern}"${s.tz ? ` (${s.tz})` : ''}, next ${s.next ? new Date(s.next).toISOString() : 'unknown'}`
          : '  schedule: none',
      );
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } finally {
    store.close();
  }
}

/** `campaign list [--json]`. */
export function listCommand(options: { db: string; json?: boolean }): number {
  const store = openStore(options.db, { mustExist: true });
  try {
    const repos = repositories(store);
    const rows = repos.campaigns.list().map((campaign) => {
      const rounds = roundSummaries(store, campaign);
      const last = rounds.at(-1);
      return {
        name: campaign.name,
        catalog: campaign.catalogId,
        targets: repos.targets.listForCampaign(campaign.id).length,
        rounds: rounds.length,
        latest: last
          ? { round: last.round, done: last.done, targets: last.targets, finished: last.finished }
          : null,
        createdAt: campaign.createdAt,
      };
    });
    if (options.json) {
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return 0;
    }
    if (rows.length === 0) {
      process.stdout.write(`No campaigns in ${store.file}.\n`);
      return 0;
    }
    for (const row of rows) {
      const latest = row.latest
        ? `round ${row.latest.round} ${row.latest.finished ? 'finished' : `${row.latest.done}/${row.latest.targets} done`}`
        : 'not run yet';
      process.stdout.write(`${row.name}\t${row.targets} targets\t${row.catalog}\t${latest}\n`);
    }
    return 0;
  } finally {
    store.close();
  }
}
