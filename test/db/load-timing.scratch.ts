/**
 * Scratch timing check (not a test): records R runs × P pages through the Recorder into a fresh
 * store, then times loading every run back with loadSiteCaptures, as a campaign rescoring does.
 *   npx tsx test/db/load-timing.scratch.ts [runs=386] [pages=60] [renderedPerRun=10]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSiteCaptures, openStore } from '../../db/index.ts';
import { Recorder } from '../../queue/recorder.ts';
import type { PageCapture } from '../../src/core/index.ts';
import { artifactOf, samplePage, samplePortalHtml } from './sample-capture.ts';

const [runs = 386, pagesPerRun = 60, renderedPerRun = 10] = process.argv.slice(2).map(Number);
const dir = mkdtempSync(join(tmpdir(), 'portal-audit-timing-'));
const file = join(dir, 'campaign.db');

// Extract two template pages once (cheerio is the slow part, and not what is measured).
const plain = samplePage('https://portal.example/page', { depth: 2, extraLinks: 120 });
const rendered = samplePage('https://portal.example/page', { depth: 1, extraLinks: 120, rendered: true });
const text = `${plain.capture.text} ${'Residents can apply for permits, pay fees and read the council minutes. '.repeat(60)}`;
const baseHtml = samplePortalHtml('template', 120);

let store = openStore(file);
const recorder = new Recorder(store);
const writeStart = performance.now();
const writeCpu = process.cpuUsage();
let pagesWritten = 0;
for (let r = 0; r < runs; r++) {
  const home = `https://city-${r}.example/`;
  const runId = recorder.startRun({ target: { url: home, level: 'city' }, catalogId: 'losi-2024' });
  for (let p = 0; p < pagesPerRun; p++) {
    const url = p === 0 ? home : `${home}section-${p}`;
    const template = p < renderedPerRun ? rendered : plain;
    const html = artifactOf('html', 'text/html', Buffer.from(`${baseHtml}<!-- ${url} -->`));
    const capture: PageCapture = { ...template.capture, url, finalUrl: url, text, htmlHash: html.hash, depth: p === 0 ? 0 : 1 };
    await recorder.emit({ type: 'page', runId, capture, artifacts: [html, ...template.artifacts.slice(1)] });
    pagesWritten++;
  }
  await recorder.emit({
    type: 'crawl-end',
    runId,
    end: {
      outcome: 'ok',
      stopReason: 'max_pages',
      homeUrl: home,
      finalHomeUrl: home,
      pages: pagesPerRun,
      statuses: { ok: pagesPerRun },
      startedAt: new Date().toISOString(),
      finishedAt: new Date().toISOString(),
      spa: false,
    },
  });
}
const writeSeconds = (performance.now() - writeStart) / 1000;
const writeCpuSeconds = cpuSeconds(process.cpuUsage(writeCpu));
store.close();

store = openStore(file, { readonly: true });
const loadStart = performance.now();
const loadCpu = process.cpuUsage();
let pagesLoaded = 0;
let axeFindings = 0;
for (let runId = 1; runId <= runs; runId++) {
  const site = loadSiteCaptures(store, runId);
  if (!site.home) throw new Error(`run ${runId}: no home`);
  pagesLoaded += site.pages.length;
  for (const page of site.pages) axeFindings += page.render?.axe?.violations.length ?? 0;
}
const loadSeconds = (performance.now() - loadStart) / 1000;
const loadCpuSeconds = cpuSeconds(process.cpuUsage(loadCpu));
store.close();

const captureJson = JSON.stringify(plain.capture).length;
console.log(
  JSON.stringify(
    {
      runs,
      pagesPerRun,
      renderedPerRun,
      linksPerPage: plain.capture.links.length,
      captureJsonChars: captureJson,
      write: { pages: pagesWritten, seconds: +writeSeconds.toFixed(2), cpuSeconds: writeCpuSeconds, pagesPerSecond: Math.round(pagesWritten / writeSeconds) },
      load: { pages: pagesLoaded, axeViolationRows: axeFindings, seconds: +loadSeconds.toFixed(2), cpuSeconds: loadCpuSeconds },
    },
    null,
    2,
  ),
);
rmSync(dir, { recursive: true, force: true });

function cpuSeconds(u: NodeJS.CpuUsage): number {
  return +((u.user + u.system) / 1e6).toFixed(2);
}
