import { describe, expect, it } from 'vitest';
import {
  CONCEPTS,
  conceptMatcher,
  LEXICONS,
  languageSwitchOf,
  matchesConcept,
  TERMS,
} from '../../rules/lexicons/index.ts';

describe('lexicons', () => {
  it('cover the eight languages, each with the core concepts', () => {
    expect(LEXICONS.map((l) => l.language).sort()).toEqual(['ar', 'en', 'es', 'fr', 'it', 'pt', 'ru', 'zh']);
    const core = [
      'search',
      'contact',
      'privacy',
      'help',
      'faq',
      'sitemap',
      'openData',
      'social',
      'accessibility',
      'languageSwitch',
      'service',
      'news',
    ] as const;
    for (const lexicon of LEXICONS) {
      for (const concept of core)
        expect(lexicon.terms[concept]?.length ?? 0, `${lexicon.language}.${concept}`).toBeGreaterThan(0);
    }
    for (const concept of CONCEPTS) expect(TERMS[concept]?.length ?? 0).toBeGreaterThan(0);
  });

  it('match accent- and case-insensitively, word-bounded, in every language', () => {
    expect(matchesConcept('privacy', 'POLITIQUE DE CONFIDENTIALITE')).toBe(true);
    expect(matchesConcept('privacy', 'Política de privacidad')).toBe(true);
    expect(matchesConcept('privacy', 'Aviso de Privacidad Integral')).toBe(true);
    expect(matchesConcept('privacy', 'Protección de datos')).toBe(true);
    expect(matchesConcept('privacy', 'Política de privacidade')).toBe(true);
    expect(matchesConcept('privacy', 'Политика конфиденциальности')).toBe(true);
    expect(matchesConcept('privacy', 'سياسة الخصوصية')).toBe(true);
    expect(matchesConcept('privacy', '隐私政策')).toBe(true);
    expect(matchesConcept('sitemap', 'Plan du site')).toBe(true);
    expect(matchesConcept('sitemap', 'Mapa del sitio')).toBe(true);
    expect(matchesConcept('faq', 'Perguntas frequentes')).toBe(true);
    expect(matchesConcept('faq', 'Domande frequenti')).toBe(true);
    expect(matchesConcept('openData', 'Données ouvertes')).toBe(true);
    expect(matchesConcept('openData', 'Datos abiertos')).toBe(true);
    expect(matchesConcept('search', 'Rechercher')).toBe(true);
  });

  it('do not confuse neighbouring notions (traps)', () => {
    expect(matchesConcept('privacy', 'Mentions légales')).toBe(false);
    expect(matchesConcept('privacy', 'Aviso legal')).toBe(false);
    expect(matchesConcept('help', 'Aide sociale')).toBe(false);
    expect(matchesConcept('help', 'Aides aux familles')).toBe(false);
    expect(matchesConcept('help', 'Ayuda a domicilio')).toBe(false);
    expect(matchesConcept('help', 'Aide sociale et FAQ')).toBe(false);
    expect(matchesConcept('faq', 'Aide sociale et FAQ')).toBe(true);
    expect(matchesConcept('help', "Besoin d'aide ?")).toBe(true);
    expect(matchesConcept('accessibility', 'Accessibilité')).toBe(true);
    for (const concept of ['help', 'faq', 'sitemap', 'privacy', 'contact'] as const) {
      expect(matchesConcept(concept, 'Accessibilité des bâtiments : rampes et ascenseurs')).toBe(false);
    }
    // Word boundaries: "privacy" is not inside "privacyfence"-like compounds, "tel" not inside "hotel".
    expect(conceptMatcher('phoneLabel').test('Hotel de la Gare')).toBe(false);
  });

  it('read language-switch links', () => {
    expect(languageSwitchOf('English')?.language).toBe('en');
    expect(languageSwitchOf('EN')?.language).toBe('en');
    expect(languageSwitchOf('[FR]')?.language).toBe('fr');
    expect(languageSwitchOf('Español')?.language).toBe('es');
    expect(languageSwitchOf('En español')?.language).toBe('es');
    expect(languageSwitchOf('English version')?.language).toBe('en');
    expect(languageSwitchOf('العربية')?.language).toBe('ar');
    expect(languageSwitchOf('中文')?.language).toBe('zh');
    expect(languageSwitchOf('Русский')?.language).toBe('ru');
    expect(languageSwitchOf('Idiomas')).toEqual({ language: null });
    expect(languageSwitchOf('Cursos de inglés para adultos en el centro cívico')).toBeNull();
    expect(languageSwitchOf('Es')?.language).toBe('es');
    expect(languageSwitchOf('Parking permits')).toBeNull();
  });
});

describe('concept matchers agree with src/core compileTerms', () => {
  it('give the same answer on every term in context, glued and cut (concepts without exclusions)', async () => {
    const { compileTerms, foldText } = await import('../../src/core/index.ts');
    const { ALL_CONCEPTS, EXCLUSIONS } = await import('../../rules/lexicons/index.ts');
    let compared = 0;
    for (const concept of ALL_CONCEPTS) {
      if ((EXCLUSIONS[concept]?.length ?? 0) > 0) continue;
      const terms = TERMS[concept] ?? [];
      const reference = compileTerms(terms)!;
      const matcher = conceptMatcher(concept);
      for (const term of terms) {
        const t = foldText(term);
        const samples = [
          t,
          `see ${t} here`,
          `${t}s`,
          `x${t}`,
          `${t.slice(0, -1)}`,
          `(${t})`,
          `${t}-page`,
          `/${t.replace(/ /g, '-')}/`,
        ];
        for (const sample of samples) {
          expect(matcher.findFolded(sample) !== null, `${concept}: "${sample}"`).toBe(reference.test(sample));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
    // The reference regex (a lookbehind per term) costs ~1 ms a sample; with every family's concepts
    // this runs ~40 s alone and longer on a loaded machine.
  }, 300_000);
});
