import type { FleetResult } from './fleet-phase.ts';
import type { RoundFigures } from './fleet-round.ts';
import { round } from './stats.ts';
import { pad } from './text-table.ts';

/** The fleet phase's figures as the bench's JSON keys and table lines. */

/** Store bytes (SQLite + artifact files) per stored page. */
const storePerPage = (r: RoundFigures) => (r.sqliteBytes + r.artifactBytes) / Math.max(1, r.pages);

/**
 * One coordinator's ceiling for each render mode, pages/s: 1000 / its CPU ms per page, since it is one
 * single-threaded process (a busy machine moves wall time, not CPU per page). HTTP and rendered from
 * the drain rounds; the default mode's interpolated by its rendered share (its live round's CPU
 * includes the coordinator's idle ticks while the crawl runs).
 */
export function coordinatorCeilings(f: FleetResult): { none: number; auto: number; all: number } {
  const { httpDrain, auto, all } = f.rounds;
  const share = auto.pages ? auto.renderedPages / auto.pages : 0;
  const autoCpu =
    httpDrain.coordinatorCpuMsPerPage +
    share * (all.coordinatorCpuMsPerPage - httpDrain.coordinatorCpuMsPerPage);
  const ceiling = (cpu: number) => (cpu > 0 ? 1000 / cpu : Number.NaN);
  return {
    none: ceiling(httpDrain.coordinatorCpuMsPerPage),
    auto: ceiling(autoCpu),
    all: ceiling(all.coordinatorCpuMsPerPage),
  };
}

export function fleetJson(f: FleetResult): Record<string, unknown> {
  const { http, httpDrain, httpDrainMulti, auto, all } = f.rounds;
  const ceilings = coordinatorCeilings(f);
  const perRound = (r: RoundFigures) => ({
    render: r.spec.render,
    drain: r.spec.drain,
    coordinators: r.spec.coordinators ?? 1,
    portals: r.spec.portals,
    pages: r.pages,
    renderedPages: r.renderedPages,
    coordinatorPagesPerSec: round(r.coordinatorPagesPerSec, 1),
    coordinatorCpuMsPerPage: round(r.coordinatorCpuMsPerPage, 1),
    workerPagesPerSec: round(r.workerPagesPerSec, 2),
    workerCpuMsPerPage: round(r.workerCpuMsPerPage, 1),
    crawlSeconds: round(r.crawlSeconds, 1),
    storeSeconds: round(r.storeSeconds, 1),
    redisBytesPerQueuedSite: round(r.redisBytesPerQueuedSite),
    recordsWaiting: r.recordsWaiting,
    redisBytesPerWaitingRecord:
      r.redisBytesPerWaitingRecord === null ? null : round(r.redisBytesPerWaitingRecord),
    redisPeakUsedMb: round(r.redisPeakUsedBytes / 2 ** 20, 1),
    peakResultsBacklog: r.peakResultsBacklog,
    sqliteKbPerPage: round(r.sqliteBytes / 1024 / Math.max(1, r.pages), 1),
    artifactKbPerPage: round(r.artifactBytes / 1024 / Math.max(1, r.pages), 1),
  });
  return {
    coordinatorPagesPerSec: round(http.coordinatorPagesPerSec, 1),
    coordinatorDrainPagesPerSec: round(httpDrain.coordinatorPagesPerSec, 1),
    coordinatorsDrainPagesPerSec: round(httpDrainMulti.coordinatorPagesPerSec, 1),
    coordinatorsDrain: f.options.coordinators,
    coordinatorDrainRenderedPagesPerSec: round(all.coordinatorPagesPerSec, 1),
    coordinatorCpuMsPerPage: round(httpDrain.coordinatorCpuMsPerPage, 1),
    coordinatorCpuMsPerRenderedPage: round(all.coordinatorCpuMsPerPage, 1),
    coordinatorCeilingPagesPerSec: {
      none: round(ceilings.none, 1),
      auto: round(ceilings.auto, 1),
      all: round(ceilings.all, 1),
    },
    workerCpuMsPerHttpPage: round(httpDrain.workerCpuMsPerPage, 1),
    workerCpuMsPerRenderedPage: round(all.workerCpuMsPerPage, 1),
    workerCpuMsPerAutoPage: round(auto.workerCpuMsPerPage, 1),
    redisBytesPerQueuedSite: round(http.redisBytesPerQueuedSite),
    redisBytesPerInflightRecord: round(httpDrain.redisBytesPerWaitingRecord ?? Number.NaN),
    redisBytesPerInflightRenderedRecord: round(all.redisBytesPerWaitingRecord ?? Number.NaN),
    storeBytesPerPage: round(storePerPage(auto)),
    storeBytesPerHttpPage: round(storePerPage(http)),
    storeBytesPerRenderedPage: round(storePerPage(all)),
    fleetRounds: {
      http: perRound(http),
      httpDrain: perRound(httpDrain),
      httpDrainMulti: perRound(httpDrainMulti),
      auto: perRound(auto),
      all: perRound(all),
    },
    fleetOptions: f.options,
    fleetMeasured:
      'coordinator and worker CPU from /proc (TreeCpuMeter: worker trees include Chromium and the Nu checker); pages/s from the store: first page stored (live) or the drain start to the last portal judged; Redis from INFO memory and MEMORY USAGE',
  };
}

export function fleetTable(f: FleetResult): string {
  const o = f.options;
  const ceilings = coordinatorCeilings(f);
  const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
  const rows: string[][] = [
    [
      'round',
      'pages (rendered)',
      'coordinator pages/s',
      'coord. CPU ms/page',
      'workers pages/s',
      'worker CPU ms/page',
      'store/page (SQLite + files)',
      'Redis peak',
    ],
  ];
  const labels: Record<keyof FleetResult['rounds'], string> = {
    http: 'render none, live',
    httpDrain: 'render none, drain',
    httpDrainMulti: `render none, drain, ${o.coordinators} coordinators`,
    auto: 'render auto, live',
    all: 'render all, drain',
  };
  for (const [key, r] of Object.entries(f.rounds) as [keyof FleetResult['rounds'], RoundFigures][]) {
    rows.push([
      labels[key],
      `${r.pages} (${r.renderedPages})`,
      r.coordinatorPagesPerSec.toFixed(1),
      r.coordinatorCpuMsPerPage.toFixed(1),
      r.workerPagesPerSec.toFixed(1),
      r.workerCpuMsPerPage.toFixed(1),
      `${kb(r.sqliteBytes / Math.max(1, r.pages))} + ${kb(r.artifactBytes / Math.max(1, r.pages))}`,
      `${(r.redisPeakUsedBytes / 2 ** 20).toFixed(1)} MB`,
    ]);
  }
  const { httpDrain, all, http } = f.rounds;
  return [
    `6 fleet: ${o.portals} portals × ${o.pages} pages (rendered rounds: ${Math.min(o.renderedPortals, o.portals)} portals), ` +
      `${o.workers} worker(s) × ${o.concurrency} sites, markup check ${o.markup ? 'on' : 'off'}, one coordinator (${o.coordinators} in the multi-coordinator round); all on this machine`,
    pad(rows),
    `  one coordinator's ceiling (1000 / CPU ms per page): ${ceilings.none.toFixed(0)} pages/s HTTP, ${ceilings.auto.toFixed(0)} render auto, ` +
      `${ceilings.all.toFixed(0)} render all; target ≥ 100 pages/s (20 workers): ${ceilings.auto >= 100 ? 'met' : 'MISSED'}`,
    `  Redis: ${http.redisBytesPerQueuedSite.toFixed(0)} B per queued site; per waiting record ${kb(httpDrain.redisBytesPerWaitingRecord ?? 0)} (HTTP), ` +
      `${kb(all.redisBytesPerWaitingRecord ?? 0)} (rendered)`,
  ].join('\n');
}
