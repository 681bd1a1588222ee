import type { Evidence, IndicatorResult, PageCapture } from '../core/index.ts';
import { scorePortal } from '../scoring/cohort-score.ts';
import type { ScoringCatalog } from '../scoring/losi-score.ts';
import type { AccessibilityIssue, ReportActions } from './report-types.ts';

/** Outcomes that count against the score under the default policy. */
const FAILING = new Set(['not_met', 'needs_review']);

/** axe impacts as weights: a critical problem on one page outranks a minor one on three. */
export const IMPACT_WEIGHT: Record<string, number> = { critical: 4, serious: 3, moderate: 2, minor: 1 };

export interface SearchScope {
  pages: number;
  links: number;
}

/** What a not-met verdict rests on: the portal pages captured and the distinct links on them. */
export function searchScope(pages: readonly PageCapture[]): SearchScope {
  const portal = pages.filter((p) => p.site === 'portal' && p.status === 'ok');
  const links = new Set<string>();
  for (const page of portal) for (const link of page.links) if (!link.placeholder) links.add(link.href);
  return { pages: portal.length, links: links.size };
}

/**
 * Where the tool looked for an indicator, in words: "Searched 30 pages and 412 links for procurement."
 * The topic comes from the rule's own note on its page-level evidence ("… searched for procurement").
 */
export function searchedSentence(
  result: Pick<IndicatorResult, 'evidence' | 'message'>,
  scope: SearchScope,
): string {
  const whole = result.evidence.find(isWholeSiteEvidence);
  const topic = whole?.note ? /searched for (.+)$/.exec(whole.note)?.[1] : undefined;
  const where = `${scope.pages} page${scope.pages === 1 ? '' : 's'} and ${scope.links} link${scope.links === 1 ? '' : 's'}`;
  if (topic) return `Searched ${where} for ${topic}.`;
  const looked = result.evidence.find((e) => e.note && !isWholeSiteEvidence(e));
  if (looked?.note) return `Looked at ${looked.pageUrl}: ${looked.note}.`;
  return `Searched ${where}. ${result.message}`;
}

/** The page-level evidence a rule gives when it found nothing: the home page's status and title. */
export function isWholeSiteEvidence(e: Pick<Evidence, 'kind' | 'selector'>): boolean {
  return e.kind === 'http' && e.selector === 'html';
}

/**
 * The not-met indicators, ordered by what meeting each would add to the score (criterion weight and
 * how many indicators its criterion has assessed, whatever the scoring method), then by code.
 */
export function indicatorActions(
  catalog: ScoringCatalog & { entries: readonly { code: string; title: string; definition: string }[] },
  results: readonly IndicatorResult[],
  scope: SearchScope,
): ReportActions['indicators'] {
  const score = scorePortal(catalog, results);
  const before = score.value ?? 0;
  const weightOf = new Map(catalog.criteria.map((c) => [c.code, c.weight]));
  // Within equal gains, an indicator of a criterion with fewer indicators weighs more in that criterion.
  const criterionWorth = (code: string) =>
    (weightOf.get(code) ?? 1) / Math.max(1, score.criteria[code]?.assessed ?? 1);
  const entryOf = new Map(catalog.entries.map((e) => [e.code, e]));
  return results
    .filter((r) => FAILING.has(r.outcome))
    .map((r) => {
      const flipped = results.map((o) => (o === r ? { ...o, outcome: 'met' as const } : o));
      const gain = (scorePortal(catalog, flipped).value ?? 0) - before;
      const entry = entryOf.get(r.code);
      return {
        code: r.code,
        title: entry?.title ?? r.code,
        criterion: r.criterion,
        outcome: r.outcome,
        gain: Math.max(0, gain),
        lookedFor: entry?.definition ?? r.message,
        searched: searchedSentence(r, scope),
      };
    })
    .sort(
      (a, b) =>
        round6(b.gain - a.gain) ||
        criterionWorth(b.criterion) - criterionWorth(a.criterion) ||
        a.code.localeCompare(b.code, 'en', { numeric: true }),
    );
}

/** Float noise (1/88 computed two ways) must not decide an order. */
function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** WCAG problems by impact × pages affected, each with the fix axe advises for its first element. */
export function accessibilityActions(
  violations: readonly AccessibilityIssue[],
): ReportActions['accessibility'] {
  return violations
    .map((v) => {
      const weight = IMPACT_WEIGHT[v.impact ?? ''] ?? 1;
      return {
        ruleId: v.ruleId,
        help: v.help,
        impact: v.impact,
        pages: v.pages.length,
        nodes: v.nodes,
        priority: weight * v.pages.length,
        fix: v.examples.find((x) => x.fix)?.fix ?? v.help,
        helpUrl: v.helpUrl,
      };
    })
    .sort((a, b) => b.priority - a.priority || b.nodes - a.nodes || a.ruleId.localeCompare(b.ruleId));
}
