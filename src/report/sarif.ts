import type { AxeResults } from 'axe-core';
import { convertAxeToSarif } from 'axe-sarif-converter';
import type * as Sarif from 'sarif';
import type { AxeFinding, AxeSummary, PageCapture } from '../core/index.ts';
import type { AuditReport } from './report-types.ts';

/**
 * report.sarif (SARIF 2.1.0) for a CI: one run of axe-core's WCAG findings, converted by
 * axe-sarif-converter page by page and merged into one run (code-scanning services take one run per
 * tool), and one run of portal-audit's survey indicators that are not met or need review.
 */
export function buildSarif(report: AuditReport, pages: readonly PageCapture[]): Sarif.Log {
  const runs: Sarif.Run[] = [];
  const axe = axeRun(pages);
  if (axe) runs.push(axe);
  runs.push(indicatorRun(report));
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs,
  };
}

function axeRun(pages: readonly PageCapture[]): Sarif.Run | null {
  let merged: Sarif.Run | null = null;
  for (const page of pages) {
    const axe = page.render?.axe;
    if (!axe || page.status !== 'ok') continue;
    const [run] = convertAxeToSarif(asAxeResults(page, axe)).runs;
    if (!run) continue;
    // Only what failed: passes and inapplicable rules would bury the findings a CI looks for.
    run.results = (run.results ?? []).filter((r) => r.kind === 'fail' || r.kind === 'open');
    merged = merged ? mergeRun(merged, run) : run;
  }
  return merged;
}

/** Appends one page's run to the merged run: its artifact, its new rules, its results re-indexed. */
function mergeRun(into: Sarif.Run, page: Sarif.Run): Sarif.Run {
  into.artifacts ??= [];
  into.tool.driver.rules ??= [];
  into.results ??= [];
  const { artifacts, results } = into;
  const rules = into.tool.driver.rules;
  const artifactIndex = artifacts.length;
  artifacts.push(...(page.artifacts ?? []));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  for (const rule of page.tool.driver.rules ?? []) {
    if (!ruleIndex.has(rule.id)) {
      ruleIndex.set(rule.id, rules.length);
      rules.push(rule);
    }
  }
  for (const result of page.results ?? []) {
    const index = result.ruleId ? ruleIndex.get(result.ruleId) : undefined;
    results.push({
      ...result,
      ...(index !== undefined ? { ruleIndex: index } : {}),
      locations: result.locations?.map((l) => ({
        ...l,
        physicalLocation: l.physicalLocation && {
          ...l.physicalLocation,
          artifactLocation: l.physicalLocation.artifactLocation && {
            ...l.physicalLocation.artifactLocation,
            index: artifactIndex,
          },
        },
      })),
    });
  }
  return into;
}

/** The captured axe summary in the shape axe-core returns, enough for the converter. */
function asAxeResults(page: PageCapture, axe: AxeSummary): AxeResults {
  const rule = (f: AxeFinding) => ({
    id: f.ruleId,
    impact: f.impact ?? undefined,
    tags: f.tags,
    description: f.help,
    help: f.help,
    helpUrl: f.helpUrl,
    nodes: f.nodes.map((n) => ({
      html: n.html,
      target: [n.selector],
      impact: f.impact ?? undefined,
      failureSummary: n.failureSummary,
      ...checksOf(n.failureSummary, f.help),
    })),
  });
  return {
    toolOptions: {},
    testEngine: { name: 'axe-core', version: axe.engineVersion },
    testRunner: { name: 'portal-audit' },
    testEnvironment: { userAgent: '', windowWidth: 1280, windowHeight: 800 },
    url: page.finalUrl,
    timestamp: page.fetchedAt,
    passes: [],
    inapplicable: [],
    violations: axe.violations.map(rule),
    incomplete: axe.incomplete.map(rule),
  } as unknown as AxeResults;
}

/**
 * axe's failure summary ("Fix any of the following:\n  Element has …") back into the check lists the
 * converter words its messages from.
 */
function checksOf(summary: string | undefined, help: string) {
  const check = (message: string) => ({
    id: 'check',
    message,
    data: null,
    relatedNodes: [],
    impact: 'serious',
  });
  const all: ReturnType<typeof check>[] = [];
  const any: ReturnType<typeof check>[] = [];
  let list = any;
  for (const line of (summary ?? '').split('\n')) {
    const text = line.trim();
    if (!text) continue;
    if (/^Fix all of the following:?$/i.test(text)) list = all;
    else if (/^Fix any of the following:?$/i.test(text)) list = any;
    else list.push(check(text.replace(/\.$/, '')));
  }
  if (all.length === 0 && any.length === 0) any.push(check(help));
  return { all, any, none: [] };
}

function indicatorRun(report: AuditReport): Sarif.Run {
  const failing = report.indicators.filter((i) => i.outcome === 'not_met' || i.outcome === 'needs_review');
  const home = report.target.finalUrl ?? report.target.url;
  return {
    tool: {
      driver: {
        name: report.tool.name,
        version: report.tool.version,
        informationUri: 'https://publicadministration.un.org/egovkb/',
        rules: failing.map((i) => ({
          id: i.id,
          name: i.title,
          shortDescription: { text: `${i.code} ${i.title}` },
          fullDescription: { text: i.definition ?? i.title },
          properties: { criterion: i.criterion, catalog: report.catalog.id },
        })),
      },
    },
    artifacts: [{ location: { uri: home } }],
    results: failing.map((i, ruleIndex) => ({
      ruleId: i.id,
      ruleIndex,
      kind: i.outcome === 'not_met' ? 'fail' : 'review',
      level: i.outcome === 'not_met' ? 'warning' : 'note',
      message: { text: `${i.code} ${i.title}: ${i.message}` },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: i.evidence[0]?.pageUrl ?? home } },
          ...(i.evidence[0]?.selector
            ? { logicalLocations: [{ fullyQualifiedName: i.evidence[0].selector, kind: 'element' }] }
            : {}),
        },
      ],
    })),
  };
}
