import { parseArgs } from 'node:util';

export const PHASES = ['startup', 'bare', 'rendered', 'http', 'memory', 'scoring', 'e2e'] as const;
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
  --json                 print one JSON object (progress goes to stderr)`;

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
  };
}
