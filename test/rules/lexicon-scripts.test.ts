import { describe, expect, it } from 'vitest';
import { findDates } from '../../rules/_shared/dates.ts';
import { ConceptScreen } from '../../rules/lexicons/concept-screen.ts';
import { FoldedText } from '../../rules/lexicons/folded-text.ts';
import {
  ALL_CONCEPTS,
  conceptMatcher,
  LEXICONS,
  matchesConcept,
  mayContain,
  TERMS,
} from '../../rules/lexicons/index.ts';
import { compileTerms, foldText, wordCount } from '../../src/core/index.ts';

/** One matcher over ad-hoc terms: the mechanism, apart from what the lexicons hold. */
function matches(terms: string[], text: string): boolean {
  return compileTerms(terms)!.test(foldText(text));
}

describe('Arabic: spelling variants and joined clitics', () => {
  it('folds tatweel, marks, hamza on alef, taa marbuta, alef maqsura and Arabic-Indic digits', () => {
    expect(foldText('الخدمـــات الإلكترونيّة')).toBe(foldText('الخدمات الالكترونيه'));
    expect(foldText('مستشفى')).toBe(foldText('مستشفي'));
    expect(foldText('هاتف ٠١٦٣٢٥٠٠٠٠')).toBe('هاتف 0163250000');
  });

  it('matches a term with a conjunction, preposition or article joined to its first word', () => {
    expect(matches(['الخدمات الإلكترونية'], 'والخدمات الإلكترونية')).toBe(true);
    expect(matches(['الدفع الإلكتروني'], 'ادفع الآن بالدفع الإلكتروني')).toBe(true);
    expect(matches(['المواطنين'], 'خدمات مقدمة للمواطنين')).toBe(true);
    expect(matches(['المواطنين'], 'وللمواطنين')).toBe(true);
    expect(matches(['بحث'], 'للبحث في الموقع')).toBe(true);
    // Without the article, and with the article on a later word.
    expect(matches(['الخدمات الإلكترونية'], 'خدمات إلكترونية')).toBe(true);
    expect(matches(['خدمات إلكترونية'], 'الخدمات الإلكترونية')).toBe(true);
    // A loanword that starts with ال takes the article on top ("الإلكترونية" + و).
    expect(matches(['إلكترونية'], 'والإلكترونية')).toBe(true);
  });

  it('does not take any letters before a term for a prefix', () => {
    expect(matches(['بحث'], 'مبحث')).toBe(false);
    expect(matches(['عنوان'], 'xعنوان')).toBe(false);
    // A suffix still ends the word: "الاتصالات" (telecommunications) is not "الاتصال".
    expect(matches(['الاتصال'], 'وزارة الاتصالات')).toBe(false);
  });

  it('finds the lexicon concepts in running Arabic text', () => {
    expect(matchesConcept('service', 'للاطلاع على الخدمات الإلكترونية')).toBe(true);
    expect(matchesConcept('privacy', 'وسياسة الخصوصية')).toBe(true);
    expect(matchesConcept('procurementAwards', 'إعلان نتائج الترسية للمنافسات')).toBe(true);
    expect(matchesConcept('incident', 'البلاغات والشكاوى')).toBe(true);
    expect(matchesConcept('contact', 'تابعونا على وسائل التواصل الاجتماعي')).toBe(false);
    // ب + عنوان is "entitled", not an address.
    expect(matchesConcept('addressLabel', 'ورشة عمل بعنوان المدن الذكية')).toBe(false);
    expect(matchesConcept('addressLabel', 'العنوان: طريق الملك عبدالعزيز')).toBe(true);
  });
});

describe('Chinese: no spaces between words', () => {
  it('matches terms inside an unspaced run of Han characters', () => {
    expect(matchesConcept('search', '请在站内搜索栏输入关键词')).toBe(true);
    expect(matchesConcept('procurementAwards', '青岚市市民中心物业管理服务项目中标结果公告')).toBe(true);
    expect(matchesConcept('affordableHousing', '住房保障：公共租赁住房申请')).toBe(true);
  });

  it('treats Han characters as word boundaries for words of spaced scripts', () => {
    expect(matches(['app'], '扫码下载APP办理')).toBe(true);
    expect(matches(['faq'], '常见问题FAQ')).toBe(true);
    expect(matches(['app'], 'application')).toBe(false);
  });

  it('counts two Han characters as one word, so a headline is not a label', () => {
    expect(wordCount('政务服务')).toBe(2);
    expect(wordCount('文华路改造工程12月8日起实施交通管制')).toBeGreaterThan(6);
    expect(wordCount('Road works on King Street')).toBe(5);
  });

  it('reads dates glued to Han text, with or without a year', () => {
    const reference = new Date('2026-12-07T00:00:00Z');
    const days = (text: string) => findDates(text, reference).map((d) => d.date.toISOString().slice(0, 10));
    expect(days('文华路改造工程实施交通管制2026-12-03')).toEqual(['2026-12-03']);
    expect(days('2026年12月19日读书分享会')).toEqual(['2026-12-19']);
    expect(days('灯会于2月12日—2月16日举行')).toEqual(['2027-02-12', '2027-02-16']);
  });
});

describe('Russian: inflected forms', () => {
  it('matches a term in any case and number', () => {
    expect(matches(['услуги'], 'перечень услуг')).toBe(true);
    expect(matches(['услуги'], 'к услугам жителей')).toBe(true);
    expect(matches(['заявление'], 'приём заявлений')).toBe(true);
    expect(matches(['открытые данные'], 'реестр открытых данных')).toBe(true);
    expect(matches(['вопрос-ответ'], 'Вопрос — ответ')).toBe(true);
  });

  it('keeps short words exact and does not turn one word into another', () => {
    expect(matches(['тел'], 'тело')).toBe(false);
    expect(matches(['доступность'], 'доступные услуги')).toBe(false);
    expect(matches(['услуги'], 'услугодатель')).toBe(false);
  });

  it('finds the lexicon concepts in running Russian text', () => {
    expect(matchesConcept('news', 'Архив новостей')).toBe(true);
    expect(matchesConcept('service', 'Получение электронных услуг')).toBe(true);
    expect(matchesConcept('faq', 'Ответы на часто задаваемые вопросы')).toBe(true);
    expect(matchesConcept('datasetDate', 'Дата актуализации: 01.11.2026')).toBe(true);
  });
});

describe('Latin scripts keep whole-word matching', () => {
  it('does not find a short term inside a longer word', () => {
    expect(conceptMatcher('phoneLabel').test('Hotel de la Gare')).toBe(false);
    expect(matches(['privacy'], 'privacyfence')).toBe(false);
    expect(matches(['wi-fi'], 'free wi fi in parks')).toBe(true);
  });
});

describe('the screens agree with the matcher on prefixed and inflected forms', () => {
  /** Each Arabic and Russian term of every concept, written as running text would write it. */
  function variants(term: string, language: string): string[] {
    const folded = foldText(term);
    if (language === 'ar') return [`و${folded}`, `بال${folded.replace(/^ال/, '')}`, `ذكر ${folded}.`];
    if (language === 'ru') return [`${folded}ами`, `о ${folded.replace(/[аяоеыиуюь]$/, '')}ах`];
    return [];
  }

  it('never screens out a text the matcher finds (ConceptScreen, mayContain)', () => {
    let checked = 0;
    for (const concept of ALL_CONCEPTS) {
      const matcher = conceptMatcher(concept);
      const terms = new Set(TERMS[concept]);
      for (const lexicon of LEXICONS.filter((l) => l.language === 'ar' || l.language === 'ru')) {
        for (const term of (lexicon.terms as Record<string, readonly string[]>)[concept] ?? []) {
          for (const text of variants(term, lexicon.language)) {
            if (!matcher.findFolded(text)) continue;
            checked++;
            expect(ConceptScreen.of(text)?.mayMatch(concept) ?? true, `${concept}: "${text}"`).toBe(true);
            expect(mayContain(text, matcher.firstWords, matcher.unspacedTerms), `${concept}: "${text}"`).toBe(
              true,
            );
            expect(new FoldedText(text).find(concept), `${concept}: "${text}"`).not.toBeNull();
          }
        }
      }
      expect(terms.size).toBeGreaterThan(0);
    }
    expect(checked).toBeGreaterThan(100);
  });
});
