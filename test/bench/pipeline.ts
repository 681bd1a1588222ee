import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserRenderer } from '../../crawlers/browser/browser-renderer.ts';
import { InProcessHostLimiter } from '../../crawlers/http/host-limiter.ts';
import { isPrivateAddress } from '../../crawlers/http/private-address.ts';
import { NetworkPolicy } from '../../crawlers/net/network-policy.ts';
import { openStore, repositories, type Store } from '../../db/index.ts';
import { Recorder } from '../../queue/recorder.ts';
import { runSiteJob } from '../../queue/run-site-job.ts';
import { buildLinkPrioritizer, getCatalog } from '../../rules/index.ts';
import type { CrawlEnd, LinkPrioritizer, RenderMode } from '../../src/core/index.ts';

export const BENCH_CATALOG = 'losi-2024';

export interface PipelineOptions {
  render: Extract<RenderMode, 'all' | 'none'>;
  concurrency: number;
  /** Chromium to use; required for render 'all'. */
  executablePath?: string;
  /** Where the evidence store goes. @default a new temp dir, removed on close */
  dir?: string;
  /** Browser retirement (pages per browser). @default the renderer's default */
  retireAfterPages?: number;
  /** Page speed, cookies, transport check and phone load (see CrawlSiteOptions). @default true */
  gatherPosture?: boolean;
}

/**
 * The network policy as a production audit uses it (every connection checked, the browser's through
 * its guard proxy). The bench sites are on 127.0.0.1, so that one address counts as public, as the
 * renderer's tests do.
 */
const benchNetwork = new NetworkPolicy({
  isPrivate: (address) => address !== '127.0.0.1' && isPrivateAddress(address),
});

export interface SiteRun {
  runId: number;
  end: CrawlEnd;
}

/**
 * The real embedded pipeline as a worker runs it: runSiteJob (crawl, HTTP fetch or Chromium render
 * with axe, screenshot and mobile check, extraction, link hints) → Recorder → SQLite + artifact
 * files. One renderer, limiter and store for all sites, as in a long-lived worker. The markup
 * validator (a JVM batch per site) is left out: it is not per-page work.
 */
export class BenchPipeline {
  readonly store: Store;
  readonly recorder: Recorder;
  readonly renderer: BrowserRenderer | undefined;
  private readonly linkHints: LinkPrioritizer;
  private readonly limiter: InProcessHostLimiter;
  private readonly ownDir: string | null;

  constructor(private readonly options: PipelineOptions) {
    this.ownDir = options.dir ? null : mkdtempSync(join(tmpdir(), 'pa-bench-'));
    const dir = options.dir ?? this.ownDir!;
    this.store = openStore(join(dir, 'bench.db'));
    this.recorder = new Recorder(this.store);
    this.linkHints = buildLinkPrioritizer(getCatalog(BENCH_CATALOG));
    this.limiter = new InProcessHostLimiter({ maxPerHost: options.concurrency });
    this.renderer =
      options.render === 'all'
        ? new BrowserRenderer({
            ...(options.executablePath ? { executablePath: options.executablePath } : {}),
            concurrency: options.concurrency,
            ...(options.retireAfterPages ? { retireAfterPages: options.retireAfterPages } : {}),
          })
        : undefined;
  }

  /** Crawls one site of `maxPages` pages into a new run. */
  async crawl(url: string, maxPages: number, campaignId: number | null = null): Promise<SiteRun> {
    const target = { url, level: 'city' as const };
    const budget = { maxPages, maxDepth: 20, maxSeconds: 0 };
    const runId = this.recorder.startRun({
      target,
      campaignId,
      catalogId: BENCH_CATALOG,
      options: { budget, render: this.options.render },
    });
    const end = await runSiteJob(
      {
        campaignId,
        targetId: this.recorder.targetIdOfRun(runId),
        runId,
        url,
        level: 'city',
        catalog: BENCH_CATALOG,
        budget,
        render: this.options.render,
        allowPrivate: false,
      },
      {
        sink: this.recorder,
        network: benchNetwork,
        ...(this.renderer ? { renderer: this.renderer } : {}),
        linkHints: this.linkHints,
        hostLimiter: this.limiter,
        concurrency: this.options.concurrency,
        ...(this.options.gatherPosture === false ? { gatherPosture: false } : {}),
      },
    );
    return { runId, end };
  }

  /** Checks that a run captured what the bench claims: `expected` ok pages, rendered with axe and a screenshot. */
  verify(run: SiteRun, expected: number): string | null {
    const captures = repositories(this.store).pages.listCaptures(run.runId);
    const portal = captures.filter((c) => c.site === 'portal');
    const ok = portal.filter((c) => c.status === 'ok');
    if (portal.length !== expected || ok.length !== expected) {
      return `run ${run.runId}: ${ok.length} ok of ${portal.length} portal pages, expected ${expected} (${run.end.stopReason})`;
    }
    if (this.options.render === 'all') {
      const full = ok.filter((c) => c.rendered && c.render?.axe && c.render.screenshot && c.render.mobile);
      if (full.length !== expected) {
        return `run ${run.runId}: ${full.length} of ${expected} pages rendered with axe, screenshot and mobile check`;
      }
    }
    return null;
  }

  async close(): Promise<void> {
    await this.renderer?.close();
    this.store.close();
    if (this.ownDir) rmSync(this.ownDir, { recursive: true, force: true });
  }
}
