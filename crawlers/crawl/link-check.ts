import type { LinkPrioritizer, PageCapture } from '../../src/core/index.ts';
import { type Frontier, type FrontierEntry, hintValue } from '../frontier/frontier.ts';
import { normalizeUrl } from '../frontier/normalize-url.ts';
import type { EvidenceLink } from './checkpoint-schema.ts';
import { ownPartOf } from './link-intake.ts';

export const LINK_CHECK_LIMITS = {
  /** Targets fetched after the crawl. */
  maxTargets: 30,
  /** Candidates remembered (the best-scored; kept in checkpoints). */
  maxCandidates: 200,
} as const;

/** A link that looks like indicator evidence, and the way the crawl found it. */
export type { EvidenceLink };

/**
 * The links of captured pages whose text or URL the catalog's link hints mark as evidence (hint
 * score > 0), the best-scored per target. After the crawl, those whose target was not captured are
 * fetched once ("link checks"), so that rules can tell a link to content from one to a missing
 * page, an error or a soft 404. Placeholder links (`#`, `javascript:`) are never fetched: they
 * lead nowhere, and their capture says so.
 */
export class EvidenceLinks {
  readonly #links = new Map<string, EvidenceLink>();

  constructor(private readonly hints: LinkPrioritizer) {}

  /** Notes the evidence links of a captured page reached through `from`. */
  note(page: PageCapture, from: FrontierEntry): void {
    for (const link of page.links) {
      if (link.placeholder || !/^https?:/i.test(link.href)) continue;
      const score = hintValue(this.hints({ url: ownPartOf(link.href), text: link.text }));
      if (score <= 0) continue;
      const url = normalizeUrl(link.href);
      if (!url) continue;
      const known = this.#links.get(url);
      if (known && known.score >= score) continue;
      this.#links.set(url, {
        url,
        text: link.text,
        score,
        depth: from.depth + 1,
        linkPath: [...from.linkPath, { url, text: link.text }],
      });
    }
    if (this.#links.size > LINK_CHECK_LIMITS.maxCandidates * 2) this.#keepBest();
  }

  /** Links whose target `skip` does not rule out, best score first, at most `max`. */
  targets(skip: (url: string) => boolean, max: number = LINK_CHECK_LIMITS.maxTargets): EvidenceLink[] {
    return this.#sorted()
      .filter((l) => !skip(l.url))
      .slice(0, max);
  }

  checkpoint(): EvidenceLink[] {
    return this.#sorted().slice(0, LINK_CHECK_LIMITS.maxCandidates);
  }

  restore(links: readonly EvidenceLink[]): void {
    for (const link of links) this.#links.set(link.url, link);
  }

  #sorted(): EvidenceLink[] {
    return [...this.#links.values()].sort((a, b) => b.score - a.score || a.depth - b.depth);
  }

  #keepBest(): void {
    const best = this.#sorted().slice(0, LINK_CHECK_LIMITS.maxCandidates);
    this.#links.clear();
    for (const link of best) this.#links.set(link.url, link);
  }
}

/**
 * What the link checks fetch, at most `max`: first (up to a third) evidence links the portal
 * frontier never queued (documents, pages beyond the depth limit, external pages outside the
 * one-hop budget), then the hinted entries the frontier would have taken next had the budget
 * allowed (taken from it: complete them once fetched).
 */
export function linkCheckTargets(
  evidence: EvidenceLinks,
  portal: Frontier,
  external: Frontier,
  max: number,
): { targets: EvidenceLink[]; fromFrontier: FrontierEntry[] } {
  const unqueued = evidence.targets((url) => portal.has(url) || external.isVisited(url), Math.ceil(max / 3));
  const fromFrontier: FrontierEntry[] = [];
  while (unqueued.length + fromFrontier.length < max) {
    const entry = portal.nextBeyondBudget((e) => e.hintScore > 0);
    if (!entry) break;
    fromFrontier.push(entry);
  }
  const queued = fromFrontier.map((e) => ({
    url: e.url,
    text: e.linkPath.at(-1)?.text ?? '',
    score: e.hintScore,
    depth: e.depth,
    linkPath: e.linkPath,
  }));
  return { targets: [...unqueued, ...queued], fromFrontier };
}
