import { BareLoop } from './bare-loop.ts';
import { BenchPipeline } from './pipeline.ts';
import type { HostedSite } from './site-host.ts';
import { figuresOf, type LoopFigures, type Rep } from './stats.ts';

export interface ThroughputOptions {
  concurrency: number;
  reps: number;
  /** CPU ms used so far by the bench process and its browsers. */
  cpuNow: () => number;
  log: (line: string) => void;
}

export interface ThroughputResult {
  bare: LoopFigures | null;
  rendered: LoopFigures | null;
  /** axe violations the bare loop found on the site (a sanity check). */
  bareViolations: number;
}

/** One timed repetition of `work` over `pages` pages: wall time and CPU. */
export async function measure(pages: number, cpuNow: () => number, work: () => Promise<void>): Promise<Rep> {
  const cpu0 = cpuNow();
  const t0 = performance.now();
  await work();
  return { pages, wallMs: performance.now() - t0, cpuMs: cpuNow() - cpu0 };
}

/**
 * Phases 1 and 2 on the same pages: the bare loop and the rendered pipeline, one untimed warm-up
 * each, then `reps` rounds alternating the two so both see the same machine load.
 */
export async function runThroughput(
  site: HostedSite,
  executablePath: string,
  which: { bare: boolean; rendered: boolean },
  options: ThroughputOptions,
): Promise<ThroughputResult> {
  const bare = which.bare ? await BareLoop.launch(executablePath) : null;
  const pipeline = which.rendered
    ? new BenchPipeline({ render: 'all', concurrency: options.concurrency, executablePath })
    : null;
  const bareReps: Rep[] = [];
  const renderedReps: Rep[] = [];
  let bareViolations = 0;
  const runBare = async () => {
    bareViolations = (await bare?.run(site.pageUrls, options.concurrency)) ?? 0;
  };
  const runRendered = async () => {
    if (!pipeline) return;
    const run = await pipeline.crawl(`${site.origin}/`, site.pages);
    const problem = pipeline.verify(run, site.pages);
    if (problem) throw new Error(`rendered pipeline: ${problem}`);
  };
  try {
    options.log('  warm-up');
    await runBare();
    await runRendered();
    for (let r = 1; r <= options.reps; r++) {
      if (bare) {
        const rep = await measure(site.pages, options.cpuNow, runBare);
        bareReps.push(rep);
        options.log(
          `  rep ${r} bare      ${((rep.pages / rep.wallMs) * 60_000).toFixed(0)} pages/min, ${(rep.cpuMs / rep.pages).toFixed(0)} CPU ms/page`,
        );
      }
      if (pipeline) {
        const rep = await measure(site.pages, options.cpuNow, runRendered);
        renderedReps.push(rep);
        options.log(
          `  rep ${r} rendered  ${((rep.pages / rep.wallMs) * 60_000).toFixed(0)} pages/min, ${(rep.cpuMs / rep.pages).toFixed(0)} CPU ms/page`,
        );
      }
    }
  } finally {
    await bare?.close();
    await pipeline?.close();
  }
  return {
    bare: bare ? figuresOf(bareReps) : null,
    rendered: pipeline ? figuresOf(renderedReps) : null,
    bareViolations,
  };
}

/** Phase 3: the HTTP fast path (render none) over the site, one warm-up, then `reps` repetitions. */
export async function runHttpPath(site: HostedSite, options: ThroughputOptions): Promise<LoopFigures> {
  const pipeline = new BenchPipeline({ render: 'none', concurrency: options.concurrency });
  const reps: Rep[] = [];
  const once = async () => {
    const run = await pipeline.crawl(`${site.origin}/`, site.pages);
    const problem = pipeline.verify(run, site.pages);
    if (problem) throw new Error(`HTTP fast path: ${problem}`);
  };
  try {
    options.log('  warm-up');
    await once();
    for (let r = 1; r <= options.reps; r++) {
      const rep = await measure(site.pages, options.cpuNow, once);
      reps.push(rep);
      options.log(
        `  rep ${r} http      ${((rep.pages / rep.wallMs) * 60_000).toFixed(0)} pages/min, ${(rep.cpuMs / rep.pages).toFixed(1)} CPU ms/page`,
      );
    }
  } finally {
    await pipeline.close();
  }
  return figuresOf(reps);
}
