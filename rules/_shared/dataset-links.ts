import type { PageCapture } from '../../src/core/index.ts';
import { linkEvidence } from './evidence.ts';
import { linkOpenFormat } from './open-data.ts';
import type { TopicContent } from './topic-detector.ts';

/** Downloads in open data formats on a page (CSV, JSON, XML…): the topic is published as data. */
export function datasetLinksOnPage(page: PageCapture): TopicContent | null {
  const files = page.links.filter((l) => !l.placeholder && linkOpenFormat(l) !== null);
  const first = files[0];
  if (!first) return null;
  const formats = [...new Set(files.map((l) => linkOpenFormat(l)!.toUpperCase()))].join(', ');
  const summary = `${files.length} dataset file(s) (${formats})`;
  return { summary, evidence: linkEvidence(page, first, summary) };
}
