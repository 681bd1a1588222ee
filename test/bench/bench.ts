/**
 * `npm run bench`: throughput of the rendered audit against the bare axe limit, the HTTP fast path,
 * worker memory over thousands of pages, and scoring times (issue 7). Not part of `npm test`.
 */
import { loadavg } from 'node:os';
import { findChromium } from '../../crawlers/browser/find-chromium.ts';
import { closeHttpAgents } from '../../crawlers/http/http-fetcher.ts';
import { type BenchOptions, parseBenchArgs, USAGE } from './bench-options.ts';
import { type BenchResult, formatTable, toJson } from './bench-report.ts';
import { runE2e } from './e2e-phase.ts';
import { runFleet } from './fleet-phase.ts';
import { type FleetJson, writePlanFigures } from './fleet-plan-figures.ts';
import { fleetJson } from './fleet-report.ts';
import { runMemory } from './memory-run.ts';
import { runPostureCost } from './posture-cost.ts';
import { procAvailable, TreeCpuMeter } from './proc-stats.ts';
import { runScoring } from './scoring-phase.ts';
import { hostSites, type SiteHost } from './site-host.ts';
import { runStartup } from './startup.ts';
import { runHttpPath, runThroughput } from './throughput.ts';

async function main(): Promise<number> {
  let options: BenchOptions | 'help';
  try {
    options = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  const opts = options;
  const log = (line: string) => (opts.json ? console.error(line) : console.log(line));
  const result: BenchResult = {
    options: opts,
    chromium: findChromium(),
    loadBefore: loadavg()[0] ?? 0,
    loadAfter: 0,
    phaseSeconds: {},
    notes: [],
  };
  if (!procAvailable()) result.notes.push('/proc is not readable: CPU and memory figures are missing.');
  const browserPhases = (['bare', 'rendered', 'posture', 'memory', 'e2e'] as const).filter((p) =>
    opts.phases.has(p),
  );
  if (!result.chromium && browserPhases.length) {
    const message =
      `No Chromium found: skipping the ${browserPhases.join(', ')} phase(s). Install one ` +
      '(Debian/Ubuntu: apt-get install -y chromium) or set CHROMIUM_PATH.';
    console.error(message);
    result.notes.push(message);
    for (const p of browserPhases) opts.phases.delete(p);
  }

  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    log(`${name}…`);
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      const s = (performance.now() - t0) / 1000;
      result.phaseSeconds[name] = Math.round(s * 10) / 10;
      log(`${name} done in ${s.toFixed(1)} s`);
    }
  };

  if (opts.phases.has('startup')) result.startup = await timed('startup', () => runStartup(log));

  if ((['bare', 'rendered', 'posture', 'http', 'e2e'] as const).some((p) => opts.phases.has(p))) {
    await runSitePhases(opts, result, timed, log);
  }
  if (result.chromium && opts.phases.has('memory')) {
    result.memory = await timed('memory', () =>
      runMemory({
        pages: opts.memoryPages,
        sitePages: opts.memorySitePages,
        concurrency: opts.concurrency,
        executablePath: result.chromium!,
        log,
        keepStore: opts.phases.has('scoring'),
      }),
    );
  }
  if (opts.phases.has('scoring')) {
    result.scoring = await timed('scoring', () =>
      runScoring({ memory: result.memory ?? null, concurrency: opts.concurrency, log }),
    );
  }
  if (opts.phases.has('fleet')) {
    result.fleet = await timed('fleet', () => runFleet(opts.fleet, log));
    if (opts.fleet.writePlanFigures) {
      const json = { ...fleetJson(result.fleet), machine: { loadBefore: result.loadBefore } };
      log(`wrote ${writePlanFigures(json as unknown as FleetJson, process.argv.slice(2))}`);
    }
  }
  result.memory?.cleanup();
  result.loadAfter = loadavg()[0] ?? 0;
  await closeHttpAgents();
  if (opts.json) console.log(JSON.stringify(toJson(result), null, 2));
  else console.log(`\n${formatTable(result)}`);
  return 0;
}

type Timed = <T>(name: string, work: () => Promise<T>) => Promise<T>;

/** Phases 1–3 and the posture cost, over the generated sites served by a child process. */
async function runSitePhases(
  opts: BenchOptions,
  result: BenchResult,
  timed: Timed,
  log: (line: string) => void,
): Promise<void> {
  const specs = [{ pages: opts.pages }, { pages: opts.httpPages }];
  const host: SiteHost = await hostSites(specs);
  const [site, httpSite] = host.sites as [SiteHost['sites'][0], SiteHost['sites'][0]];
  result.pageBytes = await averagePageBytes(site.pageUrls);
  const ours = new TreeCpuMeter(process.pid);
  const hosts = new TreeCpuMeter(host.pid);
  const cpuNow = () => ours.read() - hosts.read();
  const loopOptions = { concurrency: opts.concurrency, reps: opts.reps, cpuNow, log };
  try {
    if (result.chromium && (opts.phases.has('bare') || opts.phases.has('rendered'))) {
      const which = { bare: opts.phases.has('bare'), rendered: opts.phases.has('rendered') };
      const t = await timed('bare + rendered', () =>
        runThroughput(site, result.chromium!, which, loopOptions),
      );
      result.bare = t.bare;
      result.rendered = t.rendered;
      result.bareViolations = t.bareViolations;
    }
    if (result.chromium && opts.phases.has('posture')) {
      result.posture = await timed('posture', () => runPostureCost(site, result.chromium!, loopOptions));
    }
    if (opts.phases.has('http')) {
      result.http = await timed('http', () => runHttpPath(httpSite, loopOptions));
    }
    if (result.chromium && opts.phases.has('e2e')) {
      const e2eOptions = {
        concurrency: opts.concurrency,
        reps: opts.reps,
        executablePath: result.chromium,
        log,
      };
      result.e2e = await timed('e2e', () => runE2e(site, e2eOptions));
      result.notes.push(...result.e2e.notes);
    }
  } finally {
    ours.stop();
    hosts.stop();
    await host.close();
  }
}

async function averagePageBytes(urls: readonly string[]): Promise<number> {
  let total = 0;
  for (const url of urls) total += (await (await fetch(url)).arrayBuffer()).byteLength;
  return total / urls.length;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
