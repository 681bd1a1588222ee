import type { Outcome } from '../core/index.ts';
import type { IndicatorTruth } from '../fixture-server/portal-fixture.ts';
import type { ReportEvidence, ReportIndicator } from '../report/report-types.ts';
import type { EvalEvidence, JudgedIndicator, Verdict } from './eval-types.ts';

const MAX_EVIDENCE = 3;
const MAX_SNIPPET = 200;

export function verdictOf(outcome: Outcome, truth: boolean | null): Verdict {
  if (truth === null) return 'unlabelled';
  if (outcome === 'not_applicable') return 'not_assessed';
  const said = outcome === 'met';
  if (said) return truth ? 'TP' : 'FP';
  return truth ? 'FN' : 'TN';
}

/** What judging needs of a result: a report.json indicator, or an engine result with `id` = its rule id. */
export type JudgeInput = Pick<
  ReportIndicator,
  'code' | 'id' | 'criterion' | 'method' | 'outcome' | 'confidence' | 'message'
> & { evidence: readonly ReportEvidence[] };

export interface JudgeContext {
  portal: string;
  /** The portal's language as its labels give it (`zh-CN`, `ar`). */
  language: string;
  catalog: string;
  labels: Record<string, IndicatorTruth>;
  /** Maps a served URL back to what a reader recognises: origin → '' (main site) or the host in the HTML. */
  origins: Record<string, string>;
}

/** Compares one portal's results with its labels, one row per result. */
export function judgeResults(results: readonly JudgeInput[], ctx: JudgeContext): JudgedIndicator[] {
  return results.map((r) => {
    const label = ctx.labels[r.code];
    const truth = label ? label.met : null;
    return {
      portal: ctx.portal,
      language: primaryLanguage(ctx.language),
      catalog: ctx.catalog,
      code: r.code,
      ruleId: r.id,
      method: r.method,
      criterion: r.criterion,
      outcome: r.outcome,
      confidence: r.confidence,
      truth,
      ...(label?.where ? { truthWhere: label.where } : {}),
      ...(label?.note ? { truthNote: label.note } : {}),
      verdict: verdictOf(r.outcome, truth),
      message: r.message,
      evidence: r.evidence.slice(0, MAX_EVIDENCE).map((e) => shortEvidence(e, ctx.origins)),
    };
  });
}

/** `zh-CN` → `zh`, `AR` → `ar`: results are grouped by language, not by region. */
export function primaryLanguage(tag: string): string {
  return tag.split(/[-_]/)[0]!.toLowerCase();
}

function shortEvidence(e: ReportEvidence, origins: Record<string, string>): EvalEvidence {
  return {
    page: displayUrl(e.pageUrl, origins),
    kind: e.kind,
    ...(e.selector ? { selector: e.selector } : {}),
    ...(e.snippet ? { snippet: clip(e.snippet) } : {}),
    ...(e.linkPath && e.linkPath.length > 1
      ? { linkPath: e.linkPath.slice(1).map((step) => step.text || displayUrl(step.url, origins)) }
      : {}),
    ...(e.note ? { note: e.note } : {}),
  };
}

/** `http://127.0.0.1:4123/a/b` → `/a/b`; an external fixture origin → its host as written in the HTML. */
export function displayUrl(url: string, origins: Record<string, string>): string {
  for (const [origin, label] of Object.entries(origins)) {
    if (url === origin || url.startsWith(`${origin}/`)) return `${label}${url.slice(origin.length) || '/'}`;
  }
  return url;
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_SNIPPET ? `${flat.slice(0, MAX_SNIPPET - 1)}…` : flat;
}
