import {
  type Catalog,
  foldText,
  type LinkCandidate,
  type LinkHint,
  type LinkPrioritizer,
  NO_HINT,
  urlPathWords,
} from '../src/core/index.ts';
import { type Concept, conceptMatcher, languageSwitchOf } from './lexicons/index.ts';

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

/**
 * Scores links for the crawler's best-first frontier: each lexicon concept the catalog's rules use
 * adds 2 when it matches the link text and 1 when it matches the URL path words. `service` and
 * `language` flags are set whatever the catalog (they decide one-hop capture and language priority).
 * Results are cached by text and URL: menus repeat on every page.
 */
export function buildLinkPrioritizer(catalog: Catalog): LinkPrioritizer {
  const codesByConcept = new Map<Concept, string[]>();
  for (const entry of catalog.entries) {
    for (const concept of RULE_CONCEPTS[entry.ruleId] ?? []) {
      codesByConcept.set(concept, [...(codesByConcept.get(concept) ?? []), entry.code]);
    }
  }
  const scored = [...codesByConcept.entries()].map(([concept, codes]) => ({ matcher: conceptMatcher(concept), codes }));
  const service = conceptMatcher('service');
  const languageCodes = codesByConcept.get('languageSwitch') ?? [];
  const cache = new Map<string, LinkHint>();

  return (link: LinkCandidate): LinkHint => {
    const key = `${link.text}\u0000${link.url}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const text = foldText(link.text);
    const words = urlPathWords(link.url);
    let score = 0;
    const codes = new Set<string>();
    for (const { matcher, codes: ruleCodes } of scored) {
      if (matcher.concept === 'languageSwitch') continue;
      const inText = text !== '' && matcher.findFolded(text) !== null;
      const inUrl = matcher.findFolded(words) !== null;
      if (!inText && !inUrl) continue;
      score += (inText ? TEXT_WEIGHT : 0) + (inUrl ? URL_WEIGHT : 0);
      for (const code of ruleCodes) codes.add(code);
    }
    const language = link.text !== '' && languageSwitchOf(link.text) !== null;
    if (language && languageCodes.length > 0) {
      score += TEXT_WEIGHT;
      for (const code of languageCodes) codes.add(code);
    }
    const isService = (text !== '' && service.findFolded(text) !== null) || service.findFolded(words) !== null;
    const hint = score === 0 && !isService && !language ? NO_HINT : { score, service: isService, language, codes: [...codes] };
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, hint);
    return hint;
  };
}
