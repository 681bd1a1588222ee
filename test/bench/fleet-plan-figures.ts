import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { PlanFigures, RenderFigures } from '../../src/campaign/plan.ts';
import type { FleetOptions } from './bench-options.ts';
import { round } from './stats.ts';

const FILE = fileURLToPath(new URL('../../src/campaign/plan-figures.json', import.meta.url));

/** One round as the bench's JSON reports it (fleetJson's `fleetRounds`). */
interface RoundJson {
  pages: number;
  renderedPages: number;
  coordinatorPagesPerSec: number;
  coordinatorCpuMsPerPage: number;
  workerPagesPerSec: number;
  workerCpuMsPerPage: number;
  redisBytesPerQueuedSite: number;
  redisBytesPerWaitingRecord: number | null;
  sqliteKbPerPage: number;
  artifactKbPerPage: number;
}

export interface FleetJson {
  fleetRounds: Record<'http' | 'httpDrain' | 'httpDrainMulti' | 'auto' | 'all', RoundJson>;
  fleetOptions: FleetOptions;
  machine?: { loadBefore?: number; loadAfter?: number };
}

/**
 * The fleet phase's measurements as `campaign plan`'s figures. Capacities come from CPU per page,
 * which a busy machine does not move as it moves wall time: a worker machine does cpus × 1000 /
 * worker CPU ms pages per second (Chromium and the Nu checker included), a coordinator — one
 * single-threaded process — 1000 / its CPU ms. Worker CPU comes from the drain rounds (the workers
 * crawl while the coordinator waits) and, for the default mode, its live round; coordinator CPU from
 * the drain rounds, the default mode's interpolated by its rendered share (the live round's includes
 * the coordinator's idle ticks). Redis bytes per record of the default mode likewise.
 */
export function planFiguresOf(json: FleetJson, argv: readonly string[], cores = cpus().length): PlanFigures {
  const { httpDrain, httpDrainMulti, auto, all } = json.fleetRounds;
  const share = (r: RoundJson) => (r.pages ? r.renderedPages / r.pages : 0);
  const mix = (a: number, b: number, s: number) => a + s * (b - a);
  const autoShare = share(auto);
  const coordinatorCpu = {
    none: httpDrain.coordinatorCpuMsPerPage,
    auto: mix(httpDrain.coordinatorCpuMsPerPage, all.coordinatorCpuMsPerPage, autoShare),
    all: all.coordinatorCpuMsPerPage,
  };
  const httpRecord = httpDrain.redisBytesPerWaitingRecord ?? 0;
  const renderedRecord = all.redisBytesPerWaitingRecord ?? httpRecord;
  const figures = (r: RoundJson, coordinatorCpuMs: number, redisBytesPerRecord: number): RenderFigures => ({
    workerPagesPerSec: round((cores * 1000) / r.workerCpuMsPerPage, 2),
    workerCpuMsPerPage: round(r.workerCpuMsPerPage, 1),
    coordinatorPagesPerSec: round(1000 / coordinatorCpuMs, 1),
    coordinatorCpuMsPerPage: round(coordinatorCpuMs, 1),
    sqliteBytesPerPage: Math.round(r.sqliteKbPerPage * 1024),
    artifactBytesPerPage: Math.round(r.artifactKbPerPage * 1024),
    redisBytesPerRecord: Math.round(redisBytesPerRecord),
    renderedShare: round(share(r), 3),
  });
  return {
    measuredAt: new Date().toISOString().slice(0, 10),
    machine: {
      cpus: cores,
      model: cpus()[0]?.model.trim() ?? 'unknown',
      node: process.version,
      ...(json.machine?.loadBefore !== undefined ? { load: json.machine.loadBefore } : {}),
    },
    command: `npm run bench -- ${argv.join(' ')}`.trim(),
    workerConcurrency: json.fleetOptions.concurrency,
    redisBytesPerQueuedSite: Math.round(json.fleetRounds.http.redisBytesPerQueuedSite),
    pagesPerSecPerSite: 2,
    multiCoordinator: {
      coordinators: json.fleetOptions.coordinators,
      pagesPerSec: round(httpDrainMulti.coordinatorPagesPerSec, 1),
    },
    byRender: {
      none: figures(httpDrain, coordinatorCpu.none, httpRecord),
      auto: figures(auto, coordinatorCpu.auto, mix(httpRecord, renderedRecord, autoShare)),
      all: figures(all, coordinatorCpu.all, renderedRecord),
    },
  };
}

/** Rewrites src/campaign/plan-figures.json; returns its path. */
export function writePlanFigures(json: FleetJson, argv: readonly string[]): string {
  writeFileSync(FILE, `${JSON.stringify(planFiguresOf(json, argv), null, 2)}\n`);
  return FILE;
}

// `npx tsx test/bench/fleet-plan-figures.ts bench.json`: the figures from a saved `--json` run.
if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2]) {
  const json = JSON.parse(readFileSync(process.argv[2], 'utf8')) as FleetJson;
  console.log(`wrote ${writePlanFigures(json, ['--only', 'fleet', '--json'])}`);
}
