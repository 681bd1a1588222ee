import type { Evidence, Method, PageCapture, Rule, RuleResult, SiteCaptures } from '../../src/core/index.ts';
import type { Concept } from '../lexicons/index.ts';
import { elementEvidence, linkEvidence, pageEvidence } from './evidence.ts';
import { headingMatch } from './headings.ts';
import { findConceptLinks, type LinkMatch, linkTarget } from './links.ts';
import { okHome, okPortalPages } from './pages.ts';
import { homeNotCaptured, met, needsReview, notMet } from './result.ts';

/** What a content check found on a page: the evidence, and a phrase for the message. */
export interface TopicContent {
  evidence: Evidence;
  /** "3 dated news items", "PM2.5 readings": completes "…shows <summary>". */
  summary: string;
}

export interface TopicRuleSpec {
  /** `losi-2024/<code>-<slug>`. */
  id: string;
  code: string;
  criterion: string;
  title: string;
  definition: string;
  /** @default 'heuristic' */
  method?: Method;
  /** @default 1 */
  version?: number;
  /** What the messages call the topic: "health information". */
  topic: string;
  /** Concepts whose links (text or URL words) and page headings signal the topic. */
  concepts: readonly Concept[];
  /** Concepts a linked page's heading may match instead (default: `concepts`). */
  headingConcepts?: readonly Concept[];
  /** Crawler hints (default: `concepts`). */
  hints?: readonly string[];
  /**
   * A labelled link to a live page (or to another site, which the crawler may not capture) is enough:
   * the indicator accepts "information or a link" (public transport, procurement platform).
   */
  linkSuffices?: boolean;
  /**
   * When set, `met` needs this content: on a topic page (linked, or with a topic heading), or on any
   * captured page when `contentAnywhere` is true. A topic page without it gives needs_review.
   */
  content?: (page: PageCapture, site: SiteCaptures) => TopicContent | null;
  /** Look for `content` on every captured portal page (an AQI widget on the home page). */
  contentAnywhere?: boolean;
}

/** Longest link text that still reads as a label ("Health and social care"), not a headline. */
const LABEL_MAX_WORDS = 6;
/** Longest heading that names a section rather than tells a story. */
const SECTION_HEADING_MAX_WORDS = 8;
/** URL paths of news items and dated articles: a topic word there is a mention, not a section. */
const ARTICLE_PATH =
  /\/(news|actualites?|actus?|noticias?|notizie|novedades|press|prensa|presse|blog|articles?|articulos?|comunicados?|stampa|novosti|akhbar)\/[^/]+|\/(19|20)\d{2}\/\d{1,2}\//i;

function isArticleUrl(url: string): boolean {
  try {
    return ARTICLE_PATH.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** A link that names a section ("Health") rather than mentions the topic in a headline or article URL. */
function isLabelLink(m: LinkMatch): boolean {
  if (wordCount(m.link.text) > LABEL_MAX_WORDS) return false;
  return !isArticleUrl(m.link.href);
}

/** A page reached through a headline or an article URL is a mention of the topic, not a section. */
function reachedAsArticle(page: PageCapture): boolean {
  const last = page.linkPath[page.linkPath.length - 1];
  if (last && wordCount(last.text) > LABEL_MAX_WORDS) return true;
  return isArticleUrl(page.url);
}

interface Collected {
  weak: Evidence[];
  broken: Evidence[];
  mentions: Evidence[];
  /** Topic pages confirmed by heading but lacking the required content. */
  contentMissing: Evidence[];
}

function judgeLinks(
  spec: TopicRuleSpec,
  site: SiteCaptures,
  matches: LinkMatch[],
  acc: Collected,
): RuleResult | null {
  const headingConcepts = spec.headingConcepts ?? spec.concepts;
  for (const m of matches.slice(0, 10)) {
    const how = `matched "${m.term}" in its ${m.via}`;
    if (!isLabelLink(m)) {
      if (acc.mentions.length < 4)
        acc.mentions.push(linkEvidence(m.page, m.link, `mention of ${spec.topic} (${how})`));
      continue;
    }
    const link = linkEvidence(m.page, m.link, `${spec.topic} link (${how})`);
    const { page: target, ok } = linkTarget(site, m.link);
    if (!target) {
      // Not captured: another site the crawler did not visit, or a page beyond its budget.
      if (spec.linkSuffices && m.via === 'text' && m.link.external) {
        return met(0.7, `The portal links to ${spec.topic} on another site ("${m.link.text}").`, [link]);
      }
      acc.weak.push(link);
      continue;
    }
    if (!ok) {
      acc.broken.push(link, pageEvidence(target, `linked page failed: ${target.status}`));
      continue;
    }
    const heading = headingMatch(target, headingConcepts, 2, 12);
    const headingEv = heading
      ? elementEvidence(target, heading.selector, heading.text, `${spec.topic} page heading`)
      : null;
    if (spec.content) {
      const found = spec.content(target, site);
      if (found && (headingEv || m.via === 'text')) {
        const confidence = headingEv && m.via === 'text' ? 0.9 : 0.8;
        return met(confidence, `A ${spec.topic} page is linked and shows ${found.summary}.`, [
          link,
          ...(headingEv ? [headingEv] : []),
          found.evidence,
        ]);
      }
      if (headingEv) acc.contentMissing.push(link, headingEv);
      else acc.weak.push(link, pageEvidence(target, `linked page has no ${spec.topic} heading`));
      continue;
    }
    if (headingEv) {
      const confidence = m.via === 'text' ? 0.85 : 0.75;
      return met(confidence, `A ${spec.topic} page is linked: "${heading!.text}".`, [link, headingEv]);
    }
    if (spec.linkSuffices && m.via === 'text') {
      return met(0.7, `The portal links to ${spec.topic} ("${m.link.text}").`, [
        link,
        pageEvidence(target, 'linked page loads'),
      ]);
    }
    acc.weak.push(link, pageEvidence(target, `linked page has no ${spec.topic} heading`));
  }
  return null;
}

/** Pages whose own heading names the topic (a section reached through a differently worded link). */
function judgeSections(
  spec: TopicRuleSpec,
  site: SiteCaptures,
  pages: PageCapture[],
  acc: Collected,
): RuleResult | null {
  const headingConcepts = spec.headingConcepts ?? spec.concepts;
  for (const page of pages) {
    const heading = headingMatch(page, headingConcepts, 2, SECTION_HEADING_MAX_WORDS);
    if (!heading) continue;
    const headingEv = elementEvidence(page, heading.selector, heading.text, `${spec.topic} heading`);
    if (reachedAsArticle(page)) {
      if (acc.mentions.length < 4) acc.mentions.push(headingEv);
      continue;
    }
    if (spec.content) {
      const found = spec.content(page, site);
      if (found) {
        return met(0.8, `A ${spec.topic} section shows ${found.summary}: "${heading.text}".`, [
          headingEv,
          found.evidence,
        ]);
      }
      if (acc.contentMissing.length < 6) acc.contentMissing.push(headingEv);
      continue;
    }
    return met(0.7, `A ${spec.topic} section exists: "${heading.text}".`, [headingEv]);
  }
  return null;
}

function judgeContentAnywhere(
  spec: TopicRuleSpec,
  site: SiteCaptures,
  pages: PageCapture[],
): RuleResult | null {
  if (!spec.content || !spec.contentAnywhere) return null;
  for (const page of pages) {
    const found = spec.content(page, site);
    if (found) return met(0.75, `A page shows ${found.summary} (${spec.topic}).`, [found.evidence]);
  }
  return null;
}

/**
 * Detects a content topic (health information, news, organisation chart…) the way an assessor
 * would: a navigation-like link named after the topic leading to a live page whose title or heading
 * names it → met; a link whose page is not confirmed, or a topic page without the content the
 * indicator needs → needs_review; links that go nowhere or 404 and headline mentions never give met.
 */
export function evaluateTopic(spec: TopicRuleSpec, site: SiteCaptures): RuleResult {
  const home = okHome(site);
  if (!home) return homeNotCaptured(site);
  const pages = okPortalPages(site);
  const { matches, placeholders } = findConceptLinks(pages, spec.concepts);
  const acc: Collected = { weak: [], broken: [], mentions: [], contentMissing: [] };

  const decided =
    judgeLinks(spec, site, matches, acc) ??
    judgeSections(spec, site, pages, acc) ??
    judgeContentAnywhere(spec, site, pages);
  if (decided) return decided;

  const placeholderEv = placeholders
    .slice(0, 3)
    .map((p) => linkEvidence(p.page, p.link, `${spec.topic} link that goes nowhere`));
  if (acc.contentMissing.length > 0) {
    return needsReview(
      0.55,
      `A ${spec.topic} page exists but the content the indicator needs was not found on it.`,
      [...acc.contentMissing, ...acc.weak].slice(0, 8),
    );
  }
  if (acc.weak.length > 0) {
    return needsReview(
      0.5,
      `A ${spec.topic} link exists but its page was not confirmed.`,
      [...acc.weak, ...acc.broken, ...placeholderEv].slice(0, 8),
    );
  }
  if (placeholderEv.length > 0) {
    return needsReview(0.35, `A ${spec.topic} link is shown but goes nowhere.`, [
      ...placeholderEv,
      ...acc.broken,
    ]);
  }
  if (acc.broken.length > 0) {
    return notMet(0.7, `The ${spec.topic} link leads to a page that does not load.`, acc.broken.slice(0, 6));
  }
  if (acc.mentions.length > 0) {
    return notMet(
      0.6,
      `${capitalise(spec.topic)} is only mentioned in passing (news items, headlines).`,
      acc.mentions,
    );
  }
  return notMet(0.8, `No ${spec.topic} link or section found in ${pages.length} page(s).`, [
    pageEvidence(home, `home page and every captured page searched for ${spec.topic}`),
  ]);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A whole topic rule from its spec: one short file per indicator. */
export function defineTopicRule(spec: TopicRuleSpec): Rule {
  return {
    meta: {
      id: spec.id,
      code: spec.code,
      criterion: spec.criterion,
      title: spec.title,
      definition: spec.definition,
      method: spec.method ?? 'heuristic',
      requires: ['pages'],
      version: spec.version ?? 1,
      hints: spec.hints ?? spec.concepts,
    },
    detect: (site) => evaluateTopic(spec, site),
  };
}
