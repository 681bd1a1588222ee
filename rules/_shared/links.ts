import {
  type CapturedLink,
  type PageCapture,
  type Region,
  type SiteCaptures,
  wordCount,
} from '../../src/core/index.ts';
import { ConceptScreen } from '../lexicons/concept-screen.ts';
import type { Concept } from '../lexicons/index.ts';
import { memoizePerCapture } from './capture-memo.ts';
import { linkText, linkUrlWords } from './folded-captures.ts';
import { linkFacts, shareLinkFacts } from './link-facts.ts';
import { checkLinkTarget, type TargetCheck } from './link-target.ts';
import { isOk } from './pages.ts';

export interface LinkMatch {
  /** The page the link is on. */
  page: PageCapture;
  link: CapturedLink;
  concept: Concept;
  /** Whether the link's text or only its URL path matched the concept. */
  via: 'text' | 'url';
  term: string;
}

export interface ConceptLinks {
  /**
   * Links that go somewhere, one per target URL (its most label-like link), most label-like first
   * (see labelScore), then in page order (home first).
   */
  matches: LinkMatch[];
  /** `#`, empty or `javascript:` links whose text matches: a feature shown but not delivered. */
  placeholders: LinkMatch[];
}

export interface FindLinksOptions {
  /** Only links in these regions. */
  regions?: readonly Region[];
  /** Match only link text, not URL path words. */
  textOnly?: boolean;
  /** Also match links that leave the portal. @default true */
  external?: boolean;
}

function isWebLink(link: CapturedLink): boolean {
  return /^https?:/i.test(link.href);
}

type ConceptHit = { concept: Concept; via: 'text' | 'url'; term: string };

/** Matches one link against concepts: text first, then URL path words. */
export function matchLink(
  link: CapturedLink,
  concepts: readonly Concept[],
  textOnly = false,
): ConceptHit | null {
  const text = linkText(link);
  if (text.folded) {
    for (const concept of concepts) {
      const m = text.find(concept);
      if (m) return { concept, via: 'text', term: m.term };
    }
  }
  if (textOnly || link.placeholder || !isWebLink(link)) return null;
  const words = linkUrlWords(link);
  for (const concept of concepts) {
    const m = words.find(concept);
    if (m) return { concept, via: 'url', term: m.term };
  }
  return null;
}

/** A link findConceptLinks may report, with the key under which it is judged once per call. */
interface CandidateLink {
  link: CapturedLink;
  /** Target and text: headers and footers repeat the same link on every page. */
  pair: string;
  /** The concepts it may match (placeholders by their text only); null: not screenable. */
  screen: ConceptScreen | null;
}

/** The links of a page findConceptLinks judges, and the concepts any of them may match. */
interface PageLinks {
  candidates: CandidateLink[];
  screen: ConceptScreen | null;
}

/** A page's links that go somewhere on the web or are placeholders (mailto:/tel: are ignored). */
const pageLinks = memoizePerCapture((page: PageCapture): PageLinks => {
  const candidates = page.links
    .filter((link) => link.placeholder || isWebLink(link))
    .map((link) => ({
      link,
      pair: `${link.placeholder ? '#' : link.href}\u0000${link.text}`,
      screen: link.placeholder ? linkText(link).screen : linkFacts(link).screen,
    }));
  return { candidates, screen: ConceptScreen.union(candidates.map((c) => c.screen)) };
});

/**
 * Links on the given pages that match any of the concepts by text or URL path words. Placeholder
 * links are reported separately; mailto:/tel: links are ignored.
 */
export function findConceptLinks(
  pages: readonly PageCapture[],
  concepts: Concept | readonly Concept[],
  options: FindLinksOptions = {},
): ConceptLinks {
  const list = typeof concepts === 'string' ? [concepts] : concepts;
  shareLinkFacts(pages);
  // Links that cannot match leave no trace (a pair tried and missed misses everywhere): skip them.
  const mask = ConceptScreen.mask(list);
  const cannotMatch = (screen: ConceptScreen | null) => mask !== null && screen?.mayMatchMask(mask) === false;
  const matches: LinkMatch[] = [];
  const placeholders: LinkMatch[] = [];
  /** Index in `matches` of the match kept for each target: the most label-like link to it. */
  const seenTargets = new Map<string, number>();
  const seenPlaceholders = new Set<string>();
  // Headers and footers repeat on every page: judge each (target, text) pair once.
  const tried = new Set<string>();
  for (const page of pages) {
    if (!isOk(page)) continue;
    const { candidates, screen: pageScreen } = pageLinks(page);
    if (cannotMatch(pageScreen)) continue;
    for (const { link, pair, screen } of candidates) {
      if (cannotMatch(screen)) continue;
      if (options.regions && !options.regions.includes(link.region)) continue;
      if (options.external === false && link.external) continue;
      if (tried.has(pair)) continue;
      tried.add(pair);
      const m = matchLink(link, list, options.textOnly);
      if (!m) continue;
      const match: LinkMatch = { page, link, ...m };
      if (link.placeholder) {
        const placeholderKey = `${m.concept}|${linkText(link).folded}`;
        if (!seenPlaceholders.has(placeholderKey)) {
          seenPlaceholders.add(placeholderKey);
          placeholders.push(match);
        }
      } else {
        const kept = seenTargets.get(link.href);
        if (kept === undefined) {
          seenTargets.set(link.href, matches.length);
          matches.push(match);
        } else if (labelScore(match) > labelScore(matches[kept]!)) {
          // A headline on the home page and "Budget" in the menu lead to the same page: keep the label.
          matches[kept] = match;
        }
      }
    }
  }
  // Stable: equal scores keep page order.
  matches.sort((a, b) => labelScore(b) - labelScore(a));
  return { matches, placeholders };
}

const REGION_WEIGHT: Record<string, number> = { footer: 3, header: 2, nav: 2, aside: 1, other: 1, main: 0 };

/**
 * How much a matched link looks like a navigation label ("Privacy policy" in the footer) rather
 * than a mention in content ("Consultation on the draft Data Protection Act" in a news list).
 */
export function labelScore(m: LinkMatch): number {
  const words = wordCount(m.link.text);
  return (REGION_WEIGHT[m.link.region] ?? 0) + (words <= 5 ? 2 : 0) + (m.via === 'text' ? 1 : 0);
}

/**
 * Where a link leads among the captures: the page (undefined when the crawl did not reach it: not
 * fetched, or refused as a bot), whether it is content (fetched ok and not an error page served
 * with 200, see link-target.ts), and the whole check.
 */
export function linkTarget(
  site: SiteCaptures,
  link: CapturedLink,
): { page: PageCapture | undefined; ok: boolean; check: TargetCheck } {
  const check = checkLinkTarget(site, link);
  const page = check.state === 'not_fetched' ? undefined : check.page;
  return { page, ok: check.state === 'content', check };
}
