import type { CrawlProgress } from '../core/index.ts';

/** What the crawl is doing, in words, for each progress phase. */
const DOING: Record<CrawlProgress['phase'], string> = {
  discover: 'finding pages',
  crawl: 'fetching',
  render: 'rendering',
  external: 'checking linked site',
  probe: 'trying the site search',
  links: 'checking where evidence links lead',
  transport: 'checking HTTPS and certificates',
  validate: 'checking the markup',
  done: 'judging the indicators and writing the report',
};

/** The coarse stages a log without a terminal gets one line each for. */
export type Stage = 'discover' | 'pages' | 'validate' | 'done';

export function stageOf(phase: CrawlProgress['phase']): Stage {
  if (phase === 'discover' || phase === 'validate' || phase === 'done') return phase;
  return 'pages';
}

export function doing(phase: CrawlProgress['phase']): string {
  return DOING[phase];
}

/** `0:07`, `2:05`, `1:02:05`. */
export function clock(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

const MIN_PAGES_FOR_ESTIMATE = 3;

/**
 * Time left for the crawl at the pace so far: the pages still to fetch are the queued ones, at most the
 * page budget left, and the time budget caps it. Null until a few pages are done, or when nothing is left
 * to fetch (the crawl then ends with the pages in flight).
 */
export function remainingMs(p: CrawlProgress, elapsedMs: number, maxSeconds = 0): number | null {
  if (stageOf(p.phase) !== 'pages' || p.pagesDone < MIN_PAGES_FOR_ESTIMATE) return null;
  const pagesLeft = Math.min(p.pagesBudget - p.pagesDone, p.queued);
  if (pagesLeft <= 0) return null;
  const estimate = (elapsedMs / p.pagesDone) * pagesLeft;
  return maxSeconds > 0 ? Math.min(estimate, Math.max(0, maxSeconds * 1000 - elapsedMs)) : estimate;
}

/** `[12/60 pages · 0:14 · about 0:20 left]`. */
export function statusHead(p: CrawlProgress, elapsedMs: number, maxSeconds = 0): string {
  const width = String(p.pagesBudget).length;
  const left = remainingMs(p, elapsedMs, maxSeconds);
  const parts = [
    `${String(p.pagesDone).padStart(width)}/${p.pagesBudget} pages`,
    clock(elapsedMs),
    ...(left === null ? [] : [`about ${clock(left)} left`]),
  ];
  return `[${parts.join(' · ')}]`;
}
