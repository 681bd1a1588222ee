import type { CapturedLink, FetchStatus, PageCapture, SiteCaptures } from '../../src/core/index.ts';
import { FoldedText } from '../lexicons/folded-text.ts';
import { wordsOf } from '../lexicons/index.ts';
import { memoizePerCapture } from './capture-memo.ts';
import { headingText, pageText, titleText } from './folded-captures.ts';
import { findLinkedPage, urlKey } from './pages.ts';

/**
 * Where a link really leads. A link is evidence of what its text says only when its target was
 * fetched and is content: a placeholder (`#`, `javascript:`, empty), an HTTP or network error, or an
 * error page served with HTTP 200 (a soft 404) proves nothing. A target the crawl did not fetch is
 * weaker evidence: rules give it needs_review, and use the target's capture whenever one exists.
 */
export type TargetState =
  /** An HTML page fetched ok that is not an error page. */
  | 'content'
  /** A file (PDF, office document, image) answered with HTTP 2xx. */
  | 'document'
  | 'not_fetched'
  | 'placeholder'
  /** HTTP 4xx/5xx, timeout, refused… */
  | 'failed'
  /** HTTP 200 with an error page, or a redirect of a deep link to the home page. */
  | 'soft_404';

export interface TargetCheck {
  state: TargetState;
  /** The target's capture, when the crawl has one. */
  page: PageCapture | undefined;
  /** Why, for evidence notes ("linked page failed: http_4xx"). */
  why: string;
}

/**
 * Fetches that say nothing about the target (the crawler was refused or gave up): the page may
 * well exist, as when it was not fetched at all.
 */
const UNCHECKED: ReadonlySet<FetchStatus> = new Set<FetchStatus>([
  'bot_blocked',
  'blocked_by_robots',
  'timeout',
  'connection_refused',
  'connection_reset',
  'private_address',
  'too_large',
  'error',
]);

/** Longest title or h1 read as an error page's label ("Page not found – City of X"). */
const ERROR_LABEL_MAX_WORDS = 10;
/** Word-set overlap above which two pages with the same title are the same page. */
const NEAR_COPY = 0.9;

/** Whether a page's title label or h1 says it is an error page, in any lexicon language. */
const saysNotFound = memoizePerCapture((page: PageCapture): boolean => {
  const labels = [
    new FoldedText(titleText(page).folded.split(/\s[|–—-]\s/)[0] ?? ''),
    ...page.headings.filter((h) => h.level <= 2).map(headingText),
  ];
  return labels.some(
    (label) =>
      label.folded !== '' &&
      label.folded.split(' ').length <= ERROR_LABEL_MAX_WORDS &&
      label.find('pageNotFound') !== null,
  );
});

function wordSet(page: PageCapture): Set<string> {
  return new Set(wordsOf(pageText(page).folded).filter(Boolean));
}

const wordsOfPage = memoizePerCapture(wordSet);

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

const errorPagesOf = new WeakMap<PageCapture[], PageCapture[]>();

/**
 * The site's own error pages with content: 4xx answers whose body was captured, and pages served
 * with 200 whose title says not found. Another page that copies one of them is an error page too.
 */
function errorPages(site: SiteCaptures): PageCapture[] {
  let pages = errorPagesOf.get(site.pages);
  if (!pages) {
    pages = site.pages.filter(
      (p) =>
        p.title !== '' &&
        ((p.status === 'http_4xx' && p.text !== '') || (p.status === 'ok' && saysNotFound(p))),
    );
    errorPagesOf.set(site.pages, pages);
  }
  return pages;
}

/** Why a page fetched with HTTP 200 is an error page, or null when it is content. */
export function soft404(page: PageCapture, site: SiteCaptures): string | null {
  if (saysNotFound(page)) return `an error page ("${page.title || page.headings[0]?.text || ''}")`;
  const copy = errorPages(site).find(
    (e) => e !== page && e.title === page.title && overlap(wordsOfPage(e), wordsOfPage(page)) >= NEAR_COPY,
  );
  return copy ? `a copy of the site's error page ${copy.url}` : null;
}

/** A deep link answered by the home page: the page it named is gone. */
function redirectedHome(page: PageCapture, site: SiteCaptures): boolean {
  const home = site.home;
  if (!home || page === home || page.redirects.length === 0) return false;
  return urlKey(page.finalUrl) === urlKey(home.finalUrl || home.url);
}

/** What a link's target turned out to be, from the site's captures. */
export function checkLinkTarget(site: SiteCaptures, link: CapturedLink): TargetCheck {
  if (link.placeholder) return { state: 'placeholder', page: undefined, why: 'the link goes nowhere' };
  const page = findLinkedPage(site, link);
  if (!page) return { state: 'not_fetched', page, why: 'linked page not captured' };
  if (page.status === 'not_html') {
    const ok = page.httpStatus === null || (page.httpStatus >= 200 && page.httpStatus < 300);
    return ok
      ? { state: 'document', page, why: 'linked file downloads' }
      : { state: 'failed', page, why: `linked file failed: HTTP ${page.httpStatus}` };
  }
  if (page.status !== 'ok') {
    const code = page.httpStatus ? ` (HTTP ${page.httpStatus})` : '';
    return UNCHECKED.has(page.status)
      ? { state: 'not_fetched', page, why: `linked page could not be checked: ${page.status}${code}` }
      : { state: 'failed', page, why: `linked page failed: ${page.status}${code}` };
  }
  if (redirectedHome(page, site)) {
    return { state: 'soft_404', page, why: 'the link is redirected to the home page' };
  }
  const error = soft404(page, site);
  if (error) return { state: 'soft_404', page, why: `linked page is ${error}` };
  return { state: 'content', page, why: 'linked page loads' };
}

/**
 * Whether a link is known not to lead anywhere: a placeholder, a target that failed or an error
 * page. Evidence named by its URL's shape (a dataset file, a ministry's site) counts until then.
 */
export function targetFailed(site: SiteCaptures, link: CapturedLink): boolean {
  const { state } = checkLinkTarget(site, link);
  return state === 'placeholder' || state === 'failed' || state === 'soft_404';
}
