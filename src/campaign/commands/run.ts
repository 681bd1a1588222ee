import { openStore, repositories, type Store, type StoredCampaign } from '../../../db/index.ts';
import { redisUrlFromEnv, requireRedisUrl } from '../../../queue/fleet/connection.ts';
import { Recorder } from '../../../queue/recorder.ts';
import { UserError } from '../../core/index.ts';
import { coordinateCampaign } from '../coordinator.ts';
import { runCampaignInProcess } from '../local-runner.ts';
import { CampaignProgress, roundSummary } from '../progress.ts';
import { evaluateUnjudgedRuns, recordEndAndEvaluate } from '../record-end.ts';
import { latestRound, roundState } from '../rounds.ts';

export interface RunCampaignOptions {
  db: string;
  /** In-process mode: sites at once. */
  concurrency: number;
  newRound?: boolean;
  follow?: boolean;
}

export function requireCampaign(store: Store, name: string): StoredCampaign {
  const campaign = repositories(store).campaigns.getByName(name);
  if (!campaign) {
    throw new UserError(
      `No campaign named "${name}" in ${store.file}. Create it with \`portal-audit campaign create ${JSON.stringify(name)} --targets <file.csv>\`.`,
    );
  }
  return campaign;
}

/**
 * `campaign run`: with REDIS_URL, the fleet coordinator; without, the in-process runner. Exit 0 when
 * the round is finished (or was already), 130 when interrupted (run it again to continue).
 */
export async function runCampaignCommand(name: string, options: RunCampaignOptions): Promise<number> {
  const redisUrl = redisUrlFromEnv();
  if (options.follow && !redisUrl) requireRedisUrl('campaign run --follow (scheduled rounds)');
  const store = openStore(options.db, { mustExist: true });
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  process.once('SIGTERM', onSigint);
  try {
    const campaign = requireCampaign(store, name);
    const progress = new CampaignProgress(name);
    const log = (line: string) => process.stderr.write(`${line}\n`);
    if (redisUrl) {
      requireRedisUrl('campaign run');
      const outcome = await coordinateCampaign({
        store,
        campaign,
        redisUrl,
        newRound: Boolean(options.newRound),
        follow: Boolean(options.follow),
        signal: controller.signal,
        progress,
        log,
      });
      return report(name, outcome.state, outcome.pagesStored, outcome.interrupted, outcome.alreadyFinished);
    }
    return await runInProcess(store, campaign, options, controller.signal, progress, log);
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
    store.close();
  }
}

async function runInProcess(
  store: Store,
  campaign: StoredCampaign,
  options: RunCampaignOptions,
  signal: AbortSignal,
  progress: CampaignProgress,
  log: (line: string) => void,
): Promise<number> {
  const repos = repositories(store);
  let round = latestRound(repos, campaign.id);
  let state = roundState(repos, campaign.id, round);
  const recorder = new Recorder(store);
  const judgeLeftovers = () =>
    evaluateUnjudgedRuns(store, recorder, roundState(repos, campaign.id, round), log);
  if (round > 0 && state.finished && !options.newRound) {
    judgeLeftovers();
    return report(campaign.name, state, repos.campaigns.roundPageCount(campaign.id, round), false, true);
  }
  if (round > 0) judgeLeftovers();
  if (round === 0 || state.finished) round++;
  const tick = () =>
    progress.update(roundState(repos, campaign.id, round), {
      pagesStored: repos.campaigns.roundPageCount(campaign.id, round),
    });
  const timer = setInterval(tick, 1000);
  try {
    const { interrupted } = await runCampaignInProcess(
      { store, campaign, round, concurrency: options.concurrency, signal, log },
      (runId, end) => {
        const recorded = recordEndAndEvaluate(store, recorder, runId, end);
        if (recorded.evaluationError) log(`run ${runId}: not evaluated: ${recorded.evaluationError}`);
        tick();
      },
    );
    judgeLeftovers();
    state = roundState(repos, campaign.id, round);
    return report(
      campaign.name,
      state,
      repos.campaigns.roundPageCount(campaign.id, round),
      interrupted,
      false,
    );
  } finally {
    clearInterval(timer);
    progress.clear();
  }
}

function report(
  name: string,
  state: ReturnType<typeof roundState>,
  pages: number,
  interrupted: boolean,
  alreadyFinished: boolean,
): number {
  if (alreadyFinished) {
    process.stdout.write(
      `${roundSummary(name, state, pages)}\nNothing to do: start another round with --new-round, or schedule rounds with \`campaign schedule\`.\n`,
    );
    return 0;
  }
  process.stdout.write(`${roundSummary(name, state, pages)}\n`);
  if (interrupted) {
    process.stdout.write(
      `Interrupted: run \`portal-audit campaign run ${JSON.stringify(name)}\` to continue.\n`,
    );
    return 130;
  }
  return 0;
}
