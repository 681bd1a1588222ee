import {
  type AxeFinding,
  type Catalog,
  type CrawlEnd,
  type IndicatorResult,
  type Level,
  type PageCapture,
  TOOL_NAME,
  TOOL_VERSION,
} from '../core/index.ts';
import type { Posture } from '../posture/index.ts';
import { scorePortal } from '../scoring/cohort-score.ts';
import { accessibilityActions, indicatorActions, searchScope } from './actions.ts';
import { type ElementShots, evidenceKey } from './element-shots.ts';
import { lexiconCoverage } from './lexicon-coverage.ts';
import type {
  AccessibilityIssue,
  AuditReport,
  Comparison,
  CrawledPage,
  ReportAccessibility,
  ReportIndicator,
} from './report-types.ts';

export interface ReportInput {
  runId: number;
  target: { url: string; level: Level };
  crawl: CrawlEnd;
  catalog: Pick<Catalog, 'id' | 'version' | 'criteria' | 'thresholds' | 'entries'> &
    Partial<Pick<Catalog, 'level' | 'title'>>;
  pages: readonly PageCapture[];
  results: readonly IndicatorResult[];
  /** Maps a screenshot hash to the path the report uses for it (relative to the report directory). */
  screenshotPath?: (hash: string) => string;
  /** The same site's previous audit and what changed (see comparison.ts); null when there is none. */
  comparedWith?: Comparison | null;
  /** Pictures of evidence elements, outlined and cropped (see element-shots.ts). */
  elementShots?: ElementShots;
  /** Security, privacy and speed, judged from the same captures (see src/posture/). */
  posture?: Posture;
}

const MAX_EXAMPLES = 5;

export function buildReport(input: ReportInput): AuditReport {
  const { crawl, catalog, pages } = input;
  const entryOf = new Map(catalog.entries.map((e) => [e.ruleId, e]));
  const indicators: ReportIndicator[] = input.results.map((r) => ({
    code: r.code,
    id: r.ruleId,
    criterion: r.criterion,
    title: entryOf.get(r.ruleId)?.title ?? r.ruleId,
    ...(entryOf.get(r.ruleId)?.definition ? { definition: entryOf.get(r.ruleId)?.definition } : {}),
    method: r.method,
    outcome: r.outcome,
    confidence: r.confidence,
    message: r.message,
    evidence: r.evidence.map(({ screenshot, ...rest }) => {
      const key = input.elementShots ? evidenceKey(rest) : null;
      const shot = key ? input.elementShots?.get(key) : undefined;
      return {
        ...rest,
        ...(screenshot && input.screenshotPath ? { screenshot: input.screenshotPath(screenshot) } : {}),
        ...(shot && input.screenshotPath ? { elementShot: input.screenshotPath(shot) } : {}),
      };
    }),
  }));
  const accessibility = summariseAccessibility(pages);
  const audited = wasAudited(crawl);
  const home = pages.find((p) => p.url === crawl.finalHomeUrl) ?? pages.find((p) => p.site === 'portal');
  return {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    generatedAt: new Date().toISOString(),
    runId: input.runId,
    target: { url: input.target.url, finalUrl: crawl.finalHomeUrl, level: input.target.level },
    audited,
    catalog: { id: catalog.id, version: catalog.version, ...(catalog.title ? { title: catalog.title } : {}) },
    lexicon: audited ? lexiconCoverage(home) : null,
    crawl: {
      outcome: crawl.outcome,
      stopReason: crawl.stopReason,
      pages: crawl.pages,
      renderedPages: pages.filter((p) => p.rendered).length,
      externalPages: pages.filter((p) => p.site === 'external' && p.status === 'ok').length,
      spa: crawl.spa,
      startedAt: crawl.startedAt,
      finishedAt: crawl.finishedAt,
      statuses: crawl.statuses,
      ...(crawl.message ? { message: crawl.message } : {}),
      pageList: pages.map(crawledPage),
    },
    indicators,
    ...(audited
      ? {
          actions: {
            indicators: indicatorActions(catalog, input.results, searchScope(pages)),
            accessibility: accessibilityActions(accessibility.violations),
          },
        }
      : {}),
    accessibility,
    score: scorePortal(catalog, input.results),
    comparedWith: input.comparedWith ?? null,
    ...(audited && input.posture ? { posture: input.posture } : {}),
  };
}

function crawledPage(p: PageCapture): CrawledPage {
  return {
    url: p.url,
    finalUrl: p.finalUrl,
    status: p.status,
    httpStatus: p.httpStatus,
    depth: p.depth,
    site: p.site,
    rendered: p.rendered,
    title: p.title,
    linkPath: p.linkPath,
  };
}

/** A portal is audited when its home page was captured; otherwise nothing can be judged. */
export function wasAudited(crawl: Pick<CrawlEnd, 'outcome'>): boolean {
  return crawl.outcome === 'ok';
}

/** "wcag143" → "1.4.3"; level tags (wcag2a, wcag21aa) are not criteria. */
export function wcagCriteria(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const tag of tags) {
    const m = /^wcag(\d)(\d)(\d{1,2})$/.exec(tag);
    if (m) out.push(`${m[1]}.${m[2]}.${m[3]}`);
  }
  return out;
}

function summariseAccessibility(pages: readonly PageCapture[]): ReportAccessibility {
  const audited = pages.filter((p) => p.render?.axe);
  const firstAxe = audited[0]?.render?.axe;
  return {
    standard: 'WCAG 2.2 AA, which includes the WCAG 2.1 AA that indicator 210 asks for',
    engine: firstAxe ? `axe-core ${firstAxe.engineVersion}` : null,
    pagesAudited: audited.length,
    violations: groupFindings(audited, (p) => p.render?.axe?.violations ?? []),
    needsReview: groupFindings(audited, (p) => p.render?.axe?.incomplete ?? []),
  };
}

const IMPACT_ORDER: Record<string, number> = { critical: 0, serious: 1, moderate: 2, minor: 3 };

function groupFindings(
  pages: readonly PageCapture[],
  findingsOf: (p: PageCapture) => readonly AxeFinding[],
): AccessibilityIssue[] {
  const byRule = new Map<string, AccessibilityIssue>();
  for (const page of pages) {
    for (const f of findingsOf(page)) {
      let issue = byRule.get(f.ruleId);
      if (!issue) {
        issue = {
          ruleId: f.ruleId,
          impact: f.impact,
          help: f.help,
          helpUrl: f.helpUrl,
          wcag: wcagCriteria(f.tags),
          pages: [],
          nodes: 0,
          examples: [],
        };
        byRule.set(f.ruleId, issue);
      }
      issue.pages.push(page.finalUrl);
      issue.nodes += f.nodeCount;
      for (const node of f.nodes) {
        if (issue.examples.length >= MAX_EXAMPLES) break;
        issue.examples.push({
          pageUrl: page.finalUrl,
          selector: node.selector,
          html: node.html,
          ...(node.failureSummary ? { fix: node.failureSummary } : {}),
        });
      }
    }
  }
  return [...byRule.values()].sort(
    (a, b) =>
      (IMPACT_ORDER[a.impact ?? ''] ?? 9) - (IMPACT_ORDER[b.impact ?? ''] ?? 9) ||
      b.pages.length - a.pages.length ||
      a.ruleId.localeCompare(b.ruleId),
  );
}
