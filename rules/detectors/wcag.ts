import { type AxeSummary, defineDetector, type Evidence, type PageCapture } from '../../src/core/index.ts';
import { pageEvidence } from '../_shared/evidence.ts';
import { okHome, pageUrlOf } from '../_shared/pages.ts';
import { homeNotCaptured, met, needsReview, notMet } from '../_shared/result.ts';
import { clip } from '../_shared/snippet.ts';

const MAX_NODES = 10;

/**
 * The survey asks for WCAG 2.1 AA; the crawler's axe run also checks WCAG 2.2's new criteria, which the
 * report lists but this indicator does not count.
 */
const WCAG21_AA_TAGS = new Set(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);

function wcag21Violations(axe: AxeSummary): AxeSummary['violations'] {
  return axe.violations.filter((v) => v.tags.some((t) => WCAG21_AA_TAGS.has(t)));
}

function axeEvidence(page: PageCapture, axe: AxeSummary, room: number): Evidence[] {
  const items: Evidence[] = [];
  for (const finding of wcag21Violations(axe)) {
    for (const node of finding.nodes.slice(0, 2)) {
      if (items.length >= room) return items;
      items.push({
        pageUrl: pageUrlOf(page),
        kind: 'axe-node',
        selector: node.selector,
        snippet: clip(`${finding.ruleId}: ${node.html}`),
        linkPath: page.linkPath,
        ...(page.render?.screenshot ? { screenshot: page.render.screenshot } : {}),
        note: `${finding.impact ?? 'unknown'} impact — ${finding.help} (${finding.nodeCount} element(s) on this page)`,
      });
    }
  }
  return items;
}

export default defineDetector({
  meta: {
    requires: ['pages', 'render', 'axe'],
    version: 2,
  },
  detect(site) {
    const home = okHome(site);
    if (!home) return homeNotCaptured(site);
    const audited = site.pages.filter((p) => p.site === 'portal' && p.status === 'ok' && p.render?.axe);
    if (audited.length === 0) {
      return needsReview(0.3, 'Not assessable: no page was rendered and checked with axe-core.', [
        pageEvidence(home, 'no axe-core result for any page (run with rendering enabled)'),
      ]);
    }
    const failing = audited.filter((p) => wcag21Violations(p.render!.axe!).length > 0);
    if (failing.length > 0) {
      const evidence: Evidence[] = [];
      for (const page of failing) {
        evidence.push(...axeEvidence(page, page.render!.axe!, MAX_NODES - evidence.length));
        if (evidence.length >= MAX_NODES) break;
      }
      const rules = new Set(failing.flatMap((p) => wcag21Violations(p.render!.axe!).map((v) => v.ruleId)));
      return notMet(
        0.95,
        `axe-core found WCAG 2.1 AA violations on ${failing.length} of ${audited.length} audited page(s): ${[...rules].slice(0, 8).join(', ')}${rules.size > 8 ? '…' : ''}.`,
        evidence,
      );
    }
    const engine = audited[0]!.render!.axe!;
    const incomplete = audited.reduce((n, p) => n + p.render!.axe!.incomplete.length, 0);
    return met(
      0.85,
      `No axe-core ${engine.engineVersion} WCAG 2.1 AA violations on ${audited.length} audited page(s)${incomplete ? ` (${incomplete} item(s) need a manual check)` : ''}; automated checks cannot prove full conformance.`,
      audited
        .slice(0, 10)
        .map((p) =>
          pageEvidence(
            p,
            `axe-core: 0 WCAG 2.1 AA violations, ${p.render!.axe!.passes} passed rules, ${p.render!.axe!.incomplete.length} to review`,
          ),
        ),
    );
  },
});
