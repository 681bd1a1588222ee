import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../rules/detectors/index.ts';
import { CONCEPTS, LEXICONS, lexiconOf } from '../../rules/lexicons/index.ts';
import { LexiconError, loadLexicon } from '../../rules/lexicons/load-lexicon.ts';
import type { PageCapture } from '../../src/core/index.ts';
import { lexiconCoverage, lexiconWarning } from '../../src/report/lexicon-coverage.ts';

describe('lexicons as data', () => {
  it('give every bundled language words for every concept of the dictionary', () => {
    for (const lexicon of LEXICONS) expect(lexicon.missing, lexicon.language).toEqual([]);
  });

  it('list every concept a detector hints at', () => {
    const known = new Set(CONCEPTS);
    for (const [feature, detector] of Object.entries(DETECTORS)) {
      for (const concept of detector.meta.hints ?? [])
        expect(known.has(concept), `${feature}: ${concept}`).toBe(true);
    }
  });

  it('name concepts by what they mean, not by a catalog prefix', () => {
    for (const concept of CONCEPTS)
      expect(concept, concept).not.toMatch(/^(osi|cp|if|sp|pe|egl|tec|svc)[A-Z]/);
  });

  it('refuse a language file naming an unknown concept, and mark one that lacks concepts partial', () => {
    const [first, second] = CONCEPTS;
    expect(() =>
      loadLexicon({ language: 'de', terms: { serach: ['suche'] } }, 'languages/de.json', CONCEPTS),
    ).toThrow(LexiconError);
    expect(() =>
      loadLexicon({ language: 'de', terms: { serach: ['suche'] } }, 'languages/de.json', CONCEPTS),
    ).toThrow('languages/de.json: unknown concept serach');
    expect(() => loadLexicon({ language: 'German', terms: {} }, 'languages/de.json', CONCEPTS)).toThrow(
      /language/,
    );
    const partial = loadLexicon(
      { language: 'de', terms: { [first!]: ['suche'] } },
      'languages/de.json',
      CONCEPTS,
    );
    expect(partial.missing).toContain(second);
    expect(partial.missing).not.toContain(first);
  });

  it('tell the report when the portal’s language has no lexicon', () => {
    const page = (declared: string | null, detected: string | null) =>
      ({ lang: { declared, detected } }) as unknown as PageCapture;
    expect(lexiconCoverage(page('pt-BR', null))).toEqual({
      language: 'pt',
      bundled: true,
      missingConcepts: [],
    });
    expect(lexiconWarning(lexiconCoverage(page('pt-BR', null)))).toBeNull();
    const german = lexiconCoverage(page(null, 'de'));
    expect(german).toEqual({ language: 'de', bundled: false, missingConcepts: [] });
    expect(lexiconWarning(german)).toMatch(/\(de\) has no bundled lexicon/);
    expect(lexiconWarning({ language: 'xx', bundled: true, missingConcepts: ['vat'] })).toMatch(
      /partial.*vat/,
    );
    expect(lexiconOf('ZH-cn')?.language).toBe('zh');
  });
});
