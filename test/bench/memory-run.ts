import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MemoryWorkerConfig, MemoryWorkerMessage } from './memory-worker.ts';
import { type TreeMemory, treeMemory } from './proc-stats.ts';
import { hostSites } from './site-host.ts';

const WORKER = fileURLToPath(new URL('./memory-worker.ts', import.meta.url));
const SAMPLE_MS = 1000;
/** The issue compares the final memory with the value after this many pages. */
export const EARLY_PAGES = 500;
const MAX_SITES = 100;

export interface MemorySample {
  pagesDone: number;
  seconds: number;
  /** PSS of the worker and its Chromium processes. */
  treeMb: number;
  /** RSS of the worker's Node process alone. */
  nodeRssMb: number;
  processes: number;
}

export interface MemoryResult {
  pages: number;
  jobs: number;
  seconds: number;
  pagesPerMin: number;
  browserLaunches: number;
  peak: { treeMb: number; nodeRssMb: number; chromiumMb: number };
  /** First sample taken once EARLY_PAGES pages were done (null when the run is shorter). */
  early: MemorySample | null;
  final: MemorySample;
  /** One sample per EARLY_PAGES pages. */
  timeline: MemorySample[];
  problems: string[];
  /** The worker's evidence store (a campaign named `campaign`), kept for the scoring phase. */
  storeFile: string;
  campaign: string;
  cleanup(): void;
}

export interface MemoryRunOptions {
  pages: number;
  sitePages: number;
  concurrency: number;
  executablePath: string;
  log: (line: string) => void;
  /** Keep the store until cleanup() (the scoring phase reads it). */
  keepStore: boolean;
}

/**
 * Phase 4: a worker process renders `pages` pages (site jobs of `sitePages` pages on distinct
 * hosts, render all) while this process samples its memory every second from /proc: the Node
 * process's RSS, and the PSS summed over it and its Chromium processes (PSS splits the pages they
 * share, which RSS would count once per process).
 */
export async function runMemory(options: MemoryRunOptions): Promise<MemoryResult> {
  const jobs = Math.max(1, Math.ceil(options.pages / options.sitePages));
  const siteCount = Math.min(jobs, MAX_SITES);
  const host = await hostSites(
    Array.from({ length: siteCount }, (_, k) => ({ pages: options.sitePages, name: `Site${k + 1}` })),
  );
  const dir = mkdtempSync(join(tmpdir(), 'pa-bench-memory-'));
  const config: MemoryWorkerConfig = {
    origins: host.sites.map((s) => s.origin),
    jobs,
    sitePages: options.sitePages,
    concurrency: options.concurrency,
    executablePath: options.executablePath,
    dir,
    campaign: 'bench-memory',
  };
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  const started = performance.now();
  const child = fork(WORKER, [JSON.stringify(config)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pid = child.pid ?? -1;
  let pagesDone = 0;
  const peak = { treeMb: 0, nodeRssMb: 0, chromiumMb: 0 };
  const timeline: MemorySample[] = [];
  let early: MemorySample | null = null;
  const sample = (): MemorySample | null => {
    const m: TreeMemory | null = treeMemory(pid);
    if (!m) return null;
    peak.treeMb = Math.max(peak.treeMb, m.treePssMb);
    peak.nodeRssMb = Math.max(peak.nodeRssMb, m.rootRssMb);
    peak.chromiumMb = Math.max(peak.chromiumMb, m.childrenPssMb);
    return {
      pagesDone,
      seconds: (performance.now() - started) / 1000,
      treeMb: m.treePssMb,
      nodeRssMb: m.rootRssMb,
      processes: m.processes,
    };
  };
  const timer = setInterval(sample, SAMPLE_MS);
  try {
    const done = await new Promise<Extract<MemoryWorkerMessage, { type: 'done' }>>((resolve, reject) => {
      child.on('message', (raw) => {
        const message = raw as MemoryWorkerMessage;
        pagesDone = message.pagesDone;
        if (message.type === 'done') return resolve(message);
        const now = sample();
        if (!now) return;
        if (!early && pagesDone >= EARLY_PAGES) early = now;
        const last = timeline.at(-1)?.pagesDone ?? 0;
        if (pagesDone - last >= EARLY_PAGES || timeline.length === 0) {
          timeline.push(now);
          options.log(
            `  ${pagesDone} pages, ${now.seconds.toFixed(0)} s: worker+Chromium ${now.treeMb.toFixed(0)} MB PSS ` +
              `(node RSS ${now.nodeRssMb.toFixed(0)} MB, ${now.processes} processes)`,
          );
        }
      });
      child.once('error', reject);
      child.once('exit', (code) =>
        reject(new Error(`memory worker exited with code ${code} after ${pagesDone} pages`)),
      );
    });
    const final = sample();
    if (!final) throw new Error('memory worker vanished before its final sample');
    const seconds = (performance.now() - started) / 1000;
    return {
      pages: done.pagesDone,
      jobs: done.jobsDone,
      seconds,
      pagesPerMin: (done.pagesDone / seconds) * 60,
      browserLaunches: done.launches,
      peak,
      early,
      final,
      timeline,
      problems: done.problems,
      storeFile: join(dir, 'bench.db'),
      campaign: config.campaign,
      cleanup,
    };
  } catch (error) {
    cleanup();
    throw error;
  } finally {
    clearInterval(timer);
    child.removeAllListeners('exit');
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null || !child.connected) return resolve();
      child.once('exit', () => resolve());
      child.disconnect();
    });
    await host.close();
    if (!options.keepStore) cleanup();
  }
}
