import { readFileSync } from 'node:fs';
import { type RenderMode, UserError } from '../../core/index.ts';
import { parseTargetsCsv } from '../csv-targets.ts';
import { measuredPlanFigures, type Plan, type PlanFigures, planCampaign } from '../plan.ts';

export interface PlanCommandOptions {
  pages: number;
  workers: number;
  render: RenderMode;
  goalHours: number;
  coordinators?: number;
  /** Share of pages rendered under --render auto (default: the measured one). */
  renderedShare?: number;
  json?: boolean;
  /** Figures other than the committed ones (tests). */
  figures?: PlanFigures;
}

/** Targets of a CSV list (rows that `campaign create` would import), or a plain count. */
export function countTargets(source: string): number {
  if (/^\d+$/.test(source.trim())) return Number(source.trim());
  let text: string;
  try {
    text = readFileSync(source, 'utf8');
  } catch (error) {
    throw new UserError(`Cannot read the target list ${source}: ${(error as Error).message}`);
  }
  return parseTargetsCsv(text, { defaultLevel: 'city', allowPrivate: true }).targets.length;
}

/**
 * `campaign plan <targets.csv | count> --pages N --workers N [--render mode]`: the cycle's pages, hours,
 * machines, Redis memory and disk, projected from the fleet bench's measured figures.
 */
export function planCommand(source: string, options: PlanCommandOptions): number {
  const targets = countTargets(source);
  if (targets === 0) throw new UserError(`${source}: no target to plan for.`);
  const figures = options.figures ?? measuredPlanFigures();
  const plan = planCampaign(figures, {
    targets,
    pagesPerTarget: options.pages,
    workers: options.workers,
    render: options.render,
    goalHours: options.goalHours,
    ...(options.coordinators !== undefined ? { coordinators: options.coordinators } : {}),
    ...(options.renderedShare !== undefined ? { renderedShare: options.renderedShare } : {}),
  });
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ ...plan, figures: provenance(figures) }, null, 2)}\n`);
  } else {
    process.stdout.write(`${formatPlan(plan, figures)}\n`);
  }
  return 0;
}

function provenance(f: PlanFigures) {
  return { measuredAt: f.measuredAt, machine: f.machine, command: f.command };
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const num = (n: number, digits = 1) => n.toFixed(digits);

function bytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(v < 10 && u > 0 ? 1 : 0)} ${units[u]}`;
}

function hours(h: number): string {
  return h < 1 ? `${Math.round(h * 60)} min` : `${h.toFixed(1)} h`;
}

export function formatPlan(p: Plan, f: PlanFigures): string {
  const i = p.input;
  const r = p.perPage;
  const goalMet = p.hours <= i.goalHours;
  const coordinators = i.coordinators === 1 ? 'one coordinator' : `${i.coordinators} coordinators`;
  const one = i.coordinators === 1;
  const first = p.coordinatorSaturates
    ? `the coordinator: ${i.workers} workers crawl ${num(p.workersPagesPerSec)} pages/s, ${coordinators} ${one ? 'stores and judges' : 'store and judge'} ${num(p.coordinatorPagesPerSec)}; ` +
      `saturated from ${p.workersToSaturate} workers`
    : `the workers (${coordinators} at ${Math.round(p.coordinatorLoad * 100)} % of ${one ? 'its' : 'their'} ceiling; saturated from ${p.workersToSaturate} workers)`;
  const lines = [
    `campaign plan: ${int(i.targets)} targets × ${int(i.pagesPerTarget)} pages = ${int(p.pages)} pages, render ${i.render}, ${i.workers} worker${i.workers === 1 ? '' : 's'}`,
    `A projection from measurements on a ${f.machine.cpus}-CPU machine (${f.machine.model}${f.machine.load !== undefined ? `, load average ${f.machine.load}` : ''}, ${f.measuredAt}: ${f.command}),`,
    'over generated portals on loopback: real portals answer slower and differ in size; read it as an order of magnitude.',
    '',
    `  per worker          ${num(r.workerPagesPerSec, 2)} pages/s (${num(r.workerCpuMsPerPage, 0)} CPU ms/page; ${Math.round(r.renderedShare * 100)} % of pages rendered)`,
    `  coordinator         ${num(r.coordinatorPagesPerSec)} pages/s stored and judged at most per process (${num(r.coordinatorCpuMsPerPage)} CPU ms/page)` +
      (i.coordinators > 1 ? `; ${i.coordinators} processes: ${num(p.coordinatorPagesPerSec)}` : ''),
    `  cycle               ${hours(p.hours)} at ${num(p.fleetPagesPerSec)} pages/s; goal ${i.goalHours} h: ${goalMet ? 'met' : 'missed'}`,
    `  saturates first     ${first}`,
    `  for ${i.goalHours} h             ${p.workersForGoal} worker${p.workersForGoal === 1 ? '' : 's'}` +
      (p.coordinatorsForGoal > 1
        ? ` and ${p.coordinatorsForGoal} coordinators (\`campaign run\` processes sharing the store; measured: ${f.multiCoordinator.coordinators} drained ${num(f.multiCoordinator.pagesPerSec)} HTTP pages/s here)`
        : ', one coordinator'),
    `  worker concurrency  ≥ ${p.concurrencyNeeded} sites at once per worker (politeness: ${f.pagesPerSecPerSite} pages/s per site)`,
    `  Redis peak          ${bytes(p.redisPeakBytes)} (${int(i.targets)} queued sites, ~${int(p.redisPeakRecords)} records waiting${p.coordinatorSaturates ? ': the backlog of the saturated coordinator' : ''})`,
    `  disk                SQLite ${bytes(p.sqliteBytes)} + artifacts ${bytes(p.artifactBytes)}`,
  ];
  return lines.join('\n');
}
