/**
 * Scratch benchmark (not a test): BrowserRenderer.render vs a bare `goto + inject axe + axe.run`
 * loop over the same portal-like pages, 2 pages at a time, alternating rounds.
 *   npx tsx test/crawlers/browser/bench-renderer.ts [pages=20] [rounds=3]
 * Reports wall-clock pages/min and CPU per page (Node + the browser's process tree), since on a
 * shared machine wall-clock numbers move with everything else that runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import axe from 'axe-core';
import pLimit from 'p-limit';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../../crawlers/browser/browser-pool.ts';
import { BrowserRenderer } from '../../../crawlers/browser/browser-renderer.ts';
import { requireChromium } from '../../../crawlers/browser/find-chromium.ts';
import { ANY_PRIVATE } from '../../helpers/network.ts';
import { portalLikeSite } from './bench-pages.ts';
import { startPageServer } from './page-server.ts';

const PAGES = Number(process.argv[2] ?? 20);
const ROUNDS = Number(process.argv[3] ?? 3);
const TICK_MS = 1000 / 100; // USER_HZ

/** CPU ms of this process's descendants (live ones, plus the children they reaped). */
function descendantsCpuMs(): number {
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(entry), Number(fields[1]));
      const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
      cpu.set(Number(entry), ticks * TICK_MS);
    } catch {
      // process ended while reading
    }
  }
  let total = 0;
  for (const [pid, ms] of cpu) {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) {
      if (p === process.pid) {
        total += ms;
        break;
      }
    }
  }
  return total;
}

function cpuNowMs(): number {
  const own = process.cpuUsage();
  return (own.user + own.system) / 1000 + descendantsCpuMs();
}

const server = await startPageServer(portalLikeSite(PAGES));
const urls = Array.from({ length: PAGES }, (_, i) => server.url(`/p${i}.html`));
const RUN_OPTIONS = {
  runOnly: { type: 'tag' as const, values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  resultTypes: ['violations' as const, 'incomplete' as const],
};

const bareBrowser = await chromium.launch({ executablePath: requireChromium(), args: [...CHROMIUM_ARGS] });
const bareContext = await bareBrowser.newContext({ viewport: { width: 1280, height: 800 } });
async function bareLoop(): Promise<void> {
  const limit = pLimit(2);
  await Promise.all(
    urls.map((url) =>
      limit(async () => {
        const page = await bareContext.newPage();
        await page.goto(url, { waitUntil: 'load' });
        await page.evaluate(axe.source);
        await page.evaluate(
          `window.axe.run(document, ${JSON.stringify(RUN_OPTIONS)}).then((r) => r.violations.length)`,
        );
        await page.close();
      }),
    ),
  );
}

const renderer = new BrowserRenderer({ concurrency: 2, blockNonLoopback: true });
async function rendererLoop(): Promise<void> {
  const outcomes = await Promise.all(
    urls.map((url) => renderer.render(url, { userAgent: 'portal-audit-bench', network: ANY_PRIVATE })),
  );
  const bad = outcomes.filter((o) => o.status !== 'ok' || !o.render.axe || !o.screenshotJpeg);
  if (bad.length) throw new Error(`renderer failed on ${bad.length} pages: ${bad[0]?.error}`);
}

const results: Record<string, { ppm: number[]; cpuMs: number[] }> = {
  bare: { ppm: [], cpuMs: [] },
  renderer: { ppm: [], cpuMs: [] },
};
async function measure(name: keyof typeof results, loop: () => Promise<void>): Promise<void> {
  const cpu0 = cpuNowMs();
  const t0 = performance.now();
  await loop();
  const wall = performance.now() - t0;
  const cpu = cpuNowMs() - cpu0;
  results[name]?.ppm.push((urls.length / wall) * 60_000);
  results[name]?.cpuMs.push(cpu / urls.length);
}

await bareLoop();
await rendererLoop();
for (let round = 0; round < ROUNDS; round++) {
  await measure('bare', bareLoop);
  await measure('renderer', rendererLoop);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
for (const [name, r] of Object.entries(results)) {
  console.log(
    `${name.padEnd(9)} ${median(r.ppm).toFixed(0).padStart(4)} pages/min (rounds: ${r.ppm.map((x) => x.toFixed(0)).join(' ')})` +
      `  CPU ${median(r.cpuMs).toFixed(0)} ms/page (rounds: ${r.cpuMs.map((x) => x.toFixed(0)).join(' ')})`,
  );
}
const bare = results.bare!;
const ours = results.renderer!;
console.log(
  `ratio renderer/bare: wall ${(median(ours.ppm) / median(bare.ppm)).toFixed(2)}, ` +
    `CPU-bound estimate ${(median(bare.cpuMs) / median(ours.cpuMs)).toFixed(2)} ` +
    `(2 idle cores: bare ≈ ${((2 * 60_000) / median(bare.cpuMs)).toFixed(0)}, renderer ≈ ${((2 * 60_000) / median(ours.cpuMs)).toFixed(0)} pages/min)`,
);
await renderer.close();
await bareBrowser.close();
await server.close();
