import { openStore, repositories } from '../../../db/index.ts';
import { redisUrlFromEnv } from '../../../queue/fleet/connection.ts';
import { resultsQueueName } from '../../../queue/fleet/queue-names.ts';
import { SiteJobQueue } from '../../../queue/fleet/site-queue.ts';
import { Recorder } from '../../../queue/recorder.ts';
import { FETCH_STATUSES, type FetchStatus, TRANSIENT_STATUSES, UserError } from '../../core/index.ts';
import { campaignOptionsOf } from '../campaign-options.ts';
import { latestRound, roundState, siteJobFor, startTargetRun } from '../rounds.ts';
import { requireCampaign } from './run.ts';

/** Retried when no --status is given: the transient failures, and jobs that failed ('error'). */
export const DEFAULT_RETRY_STATUSES: readonly FetchStatus[] = [...TRANSIENT_STATUSES, 'error'];

export function parseStatuses(spec?: string): FetchStatus[] {
  if (!spec) return [...DEFAULT_RETRY_STATUSES];
  const statuses = spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const s of statuses) {
    if (!(FETCH_STATUSES as readonly string[]).includes(s))
      throw new UserError(`Unknown status "${s}". Statuses: ${FETCH_STATUSES.join(', ')}.`);
  }
  return statuses as FetchStatus[];
}

/**
 * `campaign retry`: targets of the latest round whose outcome is one of the statuses get a new run in
 * the same round (the earlier run stays in the store). With REDIS_URL their site jobs are queued at
 * once; a running `campaign run` records them, otherwise the next one does.
 */
export async function retryCommand(name: string, options: { db: string; status?: string }): Promise<number> {
  const statuses = new Set(parseStatuses(options.status));
  const store = openStore(options.db, { mustExist: true });
  try {
    const repos = repositories(store);
    const campaign = requireCampaign(store, name);
    const campaignOptions = campaignOptionsOf(campaign);
    const round = latestRound(repos, campaign.id);
    if (round === 0) throw new UserError(`Campaign "${name}" has not run yet: nothing to retry.`);
    const recorder = new Recorder(store);
    const again = roundState(repos, campaign.id, round)
      .targets.filter(({ run }) => run && run.status !== 'running' && statuses.has(run.outcome ?? 'error'))
      .map(({ target }) => ({
        target,
        run: startTargetRun(repos, recorder, campaign, campaignOptions, target, round),
      }));
    const redisUrl = redisUrlFromEnv();
    if (redisUrl && again.length > 0) {
      const queue = new SiteJobQueue(redisUrl);
      try {
        await queue.enqueue(
          campaignOptions.queueKey,
          campaignOptions.retry,
          again.map(({ target, run }) => ({
            ...siteJobFor(campaignOptions, target, run),
            campaignId: campaign.id,
            resultsQueue: resultsQueueName(campaignOptions.queueKey),
          })),
        );
      } finally {
        await queue.close();
      }
    }
    process.stdout.write(
      `${again.length} target${again.length === 1 ? '' : 's'} of round ${round} (${[...statuses].join(', ')}) will be crawled again.` +
        (again.length ? ` Record them with \`portal-audit campaign run ${JSON.stringify(name)}\`.` : '') +
        '\n',
    );
    return 0;
  } finally {
    store.close();
  }
}
