import type { Detector, Evidence, PageCapture, RuleResult, SiteCaptures } from '../../src/core/index.ts';
import { type Concept, conceptMatcher } from '../lexicons/index.ts';
import { elementEvidence, linkEvidence, pageEvidence } from './evidence.ts';
import { headingMatch } from './headings.ts';
import { targetFailed } from './link-target.ts';
import { roleFits } from './page-role.ts';
import { okHome, okPortalPages } from './pages.ts';
import { homeNotCaptured, met, needsReview, notMet } from './result.ts';

/** The six sectors the OSI questionnaire repeats its sector items over. */
export const OSI_SECTORS: Readonly<Record<string, Concept>> = {
  health: 'health',
  education: 'education',
  'employment and labour': 'labour',
  'social protection': 'socialWelfare',
  environment: 'environment',
  justice: 'justiceSystem',
};

export interface SectorDetectorSpec {
  /** @default 1 */
  version?: number;
  /** What the messages call the item: "links to sector ministries". */
  topic: string;
  /** What makes a link or heading about the item: ministry, policy, dataset, consultation… */
  qualifier: readonly Concept[];
  /** @default OSI_SECTORS */
  sectors?: Readonly<Record<string, Concept>>;
  /** Sectors needed for met. @default 4 (of 6) */
  needed?: number;
}

const SECTION_MAX_WORDS = 8;
const CONTENT_REGIONS = new Set(['main', 'aside', 'other']);

/**
 * A sector item (the same question asked for health, education, labour, social protection,
 * environment and justice) read as one result: a link or heading that names both the item
 * ("Ministry of …", "… policy", "… datasets") and a sector, or a sector link listed on a page whose
 * heading names the item. Met with most sectors found; needs_review with a few; the assessor can
 * score the sectors one by one from the evidence.
 */
export function evaluateSectors(spec: SectorDetectorSpec, site: SiteCaptures): RuleResult {
  const home = okHome(site);
  if (!home) return homeNotCaptured(site);
  const sectors = Object.entries(spec.sectors ?? OSI_SECTORS);
  const needed = Math.min(spec.needed ?? 4, sectors.length);
  const qualifiers = spec.qualifier.map(conceptMatcher);
  const qualified = (text: string) => qualifiers.some((q) => q.test(text));
  const sectorOf = (text: string) => sectors.find(([, concept]) => conceptMatcher(concept).test(text))?.[0];

  const found = new Map<string, Evidence>();
  const mentions: Evidence[] = [];
  const note = (sector: string, evidence: Evidence) => {
    if (!found.has(sector)) found.set(sector, evidence);
  };
  const pages: PageCapture[] = okPortalPages(site);
  for (const page of pages) {
    // A news item or a legal page that names a ministry or a policy is a mention.
    if (!roleFits(page, site)) continue;
    const section = headingMatch(page, spec.qualifier, 2, SECTION_MAX_WORDS);
    for (const link of page.links) {
      // Named by its text, a link counts until its target is seen to fail (a 404, an error page).
      if (link.placeholder || !link.text) continue;
      const sector = sectorOf(link.text);
      if (!sector || targetFailed(site, link)) continue;
      if (qualified(link.text)) note(sector, linkEvidence(page, link, `${sector}: ${spec.topic}`));
      else if (section && CONTENT_REGIONS.has(link.region)) {
        note(sector, linkEvidence(page, link, `${sector}, listed under "${section.text}"`));
      }
    }
    for (const heading of page.headings.filter((h) => h.level <= 3)) {
      const sector = sectorOf(heading.text);
      if (sector && (qualified(heading.text) || section)) {
        note(sector, elementEvidence(page, `h${heading.level}`, heading.text, `${sector}: ${spec.topic}`));
      }
    }
    if (section && mentions.length < 3) {
      mentions.push(elementEvidence(page, section.selector, section.text, `${spec.topic} section`));
    }
  }

  const names = [...found.keys()];
  const evidence = [...found.values()].slice(0, 8);
  const list = `${names.length} of ${sectors.length} sectors (${names.join(', ') || 'none'})`;
  if (names.length >= needed) {
    return met(0.7, `${capitalise(spec.topic)} found for ${list}.`, evidence);
  }
  if (names.length > 0) {
    return needsReview(
      0.5,
      `${capitalise(spec.topic)} found for only ${list}.`,
      [...evidence, ...mentions].slice(0, 8),
    );
  }
  if (mentions.length > 0) {
    return notMet(0.6, `A ${spec.topic} section exists but names none of the sectors.`, mentions);
  }
  return notMet(0.75, `No ${spec.topic} found for any sector in ${pages.length} page(s).`, [
    pageEvidence(home, `home page and every captured page searched for ${spec.topic} by sector`),
  ]);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function defineSectorDetector(spec: SectorDetectorSpec): Detector {
  return {
    meta: {
      requires: ['pages'],
      version: spec.version ?? 2,
      hints: [...spec.qualifier, ...Object.values(spec.sectors ?? OSI_SECTORS)],
    },
    detect: (site) => evaluateSectors(spec, site),
  };
}
