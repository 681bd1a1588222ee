import type {
  AllowPrivate,
  CrawlBudget,
  CrawlProgress,
  LinkPrioritizer,
  MarkupValidationArtifact,
  RecordSink,
  RenderMode,
} from '../../src/core/index.ts';
import type { HostLimiter, PageRenderer } from '../contracts.ts';
import type { NetworkPolicy } from '../net/network-policy.ts';
import type { CrawlCheckpoint } from './checkpoint-schema.ts';

export interface CrawlSiteOptions {
  /** Run the records belong to (created by the recorder before the crawl). */
  runId: number;
  /** Home page of the portal (http or https). */
  url: string;
  /** maxPages (portal pages, not external ones), maxDepth (home = 0), maxSeconds (0 = no limit). */
  budget: CrawlBudget;
  /**
   * 'auto': render the home page, pages reached through a link with a hint score > 0, and every
   * page when the home page is an empty JS shell; 'all': every page; 'none': never.
   */
  render: RenderMode;
  /**
   * Private, loopback or link-local addresses the crawl may reach: none, all, or the listed
   * `host[:port]` entries. Tests pass their fixture hosts.
   */
  allowPrivate: AllowPrivate;
  /** The network policy itself, instead of one made from `allowPrivate` (tests: a resolver of their own). */
  network?: NetworkPolicy;
  /** Contact URL in our User-Agent. @default DEFAULT_CONTACT_URL of src/core/version.ts */
  contactUrl?: string;
  /** Scores links from the catalog's lexicons: best-first order, services and language switches. */
  linkHints: LinkPrioritizer;
  /** Where records go (the recorder, or a results queue). Every emit is awaited. */
  sink: RecordSink;
  /**
   * The browser. Required for render 'all'; with 'auto' and no renderer the crawl is HTTP-only
   * and CrawlEnd.message says so.
   */
  renderer?: PageRenderer;
  /** W3C Nu checker over a batch of pages; when absent no markupValidation artifact is emitted. */
  validateMarkup?: (pages: { url: string; html: string }[]) => Promise<MarkupValidationArtifact>;
  /** Per-host politeness, shared across sites. @default a new InProcessHostLimiter (2 per host) */
  hostLimiter?: HostLimiter;
  /** Pages in flight for this site. @default 2 */
  concurrency?: number;
  /** Hard timeout per page, HTTP or browser. @default 30_000 */
  pageTimeoutMs?: number;
  /**
   * The watchdog ends the crawl (stopReason 'stalled') when nothing is recorded for this long.
   * @default the larger of 2 minutes and 4 page timeouts
   */
  stallTimeoutMs?: number;
  /** Response byte cap. @default 5 MiB */
  maxBytes?: number;
  /** One-hop pages captured on external sites linked as services or language versions. @default 12 */
  maxExternalPages?: number;
  /**
   * Targets of links that look like indicator evidence, not reached by the crawl, fetched after it
   * to learn whether they resolve to content (`fetchedFor: 'link-check'`). 0 turns it off. @default 30
   */
  maxLinkChecks?: number;
  /**
   * Gather what the posture judge reads: each rendered page's speed, requests and cookies; after the
   * pages, how the portal and its service hosts are reached (HTTPS, certificate, HSTS, redirect from
   * http:, security.txt: the `transport` artifact) and, with a browser, the home page's load at a
   * phone's width (the `mobileSpeed` artifact). @default true
   */
  gatherPosture?: boolean;
  /**
   * PEM certificates the transport check trusts besides Node's roots (an intranet CA, a test's
   * local CA). Only the check's verdict on certificates uses them, not the page fetches.
   */
  trustedCa?: readonly string[];
  /** Aborting stops scheduling, drops unfinished pages (kept pending) and ends with 'interrupted'. */
  signal?: AbortSignal;
  /** A checkpoint from onCheckpoint of an earlier, interrupted crawl of the same run. */
  resume?: CrawlCheckpoint;
  /** Called after every page with the state needed to resume. Calls are serialised. */
  onCheckpoint?: (checkpoint: CrawlCheckpoint) => Promise<void>;
  /** Called after every page. */
  onProgress?: (progress: CrawlProgress) => void;
}

/**
 * Everything a resumed crawl needs; plain JSON. Written only after the home page, the sitemap and
 * the search probe are done, so a resumed crawl goes straight to the remaining pages.
 */
export type { CrawlCheckpoint } from './checkpoint-schema.ts';

export const CRAWL_DEFAULTS = {
  concurrency: 2,
  pageTimeoutMs: 30_000,
  minStallTimeoutMs: 120_000,
  maxBytes: 5 * 1024 * 1024,
  maxExternalPages: 12,
  /** Pages passed to the markup validator. */
  validationPages: 10,
  /** Targets of evidence links fetched after the crawl when the crawl did not reach them. */
  maxLinkChecks: 30,
  /** Deadline of each connection of the transport check (the page timeout when that is shorter). */
  transportTimeoutMs: 10_000,
} as const;
