import { type PageCapture, WORD_END, WORD_START } from '../../src/core/index.ts';
import { textEvidence } from './evidence.ts';
import { foldedPageText, pageText } from './folded-captures.ts';
import { snippetAround } from './snippet.ts';
import type { TopicContent } from './topic-detector.ts';

/** Figures next to words: "PM2.5 18 µg/m³", "1 234 visits", "87 % satisfied". */
interface FigureHit {
  index: number;
  length: number;
}

function contentOf(page: PageCapture, hits: FigureHit[], summary: string, note: string): TopicContent {
  const first = hits[0]!;
  return {
    summary,
    evidence: textEvidence(page, snippetAround(foldedPageText(page), first.index, first.length, 160), note),
  };
}

// Folded text: NFKD turns "µg/m³" into "μg/m3" and "NO₂" into "no2". Kept only where a word starts
// (pollutantsIn): as a lookbehind, that check would run at every position of every page.
const POLLUTANT =
  /(?:pm\s?2[.,]5|pm\s?10|no2|o3|so2|aqi|iqa|ica|imeca|iqar|atmo|caqi|индекс|空气质量指数|aqi指数)(?![\p{L}\p{N}])/gu;
const ENDS_WITH_WORD_CHAR = /[\p{L}\p{N}]$/u;
// Units as written in the lexicon languages: µg/m³, мкг/м³, 微克/立方米, ميكروغرام/م³.
const CONCENTRATION =
  /\d+(?:[.,]\d+)?\s?(?:μg|ug|mg|мкг|мг|微克|毫克|ميكروغرام|مكغ)\s?\/\s?(?:m3|м3|立方米|م3)|\d+(?:[.,]\d+)?\s?(?:ppm|ppb)(?![\p{L}])/u;
const NUMBER = new RegExp(`${WORD_START}\\d{1,4}(?:[.,]\\d+)?${WORD_END}`, 'u');

/** POLLUTANT matches not preceded by a letter or digit, in order. */
function pollutantsIn(folded: string): { index: number; name: string }[] {
  const found: { index: number; name: string }[] = [];
  POLLUTANT.lastIndex = 0;
  for (let m = POLLUTANT.exec(folded); m; m = POLLUTANT.exec(folded)) {
    // The code point before the match: up to two code units (a surrogate pair).
    if (ENDS_WITH_WORD_CHAR.test(folded.slice(Math.max(0, m.index - 2), m.index))) {
      POLLUTANT.lastIndex = m.index + 1;
      continue;
    }
    found.push({ index: m.index, name: m[0] });
  }
  return found;
}

/** 292: at least two pollutant readings (a pollutant or index next to a number, with a unit or as an index value). */
export function airReadings(page: PageCapture): TopicContent | null {
  const folded = foldedPageText(page);
  const hits: FigureHit[] = [];
  for (const { index: at, name } of pollutantsIn(folded)) {
    const window = folded.slice(at, at + name.length + 40);
    const isIndex = /aqi|iqa|ica|imeca|iqar|atmo|caqi|индекс|指数/.test(name);
    if (CONCENTRATION.test(window) || (isIndex && NUMBER.test(window.slice(name.length)))) {
      hits.push({ index: at, length: name.length });
    }
  }
  if (hits.length < 2) return null;
  return contentOf(page, hits, `${hits.length} air-pollution readings`, 'pollutant readings with values');
}

const BIG_NUMBER = new RegExp(
  `${WORD_START}\\d{1,3}(?:[ .,\u202f]\\d{3})+(?!\\p{N})|${WORD_START}\\d{3,}(?!\\p{N})`,
  'gu',
);
const YEAR = /^(19|20)\d{2}$/;

/** 289: at least two counts of visits/visitors/page views (≥ 100, years excluded). */
export function usageFigures(page: PageCapture): TopicContent | null {
  const folded = foldedPageText(page);
  const hits: FigureHit[] = [];
  const seen = new Set<string>();
  for (const m of pageText(page).findAll('usageMetric', 100)) {
    const window = folded.slice(Math.max(0, m.index - 40), m.index + m.term.length + 40);
    for (const n of window.matchAll(BIG_NUMBER)) {
      if (YEAR.test(n[0]) || seen.has(n[0])) continue;
      seen.add(n[0]);
      hits.push({ index: m.index, length: m.term.length });
      break;
    }
  }
  if (hits.length < 2) return null;
  return contentOf(
    page,
    hits,
    `${hits.length} usage figures (visits, visitors, page views)`,
    'usage figures',
  );
}

const SCORE =
  /\d{1,3}(?:[.,]\d+)?\s?%|(?<![\p{N}])\d(?:[.,]\d+)?\s?(?:\/|sur|de|of|su|из|من)\s?(?:5|10)(?![\p{N}])/gu;

/** 294: satisfaction figures (percentages or scores out of 5 or 10 next to satisfaction words). */
export function satisfactionFigures(page: PageCapture, minHits = 1): TopicContent | null {
  const folded = foldedPageText(page);
  const hits: FigureHit[] = [];
  for (const m of pageText(page).findAll('satisfactionWord', 100)) {
    const window = folded.slice(Math.max(0, m.index - 80), m.index + m.term.length + 80);
    if (new RegExp(SCORE.source, 'u').test(window)) hits.push({ index: m.index, length: m.term.length });
  }
  if (hits.length < minHits) return null;
  return contentOf(
    page,
    hits,
    `${hits.length} satisfaction figure(s)`,
    'percentages or scores next to satisfaction words',
  );
}

const PERCENT_OR_FIGURE = new RegExp(
  `\\d{1,3}(?:[.,]\\d+)?\\s?%|${WORD_START}\\d{1,3}(?:[ .,]\\d{3})+(?!\\p{N})`,
  'gu',
);

/** 243: a Voluntary Local Review, or at least three quantitative figures on an SDG page. */
export function sdgData(page: PageCapture): TopicContent | null {
  const folded = foldedPageText(page);
  const vlr = pageText(page).find('vlr');
  if (vlr) {
    return contentOf(
      page,
      [{ index: vlr.index, length: vlr.term.length }],
      'a Voluntary Local Review',
      'VLR mention',
    );
  }
  const figures = [...folded.matchAll(PERCENT_OR_FIGURE)].map((m) => ({
    index: m.index ?? 0,
    length: m[0].length,
  }));
  if (figures.length < 3) return null;
  return contentOf(page, figures, `${figures.length} SDG figures`, 'quantitative SDG figures');
}

/** 291: the air-quality page names a policy, plan or measure against pollution. */
export function airPolicy(page: PageCapture): TopicContent | null {
  const m = pageText(page).find('airPolicy');
  if (!m) return null;
  return contentOf(
    page,
    [{ index: m.index, length: m.term.length }],
    `an air-quality policy or measure ("${m.term}")`,
    'policy or measure against air pollution',
  );
}
