import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { PlanFigures, RenderFigures } from '../../src/campaign/plan.ts';
import type { FleetResult } from './fleet-phase.ts';
import { coordinatorCeilings } from './fleet-report.ts';
import type { RoundFigures } from './fleet-round.ts';
import { round } from './stats.ts';

const FILE = fileURLToPath(new URL('../../src/campaign/plan-figures.json', import.meta.url));

/**
 * The fleet phase's measurements as `campaign plan`'s figures. Worker throughput comes from the drain
 * rounds where there is one (the workers crawl while the coordinator waits) and from the live round
 * for the default mode; Redis bytes per record of the default mode are interpolated between HTTP and
 * rendered records by its rendered share.
 */
export function planFiguresOf(f: FleetResult, argv: readonly string[]): PlanFigures {
  const { httpDrain, auto, all } = f.rounds;
  const ceilings = coordinatorCeilings(f);
  const workers = f.options.workers;
  const share = (r: RoundFigures) => (r.pages ? r.renderedPages / r.pages : 0);
  const figures = (
    r: RoundFigures,
    coordinatorPagesPerSec: number,
    redisBytesPerRecord: number,
  ): RenderFigures => ({
    workerPagesPerSec: round(r.workerPagesPerSec / workers, 2),
    workerCpuMsPerPage: round(r.workerCpuMsPerPage, 1),
    coordinatorPagesPerSec: round(coordinatorPagesPerSec, 1),
    coordinatorCpuMsPerPage: round(r.coordinatorCpuMsPerPage, 1),
    sqliteBytesPerPage: round(r.sqliteBytes / Math.max(1, r.pages)),
    artifactBytesPerPage: round(r.artifactBytes / Math.max(1, r.pages)),
    redisBytesPerRecord: round(redisBytesPerRecord),
    renderedShare: round(share(r), 3),
  });
  const httpRecord = httpDrain.redisBytesPerWaitingRecord ?? 0;
  const renderedRecord = all.redisBytesPerWaitingRecord ?? httpRecord;
  const autoRecord = httpRecord + share(auto) * (renderedRecord - httpRecord);
  return {
    measuredAt: new Date().toISOString().slice(0, 10),
    machine: { cpus: cpus().length, model: cpus()[0]?.model.trim() ?? 'unknown', node: process.version },
    command: `npm run bench -- ${argv.join(' ')}`.trim(),
    workerConcurrency: f.options.concurrency,
    redisBytesPerQueuedSite: round(f.rounds.http.redisBytesPerQueuedSite),
    pagesPerSecPerSite: 2,
    multiCoordinator: {
      coordinators: f.options.coordinators,
      pagesPerSec: round(f.rounds.httpDrainMulti.coordinatorPagesPerSec, 1),
    },
    byRender: {
      none: figures(httpDrain, ceilings.none, httpRecord),
      auto: figures(auto, ceilings.auto, autoRecord),
      all: figures(all, ceilings.all, renderedRecord),
    },
  };
}

/** Rewrites src/campaign/plan-figures.json; returns its path. */
export function writePlanFigures(f: FleetResult, argv: readonly string[]): string {
  writeFileSync(FILE, `${JSON.stringify(planFiguresOf(f, argv), null, 2)}\n`);
  return FILE;
}
