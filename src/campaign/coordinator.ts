import { setTimeout as sleep } from 'node:timers/promises';
import { repositories, type Store, type StoredCampaign, type StoredRun } from '../../db/index.ts';
import type { FleetJobData } from '../../queue/fleet/fleet-job.ts';
import { resultsQueueName, siteJobId } from '../../queue/fleet/queue-names.ts';
import { RESULT_LOCK_MS, ResultsConsumer } from '../../queue/fleet/results-consumer.ts';
import { RoundFirings } from '../../queue/fleet/round-firings.ts';
import { SiteJobQueue } from '../../queue/fleet/site-queue.ts';
import { parseCrawlRecord } from '../../queue/recorder/record-schema.ts';
import { Recorder } from '../../queue/recorder.ts';
import type { CrawlEnd } from '../core/index.ts';
import { type CampaignOptions, campaignOptionsOf } from './campaign-options.ts';
import type { CampaignProgress } from './progress.ts';
import { evaluateUnjudgedRuns, recordEndAndEvaluate } from './record-end.ts';
import {
  latestRound,
  type PreparedRun,
  prepareRound,
  type RoundState,
  roundState,
  siteJobFor,
} from './rounds.ts';

export interface CoordinatorOptions {
  store: Store;
  campaign: StoredCampaign;
  redisUrl: string;
  /** Start a new round when the latest one is finished. */
  newRound?: boolean;
  /** After the round, wait for the campaign's scheduled firings and run a round for each. */
  follow?: boolean;
  signal: AbortSignal;
  progress?: CampaignProgress;
  log: (line: string) => void;
  /** @default 1000 */
  tickMs?: number;
  /** How often runs whose job failed or vanished are looked for. @default 5000 */
  reconcileMs?: number;
}

export interface CoordinatorOutcome {
  state: RoundState;
  pagesStored: number;
  interrupted: boolean;
  /** The latest round was already finished and nothing asked for a new one. */
  alreadyFinished: boolean;
}

/**
 * `campaign run` with Redis: the campaign's coordinator, the only process that writes the store. It
 * creates the round's runs, enqueues their site jobs (idempotently: job ids come from run ids),
 * records what the workers send through the campaign's results queue, judges each run when its crawl
 * end arrives, and returns when every target of the round has a recorded outcome. Stopped and started
 * again it carries on: unrecorded records wait in Redis, runs still running are enqueued again (a no-op
 * for jobs that exist).
 */
export async function coordinateCampaign(opts: CoordinatorOptions): Promise<CoordinatorOutcome> {
  const coordinator = new Coordinator(opts);
  try {
    return await coordinator.run();
  } finally {
    await coordinator.close();
  }
}

class Coordinator {
  private readonly repos;
  private readonly recorder;
  private readonly options: CampaignOptions;
  private readonly siteJobs: SiteJobQueue;
  private readonly firings: RoundFirings;
  private readonly results: ResultsConsumer;
  private lastReconcile = 0;

  constructor(private readonly opts: CoordinatorOptions) {
    this.repos = repositories(opts.store);
    this.recorder = new Recorder(opts.store);
    this.options = campaignOptionsOf(opts.campaign);
    this.siteJobs = new SiteJobQueue(opts.redisUrl);
    this.firings = new RoundFirings(opts.redisUrl, this.options.queueKey);
    this.results = new ResultsConsumer(
      opts.redisUrl,
      resultsQueueName(this.options.queueKey),
      (data) => this.handleRecord(data),
      (error) => this.logError(error),
    );
  }

  async run(): Promise<CoordinatorOutcome> {
    const { campaign, signal } = this.opts;
    // Records from an earlier session are recorded whatever happens next.
    const onHeld = (records: number) =>
      this.log(
        `${records} record(s) are held by another coordinator or one that was stopped; a stopped one's are taken back within ${RESULT_LOCK_MS / 1000} s.`,
      );
    void this.results.start(signal, onHeld).catch((error: Error) => this.logError(error));
    let round = latestRound(this.repos, campaign.id);
    let state = roundState(this.repos, campaign.id, round);
    if (round === 0 || (state.finished && (this.opts.newRound || (await this.firings.takeDue()) > 0))) {
      round++;
    } else if (state.finished && !this.opts.follow) {
      this.judgeLeftovers(state);
      return { state, pagesStored: this.pagesStored(round), interrupted: false, alreadyFinished: true };
    }
    await this.enqueueRound(round);

    while (!signal.aborted) {
      state = roundState(this.repos, campaign.id, round);
      this.opts.progress?.update(state, {
        pagesStored: this.pagesStored(round),
        workers: await this.siteJobs.workers(),
      });
      if (state.finished) {
        this.judgeLeftovers(state);
        if (!this.opts.follow) break;
        if ((await this.firings.takeDue()) > 0) {
          this.opts.progress?.message(
            `Round ${round} finished; a scheduled firing starts round ${round + 1}.`,
          );
          round++;
          await this.enqueueRound(round);
          continue;
        }
      } else if (Date.now() - this.lastReconcile >= (this.opts.reconcileMs ?? 5000)) {
        await this.reconcile(state);
        this.lastReconcile = Date.now();
      }
      await sleep(this.opts.tickMs ?? 1000, undefined, { signal }).catch(() => {});
    }
    state = roundState(this.repos, campaign.id, round);
    return {
      state,
      pagesStored: this.pagesStored(round),
      interrupted: signal.aborted,
      alreadyFinished: false,
    };
  }

  async close(): Promise<void> {
    this.opts.progress?.clear();
    await Promise.allSettled([this.results.close(), this.siteJobs.close(), this.firings.close()]);
  }

  /** Creates the round's missing runs and enqueues a job for every run still to crawl. */
  private async enqueueRound(round: number): Promise<void> {
    // One transaction: coordinators started together on one store create each target's run once.
    const pending = this.opts.store.transaction(() =>
      prepareRound(this.repos, this.recorder, this.opts.campaign, round),
    );
    const added = await this.siteJobs.enqueue(
      this.options.queueKey,
      this.options.retry,
      pending.map((p) => this.jobData(p)),
    );
    if (added > 0) this.opts.progress?.message(`Round ${round}: ${added} site jobs queued.`);
  }

  private jobData({ target, run }: PreparedRun): FleetJobData {
    const job = siteJobFor(this.options, target, run);
    return {
      ...job,
      campaignId: this.opts.campaign.id,
      resultsQueue: resultsQueueName(this.options.queueKey),
      ...(this.options.contactUrl ? { contactUrl: this.options.contactUrl } : {}),
    };
  }

  private async handleRecord(data: unknown): Promise<void> {
    const record = parseCrawlRecord(data);
    if (record.type !== 'crawl-end') {
      this.recorder.write(record);
      return;
    }
    const recorded = recordEndAndEvaluate(this.opts.store, this.recorder, record.runId, record.end);
    if (recorded.evaluationError)
      this.log(`run ${record.runId}: recorded, but not evaluated: ${recorded.evaluationError}`);
  }

  /** Runs of a finished round whose crawl end was recorded but never judged (coordinator killed between). */
  private judgeLeftovers(state: RoundState): void {
    const judged = evaluateUnjudgedRuns(this.opts.store, this.recorder, state, (line) => this.log(line));
    if (judged > 0)
      this.log(`round ${state.round}: judged ${judged} run(s) a stopped coordinator had left unjudged.`);
  }

  /**
   * Gives every running run of the round a way to end: a job that failed for good (attempts used
   * up, or its worker died twice) gets a recorded 'error' end; a job that vanished from Redis is
   * enqueued again; a completed job whose end never arrived gets an 'error' end. The last two are only
   * decided when no record is waiting, since a waiting record may be that end.
   */
  private async reconcile(state: RoundState): Promise<void> {
    for (const { target, run } of state.targets) {
      if (run?.status !== 'running') continue;
      const jobId = siteJobId(this.options.queueKey, run.id);
      const jobState = await this.siteJobs.state(jobId);
      if (jobState === 'failed') {
        await this.endRun(run, `The site job failed: ${await this.siteJobs.failedReason(jobId)}`);
        continue;
      }
      if (jobState !== 'completed' && jobState !== 'unknown') continue;
      if ((await this.results.backlog()) > 0) return;
      if (this.repos.runs.get(run.id)?.status !== 'running') continue;
      if (jobState === 'completed') {
        await this.endRun(run, 'The crawl ended but its end record never reached the coordinator.');
      } else {
        this.log(`run ${run.id} (${target.url}): its site job is missing from Redis; queued again.`);
        await this.siteJobs.enqueue(this.options.queueKey, this.options.retry, [
          this.jobData({ target, run }),
        ]);
      }
    }
  }

  /** Ends a run through the results queue, after any record of it still waiting there. */
  private async endRun(run: StoredRun, message: string): Promise<void> {
    const end: CrawlEnd = {
      outcome: 'error',
      stopReason: 'interrupted',
      homeUrl: run.homeUrl,
      finalHomeUrl: run.finalHomeUrl,
      pages: 0,
      statuses: {},
      startedAt: run.startedAt,
      finishedAt: new Date().toISOString(),
      spa: run.spa,
      message,
    };
    await this.results.addRecord(`end-${run.id}`, { type: 'crawl-end', runId: run.id, end });
  }

  private pagesStored(round: number): number {
    return this.repos.campaigns.roundPageCount(this.opts.campaign.id, round);
  }

  private lastError = { message: '', at: 0 };

  /** Redis errors repeat while it is away (every reconnect attempt): say each once per 10 s. */
  private logError(error: Error): void {
    const now = Date.now();
    if (error.message === this.lastError.message && now - this.lastError.at < 10_000) return;
    this.lastError = { message: error.message, at: now };
    this.log(`coordinator: ${error.message}`);
  }

  private log(line: string): void {
    this.opts.progress?.clear();
    this.opts.log(line);
  }
}
