import type { RenderMode } from '../core/index.ts';
import measured from './plan-figures.json' with { type: 'json' };

/**
 * `campaign plan`: a campaign's cost projected from measured figures (src/campaign/plan-figures.json,
 * written by `npm run bench -- --only fleet --write-plan-figures`). A "worker" is one machine like the
 * one measured, running one `portal-audit worker`; the coordinator is one `campaign run` process.
 */
export interface RenderFigures {
  /** Pages per second of one worker machine like the measured one, from CPU per page (all cores busy). */
  workerPagesPerSec: number;
  workerCpuMsPerPage: number;
  /** One coordinator's ceiling, pages stored and judged per second: 1000 / its CPU ms per page (one core). */
  coordinatorPagesPerSec: number;
  coordinatorCpuMsPerPage: number;
  sqliteBytesPerPage: number;
  artifactBytesPerPage: number;
  /** Redis bytes per record waiting in a results queue. */
  redisBytesPerRecord: number;
  /** Share of pages rendered in a browser. */
  renderedShare: number;
}

export interface PlanFigures {
  measuredAt: string;
  /** The measured machine; `load` its 1-minute load average when the bench started. */
  machine: { cpus: number; model: string; node: string; load?: number };
  command: string;
  /** Sites each measured worker crawled at once (`worker --concurrency`). */
  workerConcurrency: number;
  redisBytesPerQueuedSite: number;
  /** The fleet's politeness: 2 requests in flight and 500 ms between starts per host. */
  pagesPerSecPerSite: number;
  /** HTTP records drained by several coordinators sharing the store, on the measured machine. */
  multiCoordinator: { coordinators: number; pagesPerSec: number };
  byRender: Record<RenderMode, RenderFigures>;
}

/** The committed figures (plan-figures.json beside this module; tsc copies it into dist/). */
export function measuredPlanFigures(): PlanFigures {
  return measured as PlanFigures;
}

export interface PlanInput {
  targets: number;
  pagesPerTarget: number;
  workers: number;
  render: RenderMode;
  /** The cycle's goal, hours. @default 2 */
  goalHours?: number;
  /** `campaign run` processes sharing the store, each on a core of its own. @default 1 */
  coordinators?: number;
  /**
   * Share of pages rendered under `--render auto` on the real portals, instead of the measured one
   * (the generated portals link most pages with service words, so nearly all are rendered there).
   */
  renderedShare?: number;
}

export interface Plan {
  input: PlanInput & { goalHours: number; coordinators: number };
  /** The per-page figures the projection used. */
  perPage: RenderFigures;
  pages: number;
  /** Pages per second of the N workers together, unbounded by the coordinator. */
  workersPagesPerSec: number;
  coordinatorPagesPerSec: number;
  /** min(workers, coordinator): what the fleet achieves. */
  fleetPagesPerSec: number;
  hours: number;
  /** The coordinator is the bottleneck with N workers. */
  coordinatorSaturates: boolean;
  /** The coordinator's share of its ceiling at the fleet's rate (1 = saturated). */
  coordinatorLoad: number;
  /** Workers at which the coordinator saturates. */
  workersToSaturate: number;
  /** Workers needed to finish within the goal (with enough coordinators). */
  workersForGoal: number;
  /** Coordinators (`campaign run` processes sharing the store) the goal needs, at the single one's rate each. */
  coordinatorsForGoal: number;
  /** Hours of the cycle with as many workers as the coordinators can take. */
  floorHours: number;
  /** Sites each worker must crawl at once so that politeness does not bound it. */
  concurrencyNeeded: number;
  redisPeakBytes: number;
  /** Records waiting at the peak: a few per worker, or the backlog of a saturated coordinator. */
  redisPeakRecords: number;
  sqliteBytes: number;
  artifactBytes: number;
}

/** A render mode's figures for another rendered share: HTTP and rendered pages mixed, per page. */
export function figuresForShare(figures: PlanFigures, share: number): RenderFigures {
  const { none, all } = figures.byRender;
  const mix = (k: keyof RenderFigures) => none[k] + share * (all[k] - none[k]);
  const perSec = (k: 'workerPagesPerSec' | 'coordinatorPagesPerSec') =>
    1 / ((1 - share) / none[k] + share / all[k]);
  return {
    workerPagesPerSec: perSec('workerPagesPerSec'),
    workerCpuMsPerPage: mix('workerCpuMsPerPage'),
    coordinatorPagesPerSec: perSec('coordinatorPagesPerSec'),
    coordinatorCpuMsPerPage: mix('coordinatorCpuMsPerPage'),
    sqliteBytesPerPage: mix('sqliteBytesPerPage'),
    artifactBytesPerPage: mix('artifactBytesPerPage'),
    redisBytesPerRecord: mix('redisBytesPerRecord'),
    renderedShare: share,
  };
}

export function planCampaign(figures: PlanFigures, input: PlanInput): Plan {
  const full = { goalHours: 2, coordinators: 1, ...input };
  const f =
    full.render === 'auto' && full.renderedShare !== undefined
      ? figuresForShare(figures, full.renderedShare)
      : figures.byRender[full.render];
  const pages = full.targets * full.pagesPerTarget;
  const workersPagesPerSec = full.workers * f.workerPagesPerSec;
  const coordinatorPagesPerSec = full.coordinators * f.coordinatorPagesPerSec;
  const fleetPagesPerSec = Math.min(workersPagesPerSec, coordinatorPagesPerSec);
  const hours = pages / fleetPagesPerSec / 3600;
  const needed = pages / (full.goalHours * 3600);
  const workersForGoal = Math.ceil(needed / f.workerPagesPerSec);
  const coordinatorsForGoal = Math.ceil(needed / f.coordinatorPagesPerSec);
  const coordinatorSaturates = workersPagesPerSec > coordinatorPagesPerSec;
  // A saturated coordinator leaves the difference waiting in Redis: at the end of the crawl, every
  // page not yet stored. Otherwise a few records per site in flight.
  const backlog = coordinatorSaturates
    ? pages * (1 - coordinatorPagesPerSec / workersPagesPerSec)
    : full.workers * figures.workerConcurrency * 4;
  return {
    input: full,
    perPage: f,
    pages,
    workersPagesPerSec,
    coordinatorPagesPerSec,
    fleetPagesPerSec,
    hours,
    coordinatorSaturates,
    coordinatorLoad: fleetPagesPerSec / coordinatorPagesPerSec,
    workersToSaturate: Math.ceil(coordinatorPagesPerSec / f.workerPagesPerSec),
    workersForGoal,
    coordinatorsForGoal,
    floorHours: pages / coordinatorPagesPerSec / 3600,
    concurrencyNeeded: Math.ceil(f.workerPagesPerSec / figures.pagesPerSecPerSite),
    redisPeakBytes: full.targets * figures.redisBytesPerQueuedSite + backlog * f.redisBytesPerRecord,
    redisPeakRecords: Math.round(backlog),
    sqliteBytes: pages * f.sqliteBytesPerPage,
    artifactBytes: pages * f.artifactBytesPerPage,
  };
}
