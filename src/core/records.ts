import type { PageCapture, SiteArtifacts } from './capture.ts';
import type { FetchStatus } from './fetch-status.ts';

/**
 * Records: what a site crawl emits and the recorder persists. Plain data, so that in fleet mode they
 * travel through a results queue (bytes as base64) and in embedded mode go straight to the recorder.
 */

export const ARTIFACT_KINDS = ['html', 'screenshot'] as const;
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number];

/** Raw bytes of a content-addressed artifact; `hash` is the sha256 hex of `data`. */
export interface ArtifactBytes {
  hash: string;
  kind: ArtifactKind;
  mediaType: string;
  data: Uint8Array;
}

export const STOP_REASONS = [
  'frontier_exhausted',
  'max_pages',
  'max_seconds',
  'interrupted',
  'unreachable',
  /** No page was recorded for the watchdog's whole window: the crawl was ended with what it had. */
  'stalled',
] as const;
export type StopReason = (typeof STOP_REASONS)[number];

/** How the crawl of one site ended. `outcome` is 'ok' when the home page was captured, else its status. */
export interface CrawlEnd {
  outcome: FetchStatus;
  stopReason: StopReason;
  homeUrl: string;
  finalHomeUrl: string | null;
  pages: number;
  statuses: Partial<Record<FetchStatus, number>>;
  startedAt: string;
  finishedAt: string;
  /**
   * Whether the whole site was crawled in the browser as an app: its home page is an empty JS shell,
   * or is drawn by script (far more links, views or text rendered than served).
   */
  spa: boolean;
  message?: string;
}

export type CrawlRecord =
  | { type: 'page'; runId: number; capture: PageCapture; artifacts: ArtifactBytes[] }
  | {
      type: 'site-artifact';
      runId: number;
      kind: keyof SiteArtifacts;
      data: NonNullable<SiteArtifacts[keyof SiteArtifacts]>;
      artifacts: ArtifactBytes[];
    }
  | { type: 'crawl-end'; runId: number; end: CrawlEnd };

/** Progress events for a terminal or a coordinator. Not stored. */
export interface CrawlProgress {
  runId: number;
  pagesDone: number;
  pagesBudget: number;
  queued: number;
  currentUrl: string;
  phase: 'discover' | 'crawl' | 'render' | 'external' | 'probe' | 'links' | 'transport' | 'validate' | 'done';
}

/** Where a crawl sends its records. The recorder implements it in-process; a worker forwards to Redis. */
export interface RecordSink {
  emit(record: CrawlRecord): Promise<void>;
}
