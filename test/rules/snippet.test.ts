import { describe, expect, it } from 'vitest';
import { textEvidence } from '../../rules/_shared/evidence.ts';
import { snippetAround } from '../../rules/_shared/snippet.ts';
import { foldText, type PageCapture } from '../../src/core/index.ts';

function pageWith(text: string): PageCapture {
  return {
    url: 'https://city.example/a',
    finalUrl: 'https://city.example/a',
    text,
    linkPath: [],
  } as unknown as PageCapture;
}

const marked = (e: { snippet?: string; highlight?: { start: number; end: number } }) =>
  e.snippet!.slice(e.highlight!.start, e.highlight!.end);

describe('readable snippets', () => {
  const text =
    'Home Your council. Riverton City Council has 42 councillors, and the full council takes most decisions. ' +
    'How the Council is organised: Council Organisation Chart, November 2026. Senior officers. ' +
    'Le Château d’Eau accueille la Mairie annexe. Ωραίος ΟΔΟΣ.';

  it('shows a match found in folded text in the page’s own words, marked, cut between words', () => {
    const folded = foldText(text);
    const at = folded.indexOf('organisation chart');
    const e = textEvidence(
      pageWith(text),
      snippetAround(folded, at, 'organisation chart'.length, 40),
      'org chart',
    );
    expect(marked(e)).toBe('Organisation Chart');
    expect(text).toContain(e.snippet!.replace(/^…/, '').replace(/…$/, ''));
    expect(e.snippet).toMatch(/^…[A-Z]/);
  });

  it('maps accents, typographic apostrophes and case back to the original', () => {
    const folded = foldText(text);
    const term = "chateau d'eau";
    const e = textEvidence(pageWith(text), snippetAround(folded, folded.indexOf(term), term.length, 30), 'n');
    expect(marked(e)).toBe('Château d’Eau');
    const greek = 'οδοσ';
    const g = textEvidence(
      pageWith(text),
      snippetAround(folded, folded.indexOf('οδος'), greek.length, 10),
      'n',
    );
    expect(marked(g)).toBe('ΟΔΟΣ');
  });

  it('re-cuts an old snippet cut mid-word, in original case', () => {
    const e = textEvidence(pageWith(text), '…l takes most decisions. how the council is organised', 'n');
    expect(e.snippet).toBe('…takes most decisions. How the Council is organised…');
    expect(e.highlight).toBeUndefined();
  });

  it('leaves a snippet that is not in the page as it is', () => {
    const e = textEvidence(pageWith(text), 'results for “riverton”: 20 links', 'n');
    expect(e.snippet).toBe('results for “riverton”: 20 links');
  });
});
