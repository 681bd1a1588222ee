/**
 * Spreads a page budget over a site, so that a large site's evidence, one or two levels under each
 * section, is not left out because the crawl spent its budget deep in the first sections it met.
 * A section is the first path segment (`/council-and-democracy/…`); a page's directory is its
 * parent (`/a/` for both `/a/b.html` and `/a/b/`).
 *
 * At pick time an entry's priority is adjusted:
 * - a section's own page (`/section/`) not visited yet is raised, until a share of the budget went
 *   to such openers: one page per major section before going deep;
 * - pages of a section that already had several lose a little per page taken there, and pages of a
 *   directory lose more per sibling already taken (a list of 100 news items is not worth 100 pages);
 * - the part of a link's priority that its hint gave shrinks for indicator codes that pages already
 *   taken were linked as: the budget goes to indicators without a candidate page yet.
 */
export const SPREAD_WEIGHTS = {
  /** Raise for a section's own page while its section has no page taken. */
  newSection: 60,
  /** Share of the page budget that section openers may take. */
  openerShare: 0.3,
  /** Pages a section takes before its other pages start losing priority… */
  freePerSection: 3,
  /** …this much per page taken beyond that. */
  perSectionPage: 0.5,
  /** Lost per page already taken in the same directory. */
  perSibling: 1,
} as const;

export interface Place {
  section: string;
  directory: string;
  /** The section's own page (`/section/`, `/page.html`) or the home page. */
  top: boolean;
}

export interface SpreadEntry {
  url: string;
  /** Indicator codes the link's hint matched. */
  codes?: readonly string[];
  /** The part of the entry's priority its link hint gave. */
  hintPriority?: number;
  /** The page the link was found on: a hub does not count against its own evidence pages. */
  parentUrl?: string;
}

export class BudgetSpread {
  readonly #perSection = new Map<string, number>();
  readonly #perDirectory = new Map<string, number>();
  /** Pages taken, per indicator code they were linked as. */
  readonly #covered = new Map<string, Set<string>>();
  readonly #places = new Map<string, Place>();
  #openers = 0;

  constructor(private readonly maxPages: number) {}

  /** Priority change for an entry about to be compared with the others. */
  adjustment(entry: SpreadEntry): number {
    const { section, directory, top } = this.#place(entry.url);
    const inSection = this.#perSection.get(section) ?? 0;
    // Section pages are siblings of each other in `/`, but each opens its own part of the site.
    let change = top ? 0 : -(this.#perDirectory.get(directory) ?? 0) * SPREAD_WEIGHTS.perSibling;
    change -= (entry.hintPriority ?? 0) * (1 - this.#novelty(entry.codes ?? [], entry.parentUrl));
    if (inSection === 0) {
      if (top && this.#openers < this.maxPages * SPREAD_WEIGHTS.openerShare) {
        change += SPREAD_WEIGHTS.newSection;
      }
    } else {
      change -= Math.max(0, inSection - SPREAD_WEIGHTS.freePerSection) * SPREAD_WEIGHTS.perSectionPage;
    }
    return change;
  }

  /** A URL was handed out (or was visited before a resume), linked as `codes`. */
  taken(url: string, codes: readonly string[] = []): void {
    const { section, directory } = this.#place(url);
    const inSection = this.#perSection.get(section) ?? 0;
    if (inSection === 0) this.#openers++;
    this.#perSection.set(section, inSection + 1);
    this.#perDirectory.set(directory, (this.#perDirectory.get(directory) ?? 0) + 1);
    for (const code of codes) {
      const pages = this.#covered.get(code) ?? new Set<string>();
      pages.add(url);
      this.#covered.set(code, pages);
    }
  }

  /**
   * 1 for codes no page was taken for; less the more pages were (the mean of 1/(1+n) over the
   * codes), not counting the page the link is on.
   */
  #novelty(codes: readonly string[], parentUrl: string | undefined): number {
    if (codes.length === 0) return 1;
    let sum = 0;
    for (const code of codes) {
      const pages = this.#covered.get(code);
      const n = (pages?.size ?? 0) - (parentUrl && pages?.has(parentUrl) ? 1 : 0);
      sum += 1 / (1 + n);
    }
    return sum / codes.length;
  }

  #place(url: string): Place {
    let place = this.#places.get(url);
    if (!place) {
      place = placeOf(url);
      this.#places.set(url, place);
    }
    return place;
  }
}

export function placeOf(url: string): Place {
  try {
    const u = new URL(url);
    // The parent of `/a/b/` is `/a/`, as the parent of `/a/b.html` is: a section's hub pages are siblings.
    const path = u.pathname.length > 1 ? u.pathname.replace(/\/$/, '') : u.pathname;
    const segments = path.split('/').filter(Boolean);
    return {
      section: `${u.host}/${segments[0] ?? ''}`,
      directory: `${u.host}${path.slice(0, path.lastIndexOf('/') + 1)}`,
      top: segments.length <= 1,
    };
  } catch {
    return { section: url, directory: url, top: false };
  }
}
