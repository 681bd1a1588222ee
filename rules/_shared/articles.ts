import { type CapturedLink, type PageCapture, type SiteCaptures, wordCount } from '../../src/core/index.ts';
import { FoldedText } from '../lexicons/folded-text.ts';
import { memoizePerCapture } from './capture-memo.ts';
import { pageText } from './folded-captures.ts';
import { memoizePerUrl, parseUrl } from './link-facts.ts';
import { linkUrlKey, urlKey } from './pages.ts';

/**
 * News items and headlines: a topic word in them is a mention ("Council restructures its transport
 * team"), not a section of the portal about the topic.
 */

/** Longest link text that still reads as a label ("Health and social care"), not a headline. */
export const LABEL_MAX_WORDS = 6;
/** URL paths of news items and dated articles: a topic word there is a mention, not a section. */
const ARTICLE_PATH =
  /\/(news|actualites?|actus?|noticias?|notizie|novedades|press|prensa|presse|blog|articles?|articulos?|comunicados?|stampa|novosti|akhbar)\/[^/]+|\/(19|20)\d{2}\/\d{1,2}\//i;

function isArticleTarget(url: URL | null): boolean {
  return url !== null && ARTICLE_PATH.test(url.pathname);
}

export function isArticleUrl(url: string): boolean {
  return isArticleTarget(parseUrl(url));
}

/** isArticleUrl of a link's target, once per distinct link (every topic rule asks about the same links). */
export const isArticleLink: (link: CapturedLink) => boolean = memoizePerUrl(isArticleTarget);

/** isArticleUrl of the URL a page was requested at, once per capture. */
const isArticlePage = memoizePerCapture((page: PageCapture) => isArticleUrl(page.url));

export { wordCount } from '../../src/core/index.ts';

const labelled = new WeakMap<PageCapture[], Set<string>>();

/** URLs some captured page links to with a label-like text (≤ LABEL_MAX_WORDS words). */
function labelledUrls(site: SiteCaptures): Set<string> {
  let urls = labelled.get(site.pages);
  if (!urls) {
    urls = new Set();
    for (const p of site.pages) {
      if (p.status !== 'ok') continue;
      for (const l of p.links) {
        if (!l.placeholder && l.text && wordCount(l.text) <= LABEL_MAX_WORDS) urls.add(linkUrlKey(l));
      }
    }
    labelled.set(site.pages, urls);
  }
  return urls;
}

/**
 * A page reached through a headline or an article URL is a mention of the topic, not a section.
 * The link path is only the first way the crawler found the page: a page a headline points to is
 * still a section when a label link ("Budget and spending") leads there too (pass `site` to check).
 */
export function reachedAsArticle(page: PageCapture, site?: SiteCaptures): boolean {
  if (isArticlePage(page)) return true;
  const last = page.linkPath[page.linkPath.length - 1];
  if (!last || wordCount(last.text) <= LABEL_MAX_WORDS) return false;
  return !site || ![page.url, page.finalUrl].some((u) => labelledUrls(site).has(urlKey(u)));
}

/** A page's visible text without the texts of its headline links, and that text folded. */
export interface OwnText {
  text: string;
  folded: FoldedText;
}

/**
 * The page's own words: its visible text with the headlines of news lists (links to articles, or
 * link texts longer than a label) blanked out, since a headline is a mention, not the page's content.
 */
export const ownText: (page: PageCapture) => OwnText = memoizePerCapture((page: PageCapture) => {
  let text = page.text;
  for (const link of page.links) {
    if (link.text && (isArticleLink(link) || wordCount(link.text) > LABEL_MAX_WORDS)) {
      text = text.replace(link.text, ' ');
    }
  }
  return { text, folded: text === page.text ? pageText(page) : FoldedText.of(text) };
});
