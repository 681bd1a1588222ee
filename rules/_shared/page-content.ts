import type { PageCapture } from '../../src/core/index.ts';
import type { Concept } from '../lexicons/index.ts';
import { elementEvidence, formEvidence, textEvidence } from './evidence.ts';
import { headingText, pageText } from './folded-captures.ts';
import { isServiceForm } from './service-forms.ts';
import { snippetAround } from './snippet.ts';
import type { TopicContent } from './topic-detector.ts';

/** A heading of any level naming the concept, else the concept in the page's visible text. */
export function conceptOnPage(page: PageCapture, concept: Concept, summary: string): TopicContent | null {
  const heading = page.headings.find((h) => headingText(h).find(concept));
  if (heading) {
    return {
      evidence: elementEvidence(page, `h${heading.level}`, heading.text, summary),
      summary,
    };
  }
  const hit = pageText(page).find(concept);
  if (!hit) return null;
  return {
    evidence: textEvidence(page, snippetAround(page.text, hit.index, hit.term.length), summary),
    summary,
  };
}

/** A form on the page that collects something from people (not a search, sign-in or newsletter). */
export function serviceFormOnPage(page: PageCapture, summary: string): TopicContent | null {
  const form = page.forms.find((f) => isServiceForm(page, f));
  return form ? { evidence: formEvidence(page, form, summary), summary } : null;
}
