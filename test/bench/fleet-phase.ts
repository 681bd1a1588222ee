import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FleetOptions } from './bench-options.ts';
import { startFleetCluster } from './fleet-cluster.ts';
import { type RoundFigures, type RoundSpec, runFleetRound } from './fleet-round.ts';

/**
 * `npm run bench -- --only fleet`: the fleet's capacity, measured end to end on this machine — a real
 * redis-server, the real `campaign run` coordinator and `portal-audit worker` processes, generated
 * portals on loopback ports. Rounds, each a campaign of its own store:
 *   warm-up    1 portal, every page rendered: Chromium, the Nu checker and the sources' compilation
 *              start here, not in a measured round;
 *   http       --render none, coordinator and workers together (the live rate);
 *   http-drain --render none, records held in Redis until the crawl ends, then the coordinator drains
 *              them alone: its ceiling, and Redis bytes per waiting record;
 *   httpDrainMulti  the same with --fleet-coordinators coordinators sharing the store;
 *   auto       the campaign default (--render auto) on fewer portals (most pages of the generated
 *              portals are linked with service words, so rendered), live;
 *   all        --render all on as many portals, as a drain round (rendered records in Redis, the
 *              coordinator's ceiling on them).
 */
export interface FleetResult {
  options: FleetOptions;
  rounds: Record<'http' | 'httpDrain' | 'httpDrainMulti' | 'auto' | 'all', RoundFigures>;
}

export async function runFleet(options: FleetOptions, log: (line: string) => void): Promise<FleetResult> {
  const dir = mkdtempSync(join(tmpdir(), 'pa-bench-fleet-'));
  const cluster = await startFleetCluster({ ...options, log });
  const base = { pages: options.pages, markup: options.markup, portals: options.portals };
  const specs: Record<keyof FleetResult['rounds'], RoundSpec> = {
    http: { ...base, name: 'fleet-http', render: 'none', drain: false },
    httpDrain: { ...base, name: 'fleet-http-drain', render: 'none', drain: true },
    httpDrainMulti: {
      ...base,
      name: 'fleet-http-drain-multi',
      render: 'none',
      drain: true,
      coordinators: options.coordinators,
    },
    auto: {
      ...base,
      name: 'fleet-auto',
      render: 'auto',
      drain: false,
      portals: Math.min(options.renderedPortals, options.portals),
    },
    all: {
      ...base,
      name: 'fleet-all',
      render: 'all',
      drain: true,
      portals: Math.min(options.renderedPortals, options.portals),
    },
  };
  try {
    log('  warm-up round (1 portal, rendered)…');
    await runFleetRound(
      cluster,
      { ...base, name: 'fleet-warm-up', render: 'all', drain: false, portals: 1, pages: 3 },
      dir,
      log,
    );
    const rounds = {} as FleetResult['rounds'];
    for (const [key, spec] of Object.entries(specs) as [keyof FleetResult['rounds'], RoundSpec][]) {
      const t0 = performance.now();
      const r = await runFleetRound(cluster, spec, dir, log);
      rounds[key] = r;
      log(
        `  ${spec.name}: ${r.pages} pages (${r.renderedPages} rendered) in ${((performance.now() - t0) / 1000).toFixed(0)} s; ` +
          `coordinator ${r.coordinatorPagesPerSec.toFixed(1)} pages/s, ${r.coordinatorCpuMsPerPage.toFixed(1)} CPU ms/page; ` +
          `workers ${r.workerPagesPerSec.toFixed(1)} pages/s, ${r.workerCpuMsPerPage.toFixed(1)} CPU ms/page`,
      );
    }
    return { options, rounds };
  } finally {
    await cluster.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
