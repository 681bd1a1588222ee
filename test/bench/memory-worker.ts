/**
 * Child process entry for the memory run: a long-lived worker, as `portal-audit worker` or the
 * embedded campaign runner would be, crawling site after site with one renderer and one store
 * (render all, so browser retirement is exercised) and evaluating each run. The parent samples this
 * process's memory and its Chromium's.
 *   argv: JSON MemoryWorkerConfig → IPC: { type: 'job', pagesDone, jobsDone } … { type: 'done', … }
 */

import { CampaignWriter } from '../../queue/recorder/campaign-writes.ts';
import { getCatalog } from '../../rules/index.ts';
import { evaluateRun } from '../../src/pipeline/evaluate-run.ts';
import { BENCH_CATALOG, BenchPipeline } from './pipeline.ts';

export interface MemoryWorkerConfig {
  origins: string[];
  jobs: number;
  sitePages: number;
  concurrency: number;
  executablePath: string;
  dir: string;
  campaign: string;
}

export type MemoryWorkerMessage =
  | { type: 'job'; pagesDone: number; jobsDone: number }
  | { type: 'done'; pagesDone: number; jobsDone: number; problems: string[]; launches: number };

const config = JSON.parse(process.argv[2] ?? '{}') as MemoryWorkerConfig;
const send = (message: MemoryWorkerMessage) => process.send?.(message);
const pipeline = new BenchPipeline({
  render: 'all',
  concurrency: config.concurrency,
  executablePath: config.executablePath,
  dir: config.dir,
});
const catalog = getCatalog(BENCH_CATALOG);
const { campaignId } = new CampaignWriter(pipeline.store).create({
  name: config.campaign,
  catalogId: BENCH_CATALOG,
  options: {},
  targets: config.origins.map((origin) => ({ url: `${origin}/`, level: 'city' as const })),
});
const problems: string[] = [];
let pagesDone = 0;
for (let job = 0; job < config.jobs; job++) {
  const origin = config.origins[job % config.origins.length]!;
  const run = await pipeline.crawl(`${origin}/`, config.sitePages, campaignId);
  const problem = pipeline.verify(run, config.sitePages);
  if (problem && problems.length < 20) problems.push(problem);
  evaluateRun(pipeline.store, pipeline.recorder, run.runId, catalog);
  pagesDone += run.end.pages;
  send({ type: 'job', pagesDone, jobsDone: job + 1 });
}
send({
  type: 'done',
  pagesDone,
  jobsDone: config.jobs,
  problems,
  launches: pipeline.renderer?.launches ?? 0,
});
// The parent takes its final sample, then disconnects.
process.on('disconnect', () => {
  void pipeline.close().then(() => process.exit(0));
});
