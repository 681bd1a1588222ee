import {
  defineDetector,
  type Evidence,
  type PageCapture,
  type SearchProbeArtifact,
  type SearchProbeResult,
} from '../../src/core/index.ts';
import { formEvidence, linkEvidence } from '../_shared/evidence.ts';
import { findConceptLinks } from '../_shared/links.ts';
import { findPage, okHome } from '../_shared/pages.ts';
import { homeNotCaptured, met, needsReview, notMet } from '../_shared/result.ts';
import { searchForms } from '../_shared/search-forms.ts';

type Verdict = { verdict: 'working' | 'not_working' | 'inconclusive'; confidence: number; why: string };

function counts(r: SearchProbeResult): string {
  return `${r.mainLinkCount} links, ${r.textLength} chars of text, query found ${r.queryOccurrences}×`;
}

/**
 * A working search lists more for a word from the portal's own text than for a nonsense word. An
 * echo page ("You searched for X") repeats either word once and lists nothing for both.
 */
function judgeProbe({ real, nonsense }: SearchProbeArtifact): Verdict {
  if (real.status !== 'ok') {
    return {
      verdict: 'inconclusive',
      confidence: 0.4,
      why: `the results page ended with status ${real.status}`,
    };
  }
  if (nonsense.status !== 'ok') {
    return real.queryOccurrences >= 2 && real.mainLinkCount >= 1
      ? {
          verdict: 'working',
          confidence: 0.75,
          why: `"${real.query}" gave ${counts(real)}; no baseline page for the nonsense word`,
        }
      : {
          verdict: 'inconclusive',
          confidence: 0.4,
          why: `"${real.query}" gave ${counts(real)}; the nonsense query ended ${nonsense.status}`,
        };
  }
  const linkGain = real.mainLinkCount - nonsense.mainLinkCount;
  const textGain = real.textLength - nonsense.textLength;
  const occurrenceGain = real.queryOccurrences - nonsense.queryOccurrences;
  const compared = `"${real.query}": ${counts(real)}; "${nonsense.query}": ${counts(nonsense)}`;
  if ((linkGain >= 1 && (occurrenceGain >= 1 || textGain > 0)) || (occurrenceGain >= 2 && textGain >= 100)) {
    return { verdict: 'working', confidence: 0.95, why: compared };
  }
  if (linkGain <= 0 && occurrenceGain <= 1 && textGain < 100) {
    return { verdict: 'not_working', confidence: 0.8, why: compared };
  }
  return { verdict: 'inconclusive', confidence: 0.5, why: compared };
}

function resultsEvidence(home: PageCapture, r: SearchProbeResult, note: string): Evidence {
  return {
    pageUrl: r.resultsUrl,
    kind: 'text',
    selector: 'main',
    snippet: (r.snippet || r.title || `(empty results page, status ${r.status})`).slice(0, 500),
    linkPath: [...home.linkPath, { url: r.resultsUrl, text: `search: ${r.query}` }],
    ...(r.screenshot ? { screenshot: r.screenshot } : {}),
    note,
  };
}

export default defineDetector({
  meta: {
    requires: ['pages', 'searchProbe'],
    version: 1,
    hints: ['search'],
  },
  detect(site) {
    const home = okHome(site);
    if (!home) return homeNotCaptured(site);
    const probe = site.artifacts.searchProbe;
    const probePage = probe ? (findPage(site, probe.pageUrl) ?? home) : home;
    const forms = searchForms(home);
    const probedForm = probe ? probePage.forms.find((f) => f.selector === probe.formSelector) : undefined;
    const form = probedForm ?? forms[0];
    const formItem = form ? [formEvidence(probedForm ? probePage : home, form, 'search form')] : [];

    if (probe) {
      const { verdict, confidence, why } = judgeProbe(probe);
      const evidence = [
        ...formItem,
        resultsEvidence(home, probe.real, `results for a word from the portal: ${counts(probe.real)}`),
        resultsEvidence(home, probe.nonsense, `results for a nonsense word: ${counts(probe.nonsense)}`),
      ];
      if (verdict === 'working') return met(confidence, `The search works: ${why}.`, evidence);
      if (verdict === 'not_working') {
        return notMet(
          confidence,
          `A search form exists but lists nothing for a word taken from the portal's own text (${why}).`,
          evidence,
        );
      }
      return needsReview(
        confidence,
        `A search form exists; the test search was inconclusive: ${why}.`,
        evidence,
      );
    }

    if (form) {
      return needsReview(0.5, 'A search form is on the home page, but no test search was run.', formItem);
    }
    const links = findConceptLinks([home], 'search', { regions: ['header', 'nav'], textOnly: false });
    const link = links.matches[0] ?? links.placeholders[0];
    if (link) {
      return needsReview(
        0.4,
        `No search form on the home page, but a search link "${link.link.text}" in its ${link.link.region}.`,
        [linkEvidence(home, link.link, 'search link (no form)')],
      );
    }
    return notMet(0.85, 'No search form or search link was found on the home page.', [
      {
        pageUrl: home.finalUrl || home.url,
        kind: 'element',
        selector: 'form',
        snippet: `${home.forms.length} form(s) on the home page, none a search form`,
        linkPath: home.linkPath,
        ...(home.render?.screenshot ? { screenshot: home.render.screenshot } : {}),
        note: 'home page checked for role=search, input[type=search] and search-named GET forms',
      },
    ]);
  },
});
