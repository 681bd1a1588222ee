/**
 * Scratch timing check (not a test): records R runs × P pages through the Recorder into a store,
 * then times loading every run back with loadSiteCaptures, as a campaign rescoring does.
 *   npx tsx test/db/load-timing.scratch.ts [runs=386] [pages=60] [renderedPerRun=10] [dbFile]
 * With a dbFile that exists, only the loading is timed (the file is kept); without one, a temp store
 * is written and removed afterwards.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSiteCaptures, openStore } from '../../db/index.ts';
import { Recorder } from '../../queue/recorder.ts';
import type { PageCapture } from '../../src/core/index.ts';
import { artifactOf, samplePage, samplePortalHtml } from './sample-capture.ts';

const args = process.argv.slice(2);
const [runs = 386, pagesPerRun = 60, renderedPerRun = 10] = args.slice(0, 3).map(Number);
const tempDir = args[3] ? null : mkdtempSync(join(tmpdir(), 'portal-audit-timing-'));
const file = args[3] ?? join(tempDir!, 'campaign.db');

// Two template pages extracted once (cheerio is the slow part, and not what is measured).
const plain = samplePage('https://portal.example/page', { depth: 2, extraLinks: 120 });
const rendered = samplePage('https://portal.example/page', { depth: 1, extraLinks: 120, rendered: true });
const text = `${plain.capture.text} ${'Residents can apply for permits, pay fees and read the council minutes. '.repeat(60)}`;
const baseHtml = samplePortalHtml('template', 120);

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return +((u.user + u.system) / 1e6).toFixed(2);
}

async function writeCampaign() {
  const store = openStore(file);
  const recorder = new Recorder(store);
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (let r = 0; r < runs; r++) {
    const home = `https://city-${r}.example/`;
    const runId = recorder.startRun({ target: { url: home, level: 'city' }, catalogId: 'losi-2024' });
    for (let p = 0; p < pagesPerRun; p++) {
      const url = p === 0 ? home : `${home}section-${p}`;
      const template = p < renderedPerRun ? rendered : plain;
      const html = artifactOf('html', 'text/html', Buffer.from(`${baseHtml}<!-- ${url} -->`));
      const capture: PageCapture = { ...template.capture, url, finalUrl: url, text, htmlHash: html.hash };
      await recorder.emit({
        type: 'page',
        runId,
        capture,
        artifacts: [html, ...template.artifacts.slice(1)],
      });
    }
    const now = new Date().toISOString();
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
        startedAt: now,
        finishedAt: now,
        spa: false,
      },
    });
  }
  const seconds = (performance.now() - start) / 1000;
  store.close();
  const pages = runs * pagesPerRun;
  return {
    pages,
    seconds: +seconds.toFixed(2),
    cpuSeconds: cpuSeconds(cpu),
    pagesPerSecond: Math.round(pages / seconds),
  };
}

function loadCampaign() {
  const store = openStore(file, { readonly: true });
  const start = performance.now();
  const cpu = process.cpuUsage();
  let pages = 0;
  let axeViolations = 0;
  for (let runId = 1; runId <= runs; runId++) {
    const site = loadSiteCaptures(store, runId);
    if (!site.home) throw new Error(`run ${runId}: no home page`);
    pages += site.pages.length;
    for (const page of site.pages) axeViolations += page.render?.axe?.violations.length ?? 0;
  }
  const seconds = (performance.now() - start) / 1000;
  store.close();
  return { pages, axeViolations, seconds: +seconds.toFixed(2), cpuSeconds: cpuSeconds(cpu) };
}

const write = existsSync(file) ? 'skipped (existing store)' : await writeCampaign();
const load = loadCampaign();
console.log(
  JSON.stringify(
    {
      runs,
      pagesPerRun,
      renderedPerRun,
      linksPerPage: plain.capture.links.length,
      captureJsonChars: JSON.stringify(plain.capture).length,
      write,
      load,
    },
    null,
    2,
  ),
);
if (tempDir) rmSync(tempDir, { recursive: true, force: true });
