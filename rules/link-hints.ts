import {
  type Catalog,
  foldText,
  type LinkCandidate,
  type LinkHint,
  type LinkPrioritizer,
  NO_HINT,
  urlPathWords,
} from '../src/core/index.ts';
import { type Concept, conceptMatcher, languageSwitchOf, mayContain } from './lexicons/index.ts';

/** Which lexicon concepts lead the crawler to each rule's evidence. Rules not listed need none. */
export const RULE_CONCEPTS: Readonly<Record<string, readonly Concept[]>> = {
  'losi-2024/206-search': ['search'],
  'losi-2024/214-contact-details': ['contact'],
  'losi-2024/234-privacy-policy': ['privacy'],
  'losi-2024/273-social-networking': ['social'],
  'losi-2024/205-sitemap': ['sitemap'],
  'losi-2024/212-other-language': ['languageSwitch'],
  'losi-2024/240-help-faq': ['help', 'faq'],
  'losi-2024/236-open-data': ['openData'],
};

const TEXT_WEIGHT = 2;
const URL_WEIGHT = 1;
const CACHE_LIMIT = 20_000;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** foldText, with a fast path for plain ASCII (where folding is lower-casing and collapsing spaces). */
function fold(text: string): string {
  return PRINTABLE_ASCII.test(text) ? text.toLowerCase().replace(/ +/g, ' ').trim() : foldText(text);
}

/**
 * Scores links for the crawler's best-first frontier: each lexicon concept the catalog's rules use
 * adds 2 when it matches the link text and 1 when it matches the URL path words. `service` and
 * `language` flags are set whatever the catalog (they decide one-hop capture and language priority).
 * A link is first screened word by word against every concept at once; results are cached by text
 * and URL, since menus repeat on every page.
 */
export function buildLinkPrioritizer(catalog: Catalog): LinkPrioritizer {
  const codesByConcept = new Map<Concept, string[]>();
  for (const entry of catalog.entries) {
    for (const concept of RULE_CONCEPTS[entry.ruleId] ?? []) {
      codesByConcept.set(concept, [...(codesByConcept.get(concept) ?? []), entry.code]);
    }
  }
  const languageCodes = codesByConcept.get('languageSwitch') ?? [];
  codesByConcept.delete('languageSwitch');
  const scored = [...codesByConcept.entries()].map(([concept, codes]) => ({ matcher: conceptMatcher(concept), codes }));
  const service = conceptMatcher('service');
  const screened = [...scored.map((s) => s.matcher), service];
  const firstWords = new Set(screened.flatMap((m) => [...m.firstWords]));
  const unspacedTerms = screened.flatMap((m) => m.unspacedTerms);
  const cache = new Map<string, LinkHint>();

  const judge = (link: LinkCandidate): LinkHint => {
    const text = fold(link.text);
    const words = urlPathWords(link.url);
    const language = link.text !== '' && languageSwitchOf(link.text) !== null;
    let score = 0;
    const codes = new Set<string>();
    if (language && languageCodes.length > 0) {
      score += TEXT_WEIGHT;
      for (const code of languageCodes) codes.add(code);
    }
    const inText = mayContain(text, firstWords, unspacedTerms);
    const inUrl = mayContain(words, firstWords, unspacedTerms);
    if (!inText && !inUrl) return language ? { score, service: false, language, codes: [...codes] } : NO_HINT;
    for (const { matcher, codes: ruleCodes } of scored) {
      const textHit = inText && matcher.findFolded(text) !== null;
      const urlHit = inUrl && matcher.findFolded(words) !== null;
      if (!textHit && !urlHit) continue;
      score += (textHit ? TEXT_WEIGHT : 0) + (urlHit ? URL_WEIGHT : 0);
      for (const code of ruleCodes) codes.add(code);
    }
    const isService = (inText && service.findFolded(text) !== null) || (inUrl && service.findFolded(words) !== null);
    return score === 0 && !isService && !language ? NO_HINT : { score, service: isService, language, codes: [...codes] };
  };

  return (link) => {
    const key = `${link.text}\u0000${link.url}`;
    let hint = cache.get(key);
    if (!hint) {
      hint = judge(link);
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(key, hint);
    }
    return hint;
  };
}
