import {
  type Catalog,
  foldText,
  type LinkCandidate,
  type LinkHint,
  type LinkPrioritizer,
  NO_HINT,
  urlPathWords,
} from '../src/core/index.ts';
import {
  type Concept,
  type ConceptMatcher,
  conceptMatcher,
  languageSwitchOf,
  wordKeysOf,
} from './lexicons/index.ts';

const TEXT_WEIGHT = 2;
const URL_WEIGHT = 1;
const CACHE_LIMIT = 20_000;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** foldText, with a fast path for plain ASCII (where folding is lower-casing and collapsing spaces). */
function fold(text: string): string {
  return PRINTABLE_ASCII.test(text) ? text.toLowerCase().replace(/ +/g, ' ').trim() : foldText(text);
}

/** Which matchers a folded text could satisfy: by the first word keys of their terms (one split, no regex per term). */
function candidateIndex(matchers: readonly ConceptMatcher[]): (folded: string) => Set<number> {
  const byWord = new Map<string, number[]>();
  matchers.forEach((m, i) => {
    for (const word of m.firstWords) byWord.set(word, [...(byWord.get(word) ?? []), i]);
  });
  const unspaced = matchers.map((m, i) => ({ i, terms: m.unspacedTerms })).filter((u) => u.terms.length > 0);
  return (folded) => {
    const out = new Set<number>();
    if (!folded) return out;
    for (const key of wordKeysOf(folded)) for (const i of byWord.get(key) ?? []) out.add(i);
    for (const { i, terms } of unspaced) if (!out.has(i) && terms.some((t) => folded.includes(t))) out.add(i);
    return out;
  };
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
  for (const rule of catalog.rules) {
    for (const concept of rule.meta.hints ?? []) {
      codesByConcept.set(concept, [...(codesByConcept.get(concept) ?? []), rule.meta.code]);
    }
  }
  // Concepts of service indicators name services too: an external link so named is captured one hop.
  const serviceConcepts = new Set(
    catalog.rules.filter((r) => r.meta.hintsNameServices).flatMap((r) => r.meta.hints ?? []),
  );
  const languageCodes = codesByConcept.get('languageSwitch') ?? [];
  codesByConcept.delete('languageSwitch');
  const scored = [...codesByConcept.entries()].map(([concept, codes]) => ({
    matcher: conceptMatcher(concept),
    codes,
  }));
  const service = conceptMatcher('service');
  const screened = [...scored.map((s) => s.matcher), service];
  const serviceIndex = scored.length;
  const candidates = candidateIndex(screened);
  const cache = new Map<string, LinkHint>();

  const judge = (link: LinkCandidate): LinkHint => {
    const text = fold(link.text);
    const words = urlPathWords(link.url);
    const language = link.text !== '' && languageSwitchOf(link.text) !== null;
    let score = 0;
    let namesService = false;
    const codes = new Set<string>();
    if (language && languageCodes.length > 0) {
      score += TEXT_WEIGHT;
      for (const code of languageCodes) codes.add(code);
    }
    const inText = candidates(text);
    const inUrl = candidates(words);
    if (inText.size === 0 && inUrl.size === 0) {
      return language ? { score, service: false, language, codes: [...codes] } : NO_HINT;
    }
    scored.forEach(({ matcher, codes: ruleCodes }, i) => {
      const textHit = inText.has(i) && matcher.findFolded(text) !== null;
      const urlHit = inUrl.has(i) && matcher.findFolded(words) !== null;
      if (!textHit && !urlHit) return;
      if (textHit && serviceConcepts.has(matcher.concept)) namesService = true;
      score += (textHit ? TEXT_WEIGHT : 0) + (urlHit ? URL_WEIGHT : 0);
      for (const code of ruleCodes) codes.add(code);
    });
    const isService =
      namesService ||
      (inText.has(serviceIndex) && service.findFolded(text) !== null) ||
      (inUrl.has(serviceIndex) && service.findFolded(words) !== null);
    return score === 0 && !isService && !language
      ? NO_HINT
      : { score, service: isService, language, codes: [...codes] };
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
