import { type CapturedLink, type PageCapture, urlPathWords } from '../../src/core/index.ts';
import { ConceptScreen } from '../lexicons/concept-screen.ts';
import { FoldedText } from '../lexicons/folded-text.ts';

/** new URL(url), or null when it does not parse. */
export function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * What rules derive from a link, computed once: its folded text, its URL path words, its parsed
 * target, and any pure function of that target (memoizePerUrl). The same header and footer links
 * appear on every page of a site: links captured with the same target and text share one LinkFacts
 * (see shareLinkFacts).
 */
export class LinkFacts {
  readonly href: string;
  readonly #rawText: string;
  #text: FoldedText | undefined;
  #urlWords: FoldedText | undefined;
  #screen: ConceptScreen | null | undefined;
  #url: URL | null | undefined;
  readonly #ofUrl = new Map<UrlFact<unknown>, unknown>();

  constructor(href: string, text: string) {
    this.href = href;
    this.#rawText = text;
  }

  get text(): FoldedText {
    this.#text ??= FoldedText.of(this.#rawText);
    return this.#text;
  }

  /** urlPathWords(href) (already folded). */
  get urlWords(): FoldedText {
    this.#urlWords ??= new FoldedText(urlPathWords(this.href));
    return this.#urlWords;
  }

  /** The concepts the link may match by its text or its URL path words (see ConceptScreen). */
  get screen(): ConceptScreen | null {
    if (this.#screen === undefined)
      this.#screen = ConceptScreen.union([this.text.screen, this.urlWords.screen]);
    return this.#screen;
  }

  /** The target parsed (shared by every fact of it; do not mutate), or null when it does not parse. */
  get url(): URL | null {
    if (this.#url === undefined) this.#url = parseUrl(this.href);
    return this.#url;
  }

  /** derive(url, href), computed once. */
  ofUrl<T>(derive: UrlFact<T>): T {
    if (this.#ofUrl.has(derive)) return this.#ofUrl.get(derive) as T;
    const value = derive(this.url, this.href);
    this.#ofUrl.set(derive, value);
    return value;
  }
}

const factsOf = new WeakMap<CapturedLink, LinkFacts>();
/** Pages whose links are registered, and the table (target and text → facts) they share. */
const tableOf = new WeakMap<PageCapture, Map<string, LinkFacts>>();

/**
 * Lets the links of pages judged together (a site's pages) share their facts: equal links on
 * different pages get one LinkFacts. Pages met before keep their table, and bring it to new ones.
 */
export function shareLinkFacts(pages: readonly PageCapture[]): void {
  let table: Map<string, LinkFacts> | undefined;
  for (const page of pages) table ??= tableOf.get(page);
  table ??= new Map();
  for (const page of pages) {
    if (tableOf.has(page)) continue;
    tableOf.set(page, table);
    for (const link of page.links) {
      if (factsOf.has(link)) continue;
      const key = `${link.href}\u0000${link.text}`;
      let facts = table.get(key);
      if (!facts) {
        facts = new LinkFacts(link.href, link.text);
        table.set(key, facts);
      }
      factsOf.set(link, facts);
    }
  }
}

/** The facts of a link: shared with its equals when its page was registered (shareLinkFacts). */
export function linkFacts(link: CapturedLink): LinkFacts {
  let facts = factsOf.get(link);
  if (!facts) {
    facts = new LinkFacts(link.href, link.text);
    factsOf.set(link, facts);
  }
  return facts;
}

/** A pure function of a link's target: its parsed URL (null when it does not parse) and the href. */
export type UrlFact<T> = (url: URL | null, href: string) => T;

/**
 * A fact of a link's target, computed once per distinct link from one parse of its URL (parsing is
 * most of what helpers like isArticleUrl or openFormatOf cost, and every rule asks about the same
 * links). Do not mutate what it returns.
 */
export function memoizePerUrl<T>(derive: UrlFact<T>): (link: CapturedLink) => T {
  return (link) => linkFacts(link).ofUrl(derive);
}
