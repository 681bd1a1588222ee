import { type Evidence, type IndicatorResult, type Outcome, TOOL_VERSION } from '../../src/core/index.ts';
import type { Store } from '../client.ts';
import type { evaluations, evidenceItems, indicatorResults } from '../schema/index.ts';
import { prepareEvaluationStatements } from './evaluation-statements.ts';

export type EvaluationRow = typeof evaluations.$inferSelect;

export interface StoredEvaluation extends EvaluationRow {
  /** In the order given; `resultId` is what a review points at. */
  results: (IndicatorResult & { resultId: number })[];
}

/**
 * An evaluation as scoring reads it: every result, with only the page of its first evidence item
 * (the final values name it; the rest of the evidence is for reviewers and reports).
 */
export interface ScoringEvaluation extends EvaluationRow {
  results: (Omit<IndicatorResult, 'evidence'> & { resultId: number; evidence: { pageUrl: string }[] })[];
}

type EvidenceRow = typeof evidenceItems.$inferSelect;
type ResultRow = typeof indicatorResults.$inferSelect;

/**
 * Every rule run over a run's captures is a new evaluation (first audit, later rescoring); the
 * latest is current. Evaluations are written whole, in one transaction, and never changed.
 */
export class EvaluationsRepo {
  private readonly q: ReturnType<typeof prepareEvaluationStatements>;

  constructor(private readonly store: Store) {
    this.q = prepareEvaluationStatements(store);
  }

  create(
    runId: number,
    catalog: { id: string; version: string },
    results: readonly IndicatorResult[],
    options: { toolVersion?: string; createdAt?: string } = {},
  ): number {
    return this.store.transaction(() => {
      const evaluation = this.q.insertEvaluation.get({
        runId,
        catalogId: catalog.id,
        catalogVersion: catalog.version,
        toolVersion: options.toolVersion ?? TOOL_VERSION,
        createdAt: options.createdAt ?? new Date().toISOString(),
      });
      if (!evaluation) throw new Error(`Could not record an evaluation of run ${runId}`);
      for (const result of results) {
        const row = this.q.insertResult.get({
          evaluationId: evaluation.id,
          ruleId: result.ruleId,
          code: result.code,
          criterion: result.criterion,
          method: result.method,
          ruleVersion: result.ruleVersion,
          outcome: result.outcome,
          confidence: result.confidence,
          message: result.message,
        });
        if (!row) throw new Error(`Could not record the result of ${result.ruleId}`);
        result.evidence.forEach((e, ordinal) => {
          this.q.insertEvidence.run({
            resultId: row.id,
            ordinal,
            pageUrl: e.pageUrl,
            kind: e.kind,
            selector: e.selector ?? null,
            snippet: e.snippet ?? null,
            highlight: e.highlight ? JSON.stringify(e.highlight) : null,
            linkPath: e.linkPath ? JSON.stringify(e.linkPath) : null,
            screenshotHash: e.screenshot ?? null,
            note: e.note ?? null,
          });
        });
      }
      return evaluation.id;
    });
  }

  byId(evaluationId: number): StoredEvaluation | null {
    const row = this.q.byId.get({ evaluationId });
    return row ? this.withResults(row) : null;
  }

  latestForRun(runId: number): StoredEvaluation | null {
    const row = this.q.latestOfRun.get({ runId });
    return row ? this.withResults(row) : null;
  }

  /** The current results of a run (latest evaluation), or [] when it was never evaluated. */
  latestResults(runId: number): IndicatorResult[] {
    return (this.latestForRun(runId)?.results ?? []).map(({ resultId: _id, ...result }) => result);
  }

  /** The run's latest evaluation for scoring (see ScoringEvaluation), or null when it was never evaluated. */
  latestForScoring(runId: number): ScoringEvaluation | null {
    const evaluation = this.q.latestOfRun.get({ runId });
    if (!evaluation) return null;
    const firstPage = new Map<number, string>();
    for (const row of this.q.firstEvidenceOf.all({ evaluationId: evaluation.id })) {
      firstPage.set(row.resultId, row.pageUrl);
    }
    return {
      ...evaluation,
      results: this.q.resultsOf.all({ evaluationId: evaluation.id }).map((r) => {
        const pageUrl = firstPage.get(r.id);
        return toResult(r, pageUrl === undefined ? [] : [{ pageUrl }]);
      }),
    };
  }

  /** The outcome of each indicator in the run's latest evaluation (none when it was never evaluated). */
  latestOutcomes(runId: number): Map<string, Outcome> {
    const evaluation = this.q.latestOfRun.get({ runId });
    const rows = evaluation ? this.q.outcomesOf.all({ evaluationId: evaluation.id }) : [];
    return new Map(rows.map((r) => [r.code, r.outcome]));
  }

  /** Evaluations of a run, oldest first, without their results. */
  listForRun(runId: number): EvaluationRow[] {
    return this.q.allOfRun.all({ runId });
  }

  private withResults(evaluation: EvaluationRow): StoredEvaluation {
    const resultRows = this.q.resultsOf.all({ evaluationId: evaluation.id });
    const evidenceByResult = new Map<number, Evidence[]>();
    if (resultRows.length > 0) {
      for (const row of this.q.evidenceOf.all({ evaluationId: evaluation.id })) {
        const list = evidenceByResult.get(row.resultId);
        if (list) list.push(toEvidence(row));
        else evidenceByResult.set(row.resultId, [toEvidence(row)]);
      }
    }
    return {
      ...evaluation,
      results: resultRows.map((r) => toResult(r, evidenceByResult.get(r.id) ?? [])),
    };
  }
}

/** A stored result row as a result with its id, carrying the evidence the caller loaded for it. */
function toResult<E>(
  r: ResultRow,
  evidence: E[],
): Omit<IndicatorResult, 'evidence'> & { resultId: number; evidence: E[] } {
  return {
    resultId: r.id,
    ruleId: r.ruleId,
    code: r.code,
    criterion: r.criterion,
    method: r.method,
    ruleVersion: r.ruleVersion,
    outcome: r.outcome,
    confidence: r.confidence,
    message: r.message,
    evidence,
  };
}

function toEvidence(row: EvidenceRow): Evidence {
  const evidence: Evidence = { pageUrl: row.pageUrl, kind: row.kind };
  if (row.selector !== null) evidence.selector = row.selector;
  if (row.snippet !== null) evidence.snippet = row.snippet;
  if (row.highlight !== null) evidence.highlight = row.highlight;
  if (row.linkPath !== null) evidence.linkPath = row.linkPath;
  if (row.screenshotHash !== null) evidence.screenshot = row.screenshotHash;
  if (row.note !== null) evidence.note = row.note;
  return evidence;
}
