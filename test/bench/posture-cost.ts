import { BenchPipeline } from './pipeline.ts';
import type { HostedSite } from './site-host.ts';
import { figuresOf, type LoopFigures, type Rep } from './stats.ts';
import { measure, type ThroughputOptions } from './throughput.ts';

export interface PostureCost {
  /** The rendered pipeline as it ships: page speed, requests, cookies, transport check, phone load. */
  withPosture: LoopFigures;
  /** The same pipeline with the posture gather turned off (gatherPosture: false). */
  withoutPosture: LoopFigures;
}

/**
 * What gathering the posture costs the rendered pipeline: the same pages crawled with and without
 * it, in two renderers of the same process, one untimed warm-up each, then `reps` rounds whose
 * order alternates so both see the same machine load.
 */
export async function runPostureCost(
  site: HostedSite,
  executablePath: string,
  options: ThroughputOptions,
): Promise<PostureCost> {
  const make = (gatherPosture: boolean) =>
    new BenchPipeline({ render: 'all', concurrency: options.concurrency, executablePath, gatherPosture });
  const variants = [
    { name: 'with posture   ', pipeline: make(true), reps: [] as Rep[] },
    { name: 'without posture', pipeline: make(false), reps: [] as Rep[] },
  ];
  const crawl = async (pipeline: BenchPipeline) => {
    const run = await pipeline.crawl(`${site.origin}/`, site.pages);
    const problem = pipeline.verify(run, site.pages);
    if (problem) throw new Error(`posture cost: ${problem}`);
  };
  try {
    options.log('  warm-up');
    for (const v of variants) await crawl(v.pipeline);
    for (let r = 1; r <= options.reps; r++) {
      const order = r % 2 ? variants : [...variants].reverse();
      for (const v of order) {
        const rep = await measure(site.pages, options.cpuNow, () => crawl(v.pipeline));
        v.reps.push(rep);
        options.log(
          `  rep ${r} ${v.name}  ${((rep.pages / rep.wallMs) * 60_000).toFixed(0)} pages/min, ${(rep.cpuMs / rep.pages).toFixed(0)} CPU ms/page`,
        );
      }
    }
  } finally {
    for (const v of variants) await v.pipeline.close();
  }
  return { withPosture: figuresOf(variants[0]!.reps), withoutPosture: figuresOf(variants[1]!.reps) };
}
