import {
  type CapturedLink,
  defineDetector,
  type PageCapture,
  type RuleResult,
} from '../../src/core/index.ts';
import { elementEvidence, linkEvidence } from '../_shared/evidence.ts';
import { govDomainOf, hostOf } from '../_shared/gov-domains.ts';
import { headingMatch } from '../_shared/headings.ts';
import { okPortalPages } from '../_shared/pages.ts';
import { met } from '../_shared/result.ts';
import { linkSocialKind } from '../_shared/social.ts';
import { evaluateTopic, type TopicDetectorSpec } from '../_shared/topic-detector.ts';

const SPEC: TopicDetectorSpec = {
  topic: 'useful links',
  concepts: ['usefulLinks'],
  sectionHeadingLevel: 4,
  content: (page) => {
    // A links section is a run of outbound links; a page titled "Useful links" may hold only two.
    const titled = headingMatch(page, 'usefulLinks', 1) !== null;
    const links = outboundRun(page);
    if (links.length < (titled ? 2 : 3)) return null;
    return {
      summary: `${links.length} links to other sites`,
      evidence: linkEvidence(page, links[0]!, `first of ${links.length} outbound links in a row`),
    };
  },
};

function isOutbound(link: CapturedLink): boolean {
  return link.external && !link.placeholder && /^https?:/i.test(link.href) && !linkSocialKind(link);
}

/** Links to other (non-social) websites, one per host. */
function outboundLinks(page: PageCapture): CapturedLink[] {
  const hosts = new Set<string>();
  return page.links.filter((l) => {
    if (!isOutbound(l)) return false;
    const host = hostOf(l.href);
    if (hosts.has(host)) return false;
    hosts.add(host);
    return true;
  });
}

/** The longest run of consecutive outbound links to distinct hosts (a list of links, not scattered mentions). */
function outboundRun(page: PageCapture): CapturedLink[] {
  let best: CapturedLink[] = [];
  let run: CapturedLink[] = [];
  for (const link of page.links) {
    if (/^(mailto|tel):/i.test(link.href)) continue;
    if (!isOutbound(link) || run.some((l) => hostOf(l.href) === hostOf(link.href))) {
      run = isOutbound(link) ? [link] : [];
      continue;
    }
    run.push(link);
    if (run.length > best.length) best = [...run];
  }
  return best;
}

/** A block of links to government-type domains (3+ hosts in one region of a page), with no heading needed. */
function governmentLinkBlock(pages: PageCapture[]): RuleResult | null {
  for (const page of pages) {
    const byRegion = new Map<string, CapturedLink[]>();
    for (const link of outboundLinks(page)) {
      if (!govDomainOf(hostOf(link.href))) continue;
      byRegion.set(link.region, [...(byRegion.get(link.region) ?? []), link]);
    }
    for (const [region, links] of byRegion) {
      if (links.length < 3) continue;
      const heading = headingMatch(page, 'usefulLinks', 3);
      return met(0.8, `${links.length} links to government sites in the ${region} of a page.`, [
        ...links
          .slice(0, 3)
          .map((l) => linkEvidence(page, l, `link to a government domain (${hostOf(l.href)})`)),
        ...(heading ? [elementEvidence(page, heading.selector, heading.text, 'section heading')] : []),
      ]);
    }
  }
  return null;
}

export default defineDetector({
  meta: {
    requires: ['pages'],
    version: 1,
    hints: SPEC.concepts,
  },
  detect(site) {
    const result = evaluateTopic(SPEC, site);
    if (result.outcome === 'met' || result.outcome === 'not_applicable') return result;
    return governmentLinkBlock(okPortalPages(site)) ?? result;
  },
});
