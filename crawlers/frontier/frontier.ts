import type { LinkHint, Region } from '../../src/core/index.ts';
import type { FrontierCheckpoint, FrontierEntry } from '../crawl/checkpoint-schema.ts';
import { BudgetSpread } from './budget-spread.ts';
import { normalizeUrl } from './normalize-url.ts';
import { TrapGuard, type TrapReason } from './trap-guard.ts';

export type { FrontierCheckpoint, FrontierEntry } from '../crawl/checkpoint-schema.ts';

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

/**
 * What a link hint is worth: its score, less for a link matched for many indicators at once. A link
 * named for one thing ("Privacy notice") is more likely that thing's page than one whose words touch
 * many indicators a little ("Petitions: how to apply", matched for six).
 */
export function hintValue(hint: LinkHint): number {
  return hint.score / Math.sqrt(Math.max(1, hint.codes.length));
}

export function linkPriority(args: {
  hint: LinkHint;
  depth: number;
  region?: Region;
  source?: 'link' | 'hreflang' | 'sitemap';
}): number {
  const { hint, depth, region, source = 'link' } = args;
  let priority = hintValue(hint) * PRIORITY_WEIGHTS.hint - depth * PRIORITY_WEIGHTS.depth;
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
  private readonly spread: BudgetSpread;
  private counted = 0;

  constructor(private readonly options: FrontierOptions) {
    this.spread = new BudgetSpread(options.maxPages);
  }

  static restore(checkpoint: FrontierCheckpoint, options: FrontierOptions): Frontier {
    const frontier = new Frontier(options);
    for (const url of checkpoint.visited) {
      frontier.visited.add(url);
      frontier.guard.admit(url, true);
      frontier.spread.taken(url);
    }
    for (const entry of checkpoint.pending) {
      if (frontier.visited.has(entry.url) || frontier.pending.has(entry.url)) continue;
      frontier.guard.admit(entry.url, entry.signpost);
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
      if (entry.hintScore >= known.hintScore && entry.codes) known.codes = entry.codes;
      known.hintScore = Math.max(known.hintScore, entry.hintScore);
      return 'raised';
    }
    if (this.visited.has(url) || this.inFlight.has(url)) return 'duplicate';
    const trap = this.guard.admit(url, entry.signpost);
    if (trap) return trap;
    this.pending.set(url, { ...entry, url });
    return 'added';
  }

  /** True when the URL is pending, in flight or visited. */
  has(url: string): boolean {
    const key = normalizeUrl(url);
    return key !== null && (this.pending.has(key) || this.inFlight.has(key) || this.visited.has(key));
  }

  /** True when the URL was fetched (or was the final URL of a fetch). */
  isVisited(url: string): boolean {
    const key = normalizeUrl(url);
    return key !== null && this.visited.has(key);
  }

  /**
   * The best pending entry, or null when the frontier is empty or the page budget is used up.
   * Priorities are adjusted at pick time to spread the budget over the site (see BudgetSpread).
   */
  next(): FrontierEntry | null {
    if (this.budgetReached) return null;
    return this.take();
  }

  /**
   * The best pending entry whatever the page budget says (link checks after the crawl take the
   * next best few this way), or null when nothing is pending. Hand it back with complete().
   */
  nextBeyondBudget(accept: (entry: FrontierEntry) => boolean = () => true): FrontierEntry | null {
    return this.take(accept);
  }

  private take(accept: (entry: FrontierEntry) => boolean = () => true): FrontierEntry | null {
    let best: FrontierEntry | null = null;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const entry of this.pending.values()) {
      if (!accept(entry)) continue;
      const hintPriority = entry.hintScore * PRIORITY_WEIGHTS.hint;
      const parentUrl = entry.linkPath.at(-2)?.url;
      const score = entry.priority + this.spread.adjustment({ ...entry, hintPriority, parentUrl });
      if (score > bestScore) {
        best = entry;
        bestScore = score;
      }
    }
    if (!best) return null;
    this.pending.delete(best.url);
    this.inFlight.set(best.url, best);
    this.spread.taken(best.url, best.codes);
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
