import type { LinkHint, LinkStep, Region } from '../../src/core/index.ts';
import { normalizeUrl } from './normalize-url.ts';
import { TrapGuard, type TrapReason } from './trap-guard.ts';

export interface FrontierEntry {
  /** Normalised URL. */
  url: string;
  depth: number;
  linkPath: LinkStep[];
  priority: number;
  /** LinkPrioritizer score of the link that led here (0 for the home page). */
  hintScore: number;
}

/** Serialisable frontier state for resuming a crawl. In-flight entries are saved as pending. */
export interface FrontierCheckpoint {
  visited: string[];
  pending: FrontierEntry[];
  /** Completed entries that counted against maxPages. */
  pagesCounted: number;
}

export interface FrontierOptions {
  maxPages: number;
  maxDepth: number;
}

export type AddResult = 'added' | 'raised' | 'duplicate' | 'too_deep' | 'invalid' | TrapReason;

/** Weights of the best-first order. Higher priority is visited first; ties keep discovery order. */
export const PRIORITY_WEIGHTS = {
  hint: 10,
  /** Links in nav, header or footer are the portal's own signposts. */
  signpostRegion: 3,
  depth: 2,
  /** hreflang alternates and language switches: capture the other-language version early. */
  language: 1000,
  /** URLs known only from sitemap.xml. */
  sitemap: -20,
} as const;

export function linkPriority(args: {
  hint: LinkHint;
  depth: number;
  region?: Region;
  source?: 'link' | 'hreflang' | 'sitemap';
}): number {
  const { hint, depth, region, source = 'link' } = args;
  let priority = hint.score * PRIORITY_WEIGHTS.hint - depth * PRIORITY_WEIGHTS.depth;
  if (region === 'nav' || region === 'header' || region === 'footer')
    priority += PRIORITY_WEIGHTS.signpostRegion;
  if (hint.language || source === 'hreflang') priority += PRIORITY_WEIGHTS.language;
  if (source === 'sitemap') priority += PRIORITY_WEIGHTS.sitemap;
  return priority;
}

/**
 * Best-first crawl frontier with dedupe by normalised URL, depth and page budgets, and trap guards.
 * `next()` hands out the highest-priority entry; `complete()` marks it visited.
 */
export class Frontier {
  private readonly pending = new Map<string, FrontierEntry>();
  private readonly inFlight = new Map<string, FrontierEntry>();
  private readonly visited = new Set<string>();
  private readonly guard = new TrapGuard();
  private counted = 0;

  constructor(private readonly options: FrontierOptions) {}

  static restore(checkpoint: FrontierCheckpoint, options: FrontierOptions): Frontier {
    const frontier = new Frontier(options);
    for (const url of checkpoint.visited) {
      frontier.visited.add(url);
      frontier.guard.admit(url);
    }
    for (const entry of checkpoint.pending) {
      if (frontier.visited.has(entry.url) || frontier.pending.has(entry.url)) continue;
      frontier.guard.admit(entry.url);
      frontier.pending.set(entry.url, entry);
    }
    frontier.counted = checkpoint.pagesCounted;
    return frontier;
  }

  /** Adds a URL (normalised here). A known URL found again with a higher priority is raised. */
  add(entry: FrontierEntry): AddResult {
    const url = normalizeUrl(entry.url);
    if (!url) return 'invalid';
    if (entry.depth > this.options.maxDepth) return 'too_deep';
    const known = this.pending.get(url);
    if (known) {
      if (entry.priority <= known.priority) return 'duplicate';
      known.priority = entry.priority;
      known.hintScore = Math.max(known.hintScore, entry.hintScore);
      return 'raised';
    }
    if (this.visited.has(url) || this.inFlight.has(url)) return 'duplicate';
    const trap = this.guard.admit(url);
    if (trap) return trap;
    this.pending.set(url, { ...entry, url });
    return 'added';
  }

  /** True when the URL is pending, in flight or visited. */
  has(url: string): boolean {
    const key = normalizeUrl(url);
    return key !== null && (this.pending.has(key) || this.inFlight.has(key) || this.visited.has(key));
  }

  /** The best pending entry, or null when the frontier is empty or the page budget is used up. */
  next(): FrontierEntry | null {
    if (this.budgetReached) return null;
    let best: FrontierEntry | null = null;
    for (const entry of this.pending.values()) {
      if (!best || entry.priority > best.priority) best = entry;
    }
    if (!best) return null;
    this.pending.delete(best.url);
    this.inFlight.set(best.url, best);
    return best;
  }

  /** Marks an entry from next() as done. `counted: false` gives its page back to the budget. */
  complete(url: string, options: { counted?: boolean } = {}): void {
    if (!this.inFlight.delete(url)) return;
    this.visited.add(url);
    if (options.counted ?? true) this.counted++;
  }

  /** Puts an in-flight entry back (the crawl was interrupted before it finished). */
  release(url: string): void {
    const entry = this.inFlight.get(url);
    if (!entry) return;
    this.inFlight.delete(url);
    this.pending.set(url, entry);
  }

  /** Records a URL as visited without fetching it (e.g. the final URL of a redirect). */
  markVisited(url: string): void {
    const key = normalizeUrl(url);
    if (!key || this.inFlight.has(key)) return;
    this.pending.delete(key);
    this.visited.add(key);
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  get inFlightCount(): number {
    return this.inFlight.size;
  }

  /** Completed entries that counted against maxPages. */
  get completedPages(): number {
    return this.counted;
  }

  /** Pages done or in flight that count against maxPages. */
  get pagesTaken(): number {
    return this.counted + this.inFlight.size;
  }

  get budgetReached(): boolean {
    return this.pagesTaken >= this.options.maxPages;
  }

  checkpoint(): FrontierCheckpoint {
    return {
      visited: [...this.visited],
      pending: [...this.inFlight.values(), ...this.pending.values()].map((e) => ({
        ...e,
        linkPath: e.linkPath.map((s) => ({ ...s })),
      })),
      pagesCounted: this.counted,
    };
  }
}
