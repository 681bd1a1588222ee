import {
  type CapturedLink,
  foldText,
  type PageCapture,
  type Region,
  type SiteCaptures,
  urlPathWords,
} from '../../src/core/index.ts';
import { type Concept, conceptMatcher } from '../lexicons/index.ts';
import { findPage, isOk } from './pages.ts';

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

interface LinkMemo {
  text: string;
  words: string | null;
  hits: Map<string, ConceptHit | null>;
}

/**
 * Captures are immutable, and every rule scans the same header and footer links on every page:
 * fold each link once and remember what it matched.
 */
const memos = new WeakMap<CapturedLink, LinkMemo>();

function memoOf(link: CapturedLink): LinkMemo {
  let memo = memos.get(link);
  if (!memo) {
    memo = { text: foldText(link.text), words: null, hits: new Map() };
    memos.set(link, memo);
  }
  return memo;
}

function matchLinkUncached(
  link: CapturedLink,
  memo: LinkMemo,
  concepts: readonly Concept[],
  textOnly: boolean,
): ConceptHit | null {
  for (const concept of concepts) {
    const m = memo.text ? conceptMatcher(concept).findFolded(memo.text) : null;
    if (m) return { concept, via: 'text', term: m.term };
  }
  if (textOnly || link.placeholder || !isWebLink(link)) return null;
  memo.words ??= urlPathWords(link.href);
  for (const concept of concepts) {
    const m = conceptMatcher(concept).findFolded(memo.words);
    if (m) return { concept, via: 'url', term: m.term };
  }
  return null;
}

/** Matches one link against concepts: text first, then URL path words. */
export function matchLink(
  link: CapturedLink,
  concepts: readonly Concept[],
  textOnly = false,
): ConceptHit | null {
  const memo = memoOf(link);
  const key = `${concepts.join(',')}|${textOnly ? 't' : 'tu'}`;
  if (memo.hits.has(key)) return memo.hits.get(key) ?? null;
  const hit = matchLinkUncached(link, memo, concepts, textOnly);
  memo.hits.set(key, hit);
  return hit;
}

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
  const matches: LinkMatch[] = [];
  const placeholders: LinkMatch[] = [];
  /** Index in `matches` of the match kept for each target: the most label-like link to it. */
  const seenTargets = new Map<string, number>();
  const seenPlaceholders = new Set<string>();
  // Headers and footers repeat on every page: judge each (target, text) pair once.
  const tried = new Set<string>();
  for (const page of pages) {
    if (!isOk(page)) continue;
    for (const link of page.links) {
      if (options.regions && !options.regions.includes(link.region)) continue;
      if (!link.placeholder && !isWebLink(link)) continue;
      if (options.external === false && link.external) continue;
      const pair = `${link.placeholder ? '#' : link.href}\u0000${link.text}`;
      if (tried.has(pair)) continue;
      tried.add(pair);
      const m = matchLink(link, list, options.textOnly);
      if (!m) continue;
      const match: LinkMatch = { page, link, ...m };
      if (link.placeholder) {
        const key = `${m.concept}|${foldText(link.text)}`;
        if (!seenPlaceholders.has(key)) {
          seenPlaceholders.add(key);
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
  const words = m.link.text.split(/\s+/).filter(Boolean).length;
  return (REGION_WEIGHT[m.link.region] ?? 0) + (words <= 5 ? 2 : 0) + (m.via === 'text' ? 1 : 0);
}

/** Where a link leads among the captures: the page, and whether it was fetched ok. */
export function linkTarget(
  site: SiteCaptures,
  link: CapturedLink,
): { page: PageCapture | undefined; ok: boolean } {
  const page = link.placeholder ? undefined : findPage(site, link.href);
  return { page, ok: isOk(page) };
}
