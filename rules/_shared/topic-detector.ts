import type { Detector, Evidence, PageCapture, RuleResult, SiteCaptures } from '../../src/core/index.ts';
import type { Concept } from '../lexicons/index.ts';
import { mentionNote } from './actionability.ts';
import { isArticleLink, LABEL_MAX_WORDS, wordCount } from './articles.ts';
import { elementEvidence, linkEvidence, pageEvidence } from './evidence.ts';
import { headingMatch } from './headings.ts';
import { findConceptLinks, type LinkMatch, linkTarget } from './links.ts';
import { type PageRole, pageRole, roleFits } from './page-role.ts';
import { okHome, okPortalPages } from './pages.ts';
import { homeNotCaptured, met, needsReview, notMet } from './result.ts';
import { type BodyTextOptions, judgeBodyText } from './topic-body-text.ts';

export { isArticleUrl, reachedAsArticle } from './articles.ts';

/** What a content check found on a page: the evidence, and a phrase for the message. */
export interface TopicContent {
  evidence: Evidence;
  /** "3 dated news items", "PM2.5 readings": completes "…shows <summary>". */
  summary: string;
}

export interface TopicDetectorSpec {
  /** @default 1 */
  version?: number;
  /** What the messages call the topic, as in "a page on <topic>": "health", "the environment". */
  topic: string;
  /** Concepts whose links (text or URL words) and page headings signal the topic. */
  concepts: readonly Concept[];
  /** Concepts a linked page's heading may match instead (default: `concepts`). */
  headingConcepts?: readonly Concept[];
  /** Deepest heading level that names a section on a page reached without a topic link. @default 2 */
  sectionHeadingLevel?: number;
  /** Crawler hints (default: `concepts`). */
  hints?: readonly string[];
  /**
   * A labelled link to a live page (or to another site, which the crawler may not capture) is enough:
   * the indicator accepts "information or a link" (public transport, procurement platform).
   */
  linkSuffices?: boolean;
  /** A labelled link to a document (PDF, image, office file) counts: an org chart published as a PDF. */
  documentSuffices?: boolean;
  /**
   * When set, `met` needs this content: on a topic page (linked, or with a topic heading), or on any
   * captured page when `contentAnywhere` is true. A topic page without it gives needs_review.
   */
  content?: (page: PageCapture, site: SiteCaptures) => TopicContent | null;
  /** Look for `content` on every captured portal page (an AQI widget on the home page). */
  contentAnywhere?: boolean;
  /** News items about the topic count (roadworks are announced as news): met at a lower confidence. */
  articlesCount?: boolean;
  /** When nothing else is found, the topic's terms in the text of an inner page give met (see judgeBodyText). */
  bodyText?: BodyTextOptions;
  /**
   * Page roles besides sections and the home page whose pages may present the topic (see
   * page-role.ts). Default: project pages (a smart-city project is the topic's content) and FAQ
   * and help pages (their answers are information); news items and legal pages (terms, privacy)
   * only mention a topic. News topics add 'news'.
   */
  pageRoles?: readonly PageRole[];
}

const DEFAULT_TOPIC_ROLES: readonly PageRole[] = ['project', 'faq'];

function acceptedRoles(spec: TopicDetectorSpec): readonly PageRole[] {
  return spec.pageRoles ?? DEFAULT_TOPIC_ROLES;
}

/** Longest heading that names a section rather than tells a story. */
const SECTION_HEADING_MAX_WORDS = 8;

const DOCUMENT = /\.(pdf|png|jpe?g|gif|svg|webp|docx?|odt|pptx?|xlsx?)([?#]|$)/i;

/** A link that names a section ("Health") rather than mentions the topic in a headline or article URL. */
function isLabelLink(m: LinkMatch): boolean {
  if (wordCount(m.link.text) > LABEL_MAX_WORDS) return false;
  return !isArticleLink(m.link);
}

interface Collected {
  weak: Evidence[];
  broken: Evidence[];
  mentions: Evidence[];
  /** Topic pages confirmed by heading but lacking the required content. */
  contentMissing: Evidence[];
  /** With `articlesCount`: the first news item about the topic. */
  article: RuleResult | null;
}

function articleResult(spec: TopicDetectorSpec, evidence: Evidence[], headline: string): RuleResult {
  return met(0.65, `A news item on ${spec.topic}: "${headline}".`, evidence);
}

function judgeLinks(
  spec: TopicDetectorSpec,
  site: SiteCaptures,
  matches: LinkMatch[],
  acc: Collected,
): RuleResult | null {
  const headingConcepts = spec.headingConcepts ?? spec.concepts;
  for (const m of matches.slice(0, 10)) {
    const how = `matched "${m.term}" in its ${m.via}`;
    if (!isLabelLink(m)) {
      const mention = linkEvidence(m.page, m.link, `mention of ${spec.topic} (${how})`);
      if (acc.mentions.length < 4) acc.mentions.push(mention);
      const { page: target, ok } = linkTarget(site, m.link);
      if (
        spec.articlesCount &&
        !acc.article &&
        ok &&
        target &&
        headingMatch(target, headingConcepts, 2, 30)
      ) {
        acc.article = articleResult(spec, [mention, pageEvidence(target, 'news item')], m.link.text);
      }
      continue;
    }
    const link = linkEvidence(m.page, m.link, `link to ${spec.topic} (${how})`);
    const { page: target, ok, check } = linkTarget(site, m.link);
    if (spec.documentSuffices && m.via === 'text' && DOCUMENT.test(m.link.href)) {
      // A document counts once its download was seen: a 404 "org chart (PDF)" proves nothing.
      if (check.state === 'document' || check.state === 'content') {
        return met(0.8, `${capitalise(spec.topic)} is published as a document ("${m.link.text}").`, [
          link,
          ...(target ? [pageEvidence(target, 'the document downloads')] : []),
        ]);
      }
      if (check.state === 'not_fetched') {
        acc.weak.push({ ...link, note: `${link.note}; the document was not fetched to confirm it exists` });
        continue;
      }
    }
    if (!target) {
      // Not reached: another site the crawler did not visit, or a page beyond its budget. Only a
      // target seen to be content is evidence.
      const where = m.link.external ? 'page on another site, not captured' : 'linked page not captured';
      acc.weak.push({ ...link, note: `${link.note}; ${where}` });
      continue;
    }
    if (!ok) {
      acc.broken.push(link, pageEvidence(target, check.why));
      continue;
    }
    if (!roleFits(target, site, acceptedRoles(spec))) {
      acc.weak.push(link, pageEvidence(target, mentionNote(target, site)));
      continue;
    }
    const heading = headingMatch(target, headingConcepts, 2, 12);
    const headingEv = heading
      ? elementEvidence(target, heading.selector, heading.text, `heading naming ${spec.topic}`)
      : null;
    if (spec.content) {
      const found = spec.content(target, site);
      if (found && (headingEv || m.via === 'text')) {
        const confidence = headingEv && m.via === 'text' ? 0.9 : 0.8;
        return met(confidence, `A page on ${spec.topic} is linked and shows ${found.summary}.`, [
          link,
          ...(headingEv ? [headingEv] : []),
          found.evidence,
        ]);
      }
      if (headingEv) acc.contentMissing.push(link, headingEv);
      else acc.weak.push(link, pageEvidence(target, `linked page has no heading naming ${spec.topic}`));
      continue;
    }
    if (headingEv) {
      const confidence = m.via === 'text' ? 0.85 : 0.75;
      return met(confidence, `A page on ${spec.topic} is linked: "${heading!.text}".`, [link, headingEv]);
    }
    if (spec.linkSuffices && m.via === 'text') {
      return met(0.7, `The portal links to ${spec.topic} ("${m.link.text}").`, [
        link,
        pageEvidence(target, 'linked page loads'),
      ]);
    }
    acc.weak.push(link, pageEvidence(target, `linked page has no heading naming ${spec.topic}`));
  }
  return null;
}

/** Pages whose own heading names the topic (a section reached through a differently worded link). */
function judgeSections(
  spec: TopicDetectorSpec,
  site: SiteCaptures,
  pages: PageCapture[],
  acc: Collected,
): RuleResult | null {
  const headingConcepts = spec.headingConcepts ?? spec.concepts;
  for (const page of pages) {
    const heading = headingMatch(
      page,
      headingConcepts,
      spec.sectionHeadingLevel ?? 2,
      SECTION_HEADING_MAX_WORDS,
    );
    if (!heading) continue;
    const headingEv = elementEvidence(page, heading.selector, heading.text, `heading naming ${spec.topic}`);
    if (!roleFits(page, site, acceptedRoles(spec))) {
      if (acc.mentions.length < 4) acc.mentions.push({ ...headingEv, note: mentionNote(page, site) });
      if (spec.articlesCount && !acc.article && pageRole(page, site).role === 'news') {
        acc.article = articleResult(spec, [headingEv], heading.text);
      }
      continue;
    }
    if (spec.content) {
      const found = spec.content(page, site);
      if (found) {
        return met(0.8, `A section on ${spec.topic} shows ${found.summary}: "${heading.text}".`, [
          headingEv,
          found.evidence,
        ]);
      }
      if (acc.contentMissing.length < 6) acc.contentMissing.push(headingEv);
      continue;
    }
    return met(0.7, `A section on ${spec.topic} exists: "${heading.text}".`, [headingEv]);
  }
  return null;
}

function judgeContentAnywhere(
  spec: TopicDetectorSpec,
  site: SiteCaptures,
  pages: PageCapture[],
): RuleResult | null {
  if (!spec.content || !spec.contentAnywhere) return null;
  for (const page of pages) {
    if (!roleFits(page, site, acceptedRoles(spec))) continue;
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
export function evaluateTopic(spec: TopicDetectorSpec, site: SiteCaptures): RuleResult {
  const home = okHome(site);
  if (!home) return homeNotCaptured(site);
  const pages = okPortalPages(site);
  const { matches, placeholders } = findConceptLinks(pages, spec.concepts);
  const acc: Collected = { weak: [], broken: [], mentions: [], contentMissing: [], article: null };

  const decided =
    judgeLinks(spec, site, matches, acc) ??
    judgeSections(spec, site, pages, acc) ??
    judgeContentAnywhere(spec, site, pages) ??
    acc.article;
  if (decided) return decided;

  const placeholderEv = placeholders
    .slice(0, 3)
    .map((p) => linkEvidence(p.page, p.link, `link to ${spec.topic} that goes nowhere`));
  if (acc.contentMissing.length > 0) {
    return needsReview(
      0.55,
      `A page on ${spec.topic} exists but the content the indicator needs was not found on it.`,
      [...acc.contentMissing, ...acc.weak].slice(0, 8),
    );
  }
  if (acc.weak.length > 0) {
    return needsReview(
      0.5,
      `A link to ${spec.topic} exists but its page was not confirmed.`,
      [...acc.weak, ...acc.broken, ...placeholderEv].slice(0, 8),
    );
  }
  if (placeholderEv.length > 0) {
    return needsReview(0.35, `A link to ${spec.topic} is shown but goes nowhere.`, [
      ...placeholderEv,
      ...acc.broken,
    ]);
  }
  const inText = spec.bodyText
    ? judgeBodyText(spec.topic, spec.concepts, spec.bodyText, site, pages, acceptedRoles(spec))
    : null;
  if (inText) return inText;
  if (acc.broken.length > 0) {
    return notMet(
      0.7,
      `The link to ${spec.topic} leads to a page that does not load.`,
      acc.broken.slice(0, 6),
    );
  }
  if (acc.mentions.length > 0) {
    return notMet(
      0.6,
      `Only passing mentions of ${spec.topic} (news items, headlines, legal pages).`,
      acc.mentions,
    );
  }
  return notMet(0.8, `No link or section on ${spec.topic} found in ${pages.length} page(s).`, [
    pageEvidence(home, `home page and every captured page searched for ${spec.topic}`),
  ]);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A whole topic rule from its spec: one short file per indicator. */
export function defineTopicDetector(spec: TopicDetectorSpec): Detector {
  return {
    meta: {
      requires: ['pages'],
      version: spec.version ?? 2,
      hints: spec.hints ?? spec.concepts,
    },
    detect: (site) => evaluateTopic(spec, site),
  };
}
