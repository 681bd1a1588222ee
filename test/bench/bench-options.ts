import { parseArgs } from 'node:util';

export const PHASES = [
  'startup',
  'bare',
  'rendered',
  'posture',
  'http',
  'memory',
  'scoring',
  'fleet',
  'e2e',
] as const;
export type Phase = (typeof PHASES)[number];

export interface BenchOptions {
  /** Pages of the site audited by the bare loop and the rendered pipeline. */
  pages: number;
  concurrency: number;
  reps: number;
  /** Pages of the site crawled by the HTTP fast path (fast: more pages give a steadier figure). */
  httpPages: number;
  /** Pages the memory run's worker crawls in all (render all), in sites of `memorySitePages`. */
  memoryPages: number;
  memorySitePages: number;
  phases: Set<Phase>;
  json: boolean;
  /** The fleet phase (fleet-phase.ts). */
  fleet: FleetOptions;
}

export interface FleetOptions {
  /** Generated portals per round. */
  portals: number;
  /** Pages per portal (the campaign's --max-pages). */
  pages: number;
  /** Worker processes. */
  workers: number;
  /** Sites each worker crawls at once (`worker --concurrency`). */
  concurrency: number;
  /** Portals of the rendered rounds, `--render auto` and `all` (slow on 2 cores). */
  renderedPortals: number;
  /** Coordinators of the second HTTP drain round (`campaign run` processes sharing the store). */
  coordinators: number;
  /** The W3C Nu markup check (the campaign default). */
  markup: boolean;
  /** Rewrite src/campaign/plan-figures.json from this run. */
  writePlanFigures: boolean;
}

export const USAGE = `Usage: npm run bench -- [options]
  --pages N              pages of the site for the bare loop and the rendered pipeline (default 40)
  --concurrency N        pages in flight, both loops (default 2)
  --reps N               measured repetitions; medians are reported (default 3)
  --http-pages N         pages crawled per HTTP fast-path repetition (default 300)
  --memory-pages N       pages rendered by the memory run's worker process (default 5000; 0 skips)
  --memory-site-pages N  pages per site job in the memory run (default 100)
  --only a,b             run only these phases: ${PHASES.join(', ')}
  --skip a,b             skip these phases
  --json                 print one JSON object (progress goes to stderr)
  --fleet-portals N      fleet phase: generated portals per round (default 12)
  --fleet-pages N        fleet phase: pages per portal (default 25)
  --fleet-workers N      fleet phase: worker processes (default 1)
  --fleet-concurrency N  fleet phase: sites each worker crawls at once (default 4)
  --fleet-rendered-portals N  fleet phase: portals of the rendered rounds (auto, all; default 4)
  --fleet-coordinators N  fleet phase: coordinators of the second HTTP drain round (default 2)
  --fleet-no-markup      fleet phase: campaigns without the W3C Nu markup check
  --write-plan-figures   fleet phase: rewrite src/campaign/plan-figures.json (campaign plan)`;

function positiveInt(name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`--${name} must be an integer ≥ ${min}, got "${value}"`);
  return n;
}

function phaseList(name: string, value: string | undefined): Phase[] {
  if (value === undefined) return [];
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const p of list) {
    if (!(PHASES as readonly string[]).includes(p))
      throw new Error(`--${name}: unknown phase "${p}" (${PHASES.join(', ')})`);
  }
  return list as Phase[];
}

export function parseBenchArgs(argv: string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      pages: { type: 'string' },
      concurrency: { type: 'string' },
      reps: { type: 'string' },
      'http-pages': { type: 'string' },
      'memory-pages': { type: 'string' },
      'memory-site-pages': { type: 'string' },
      only: { type: 'string' },
      skip: { type: 'string' },
      json: { type: 'boolean', default: false },
      'fleet-portals': { type: 'string' },
      'fleet-pages': { type: 'string' },
      'fleet-workers': { type: 'string' },
      'fleet-concurrency': { type: 'string' },
      'fleet-rendered-portals': { type: 'string' },
      'fleet-coordinators': { type: 'string' },
      'fleet-no-markup': { type: 'boolean', default: false },
      'write-plan-figures': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const only = phaseList('only', values.only);
  const skip = new Set(phaseList('skip', values.skip));
  const memoryPages = positiveInt('memory-pages', values['memory-pages'], 5000, 0);
  const phases = new Set<Phase>((only.length ? only : PHASES).filter((p) => !skip.has(p)));
  if (memoryPages === 0) phases.delete('memory');
  return {
    pages: positiveInt('pages', values.pages, 40, 2),
    concurrency: positiveInt('concurrency', values.concurrency, 2),
    reps: positiveInt('reps', values.reps, 3),
    httpPages: positiveInt('http-pages', values['http-pages'], 300, 2),
    memoryPages,
    memorySitePages: positiveInt('memory-site-pages', values['memory-site-pages'], 100, 2),
    phases,
    json: values.json ?? false,
    fleet: {
      portals: positiveInt('fleet-portals', values['fleet-portals'], 12),
      pages: positiveInt('fleet-pages', values['fleet-pages'], 25, 2),
      workers: positiveInt('fleet-workers', values['fleet-workers'], 1),
      concurrency: positiveInt('fleet-concurrency', values['fleet-concurrency'], 4),
      renderedPortals: positiveInt('fleet-rendered-portals', values['fleet-rendered-portals'], 4),
      coordinators: positiveInt('fleet-coordinators', values['fleet-coordinators'], 2),
      markup: !values['fleet-no-markup'],
      writePlanFigures: values['write-plan-figures'] ?? false,
    },
  };
}
