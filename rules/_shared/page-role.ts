import { foldText, type PageCapture, type SiteCaptures } from '../../src/core/index.ts';
import { FoldedText } from '../lexicons/folded-text.ts';
import { type Concept, wordsOf } from '../lexicons/index.ts';
import { reachedAsArticle } from './articles.ts';
import { memoizePerCapture } from './capture-memo.ts';
import { findDates } from './dates.ts';
import { headingText, titleText } from './folded-captures.ts';
import { parseUrl } from './link-facts.ts';
import { pageUrlOf } from './pages.ts';

/**
 * What kind of page a capture is. A service is *offered* on a service or section page (or the
 * home page, or a linked service site); news and press items, FAQ answers, legal pages (terms,
 * privacy, cookies) and pages about a project or funding programme *talk about* services: what
 * they name is a mention, evidence that weighs less (see actionability.ts).
 */
export const PAGE_ROLES = ['home', 'section', 'news', 'faq', 'legal', 'project'] as const;
export type PageRole = (typeof PAGE_ROLES)[number];

/** Roles whose pages talk about things rather than offer them. */
export const MENTION_ROLES: ReadonlySet<PageRole> = new Set(['news', 'faq', 'legal', 'project']);

export interface PageRoleReading {
  role: PageRole;
  /** Why, for evidence notes: `URL path "/news/…"`, `heading "Frequently asked questions"`. */
  why: string;
}

/** Checked in this order: a legal FAQ is legal, a news item about a project is news. */
const ROLE_CONCEPTS: readonly [PageRole, Concept][] = [
  ['legal', 'roleLegal'],
  ['faq', 'faq'],
  ['news', 'roleNews'],
  ['project', 'roleProject'],
];

/** Longest title or h1 that still names what the page is ("Frequently asked questions about parking"). */
const LABEL_MAX_WORDS = 8;
/** Shortest h1 read as a headline when a date stands next to it. */
const HEADLINE_MIN_WORDS = 7;
/** How far after the headline a publication date may stand (characters of visible text). */
const DATELINE_RADIUS = 200;
/** Oldest dateline read as news: older dates under a heading are history (a law "adopted in 1905"). */
const DATELINE_MAX_AGE_DAYS = 10 * 366;
const DAY_MS = 86_400_000;
const PAGE_EXTENSION = /\.(s?html?|php|aspx?|jsp|cfm)$/i;
const DATED_PATH = /\/(19|20)\d{2}\/\d{1,2}\//;

/**
 * The role a URL path segment names. A one-word term must be the whole segment ("/news/",
 * "/faq.html"); a longer term may start it ("/terms-of-use-and-privacy/"): "/news-alerts/" (a
 * sign-up page) is not a news page.
 */
function segmentRole(segment: string): PageRole | null {
  const words = new FoldedText(wordsOf(foldText(segment)).filter(Boolean).join(' '));
  if (!words.folded) return null;
  const wordCount = words.folded.split(' ').length;
  for (const [role, concept] of ROLE_CONCEPTS) {
    // "/projects/…" also holds services (voting on participatory-budget projects): titles only.
    if (role === 'project') continue;
    const m = words.find(concept);
    if (m?.index !== 0) continue;
    const termWords = m.term.split(/\s+/).length;
    if (termWords > 1 || termWords === wordCount) return role;
  }
  return null;
}

function urlRole(url: string): PageRoleReading | null {
  const u = parseUrl(url);
  if (!u) return null;
  if (DATED_PATH.test(u.pathname)) return { role: 'news', why: `dated URL path "${u.pathname}"` };
  let segments: string[];
  try {
    segments = decodeURIComponent(u.pathname).split('/').filter(Boolean);
  } catch {
    segments = u.pathname.split('/').filter(Boolean);
  }
  // The deepest segment that names a role: "/services/parking/faq" is a FAQ page.
  for (let i = segments.length - 1; i >= 0; i--) {
    const role = segmentRole(segments[i]!.replace(PAGE_EXTENSION, ''));
    if (role) return { role, why: `URL path "${u.pathname}"` };
  }
  return null;
}

/** The role the page's title (before the site name) or h1 names, when short enough to be a label. */
function labelRole(page: PageCapture): PageRoleReading | null {
  const labels: { text: FoldedText; raw: string; what: string }[] = [];
  for (const h of page.headings) {
    if (h.level === 1) labels.push({ text: headingText(h), raw: h.text, what: 'heading' });
  }
  const title = titleText(page);
  const label = title.folded.split(/\s[|–—-]\s/)[0] ?? '';
  if (label) labels.push({ text: new FoldedText(label), raw: page.title, what: 'title' });
  for (const { text, raw, what } of labels) {
    if (text.folded.split(' ').length > LABEL_MAX_WORDS) continue;
    for (const [role, concept] of ROLE_CONCEPTS) {
      const m = text.find(concept);
      // A project page is named so ("Progetto pagoPA", "PNRR – …"); "Vote for the projects" is a service.
      if (m && (role !== 'project' || m.index === 0)) return { role, why: `${what} "${raw}"` };
    }
  }
  return null;
}

/** A form a visitor fills in: a page that has one offers something, whatever its dateline says. */
function hasInputForm(page: PageCapture): boolean {
  return page.forms.some(
    (f) => !f.isSearch && f.fields.some((x) => x.tag !== 'button' && x.type !== 'hidden'),
  );
}

/**
 * A long h1 with a recent date right after it: a dated news item ("Published 3 March 2026"). Guidance
 * pages carry datelines too ("Last updated …"): a page with a form is not read as news.
 */
function datedHeadline(page: PageCapture): PageRoleReading | null {
  const h1 = page.headings.find((h) => h.level === 1);
  if (!h1 || h1.text.split(/\s+/).length < HEADLINE_MIN_WORDS || hasInputForm(page)) return null;
  // Breadcrumbs repeat the headline before the heading itself: read after its last early copy.
  const first = page.text.indexOf(h1.text);
  if (first < 0) return null;
  const again = page.text.indexOf(h1.text, first + h1.text.length);
  const at = again >= 0 && again - first < DATELINE_RADIUS ? again : first;
  const after = page.text.slice(at + h1.text.length, at + h1.text.length + DATELINE_RADIUS);
  const fetched = Date.parse(page.fetchedAt);
  const reference = Number.isNaN(fetched) ? new Date() : new Date(fetched);
  const captured = reference.getTime();
  // A dateline is a recent past day: "adopted on 17 May 1905" is history, "12 July" an event.
  const dated = findDates(after, reference, 3).some(
    (d) =>
      !d.yearInferred &&
      d.date.getTime() <= captured + DAY_MS &&
      d.date.getTime() >= captured - DATELINE_MAX_AGE_DAYS * DAY_MS,
  );
  return dated ? { role: 'news', why: `dated headline "${h1.text}"` } : null;
}

const SECTION: PageRoleReading = { role: 'section', why: 'service or section page' };

/** What the page says it is, from its URL, title, h1 and dateline (the site is not needed). */
const ownRole = memoizePerCapture(
  (page: PageCapture): PageRoleReading =>
    urlRole(pageUrlOf(page)) ?? labelRole(page) ?? datedHeadline(page) ?? SECTION,
);

/**
 * The role of a captured page: the home page, a role its URL, title or h1 names, a dated headline,
 * a page reached only through a headline link (news), else a service or section page.
 */
export function pageRole(page: PageCapture, site: SiteCaptures): PageRoleReading {
  if (page === site.home) return { role: 'home', why: 'home page' };
  const own = ownRole(page);
  if (own.role !== 'section') return own;
  if (reachedAsArticle(page, site)) return { role: 'news', why: 'reached only through a headline link' };
  return own;
}

/**
 * Whether a page may hold an offer: its role is not a mention role, or is one the caller accepts
 * (a FAQ rule accepts FAQ pages).
 */
export function roleFits(page: PageCapture, site: SiteCaptures, accepted: readonly PageRole[] = []): boolean {
  const { role } = pageRole(page, site);
  return !MENTION_ROLES.has(role) || accepted.includes(role);
}
