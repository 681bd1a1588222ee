/**
 * Where a rendered page's time goes: the renderer's steps one by one, one page at a time, with the
 * wall time and the CPU (this process + Chromium) of each step; then the crawl's Node-side work on
 * the result (extraction, hashing, record validation, gzip + SQLite through the Recorder).
 *   npx tsx test/bench/profile-steps.ts [--pages N] [--no-guard] [--no-init-axe]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { AXE_SOURCE, runAxe } from '../../crawlers/browser/axe-run.ts';
import { CHROMIUM_ARGS } from '../../crawlers/browser/browser-pool.ts';
import { findChromium } from '../../crawlers/browser/find-chromium.ts';
import { evaluateScript, READ_DOCUMENT } from '../../crawlers/browser/in-page.ts';
import { viewportScreenshot } from '../../crawlers/browser/page-devtools.ts';
import { openSession } from '../../crawlers/browser/page-session.ts';
import { DESKTOP_VIEWPORT, mobileCheck } from '../../crawlers/browser/render-page.ts';
import { buildPageCapture } from '../../crawlers/crawl/page-capture.ts';
import { extractPage } from '../../crawlers/extract/extract-page.ts';
import { GuardProxy } from '../../crawlers/net/guard-proxy.ts';
import { NetworkPolicy } from '../../crawlers/net/network-policy.ts';
import { openStore } from '../../db/index.ts';
import { parseCrawlRecord } from '../../queue/recorder/record-schema.ts';
import { Recorder } from '../../queue/recorder.ts';
import { collapseWhitespace } from '../../src/core/index.ts';
import { BENCH_CATALOG } from './pipeline.ts';
import { treeCpuMs } from './proc-stats.ts';
import { hostSites } from './site-host.ts';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '12' },
    'no-guard': { type: 'boolean', default: false },
    'no-init-axe': { type: 'boolean', default: false },
  },
});
const pages = Number(values.pages);
const executablePath = findChromium();
if (!executablePath) {
  console.error('No Chromium found (apt-get install -y chromium, or set CHROMIUM_PATH): nothing to profile.');
  process.exit(0);
}

const totals = new Map<string, { wall: number; cpu: number }>();
async function step<T>(name: string, work: () => Promise<T> | T): Promise<T> {
  const cpu0 = treeCpuMs();
  const t0 = performance.now();
  const out = await work();
  const t = totals.get(name) ?? { wall: 0, cpu: 0 };
  t.wall += performance.now() - t0;
  t.cpu += treeCpuMs() - cpu0;
  totals.set(name, t);
  return out;
}

const host = await hostSites([{ pages }]);
const site = host.sites[0]!;
const dir = mkdtempSync(join(tmpdir(), 'pa-profile-'));
const store = openStore(join(dir, 'p.db'));
const recorder = new Recorder(store);
const runId = recorder.startRun({
  target: { url: `${site.origin}/`, level: 'city' },
  catalogId: BENCH_CATALOG,
});
const proxy = values['no-guard'] ? null : await GuardProxy.start(new NetworkPolicy({ allowPrivate: true }));
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [...CHROMIUM_ARGS, ...(proxy?.chromiumArgs ?? [])],
});
const context = await browser.newContext({ viewport: { ...DESKTOP_VIEWPORT }, serviceWorkers: 'block' });
if (!values['no-init-axe']) await context.addInitScript(AXE_SOURCE);
const isSameSite = (url: string) => url.startsWith(site.origin);

for (let round = 0; round < 2; round++) {
  if (round === 1) totals.clear(); // the first round warms caches and JIT
  for (const [i, url] of site.pageUrls.entries()) {
    const page = await step('newPage', () => context.newPage());
    const session = openSession(page);
    const response = await step('goto (domcontentloaded)', () =>
      page.goto(url, { waitUntil: 'domcontentloaded' }),
    );
    await step('load', () => page.waitForLoadState('load'));
    await step('settle', () => session.network.settle(page, 100, 1500));
    const doc = await step('read document', () =>
      evaluateScript<{ html: string; text: string }>(page, READ_DOCUMENT, 128_000),
    );
    await step('body size', () => response?.request().sizes());
    const shot = await step('screenshot', () => viewportScreenshot(page));
    if (values['no-init-axe']) await step('inject axe', () => page.evaluate(AXE_SOURCE));
    const axe = await step('axe', () => runAxe(page));
    const mobile = await step('mobile check', () => mobileCheck(page));
    await step('page close', () => page.close());
    const text = collapseWhitespace(doc.text);
    await step('extract (cheerio)', () => extractPage(doc.html, url, { isSameSite, visibleText: text }));
    const built = await step('build capture (extract + sha256)', () =>
      buildPageCapture({
        entry: { url, depth: 1, linkPath: [{ url, text: '' }], priority: 0, hintScore: 0 },
        site: 'portal',
        outcome: {
          requestedUrl: url,
          finalUrl: url,
          redirects: [],
          status: 'ok',
          httpStatus: response?.status() ?? 200,
          headers: response?.headers() ?? {},
          contentType: 'text/html',
          bytes: doc.html.length,
          fetchedAt: new Date().toISOString(),
          fetchMs: 0,
          html: doc.html,
        },
        rendered: {
          requestedUrl: url,
          finalUrl: url,
          redirects: [],
          status: 'ok',
          httpStatus: 200,
          headers: {},
          contentType: 'text/html',
          bytes: doc.html.length,
          fetchedAt: new Date().toISOString(),
          fetchMs: 0,
          html: doc.html,
          visibleText: text,
          render: { screenshot: null, consoleErrors: [], mobile, axe, renderMs: 0 },
          screenshotJpeg: shot,
        },
        isSameSite,
      }),
    );
    const record = { type: 'page' as const, runId, capture: built.capture, artifacts: built.artifacts };
    await step('validate record (zod)', () => parseCrawlRecord(record));
    await step(`recorder write (gzip + SQLite)`, () => recorder.write(parseCrawlRecord(record)));
    if (round === 1 && i === 0) {
      console.log(
        `page ${url}: ${doc.html.length} chars, ${built.capture.links.length} links, axe ${axe.violations.length} violations`,
      );
    }
  }
}

await browser.close();
await proxy?.close();
store.close();
rmSync(dir, { recursive: true, force: true });
await host.close();
const rows = [...totals.entries()].map(([name, t]) => [name, t.wall / pages, t.cpu / pages] as const);
const sum = { wall: 0, cpu: 0 };
for (const [, wall, cpu] of rows) {
  sum.wall += wall;
  sum.cpu += cpu;
}
console.log(
  `\n${pages} pages, one at a time; per page (request guard ${values['no-guard'] ? 'off' : 'on'}, axe ${values['no-init-axe'] ? 'injected after load' : 'init script'}):`,
);
console.log(`${'step'.padEnd(36)}${'wall ms'.padStart(9)}${'CPU ms'.padStart(9)}`);
for (const [name, wall, cpu] of rows)
  console.log(`${name.padEnd(36)}${wall.toFixed(1).padStart(9)}${cpu.toFixed(1).padStart(9)}`);
console.log(`${'total'.padEnd(36)}${sum.wall.toFixed(1).padStart(9)}${sum.cpu.toFixed(1).padStart(9)}`);
