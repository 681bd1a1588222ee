import { asc, desc, eq, inArray } from 'drizzle-orm';
import { type Evidence, type IndicatorResult, TOOL_VERSION } from '../../src/core/index.ts';
import type { Store } from '../client.ts';
import { evaluations, evidenceItems, indicatorResults } from '../schema/index.ts';

export type EvaluationRow = typeof evaluations.$inferSelect;

export interface StoredEvaluation extends EvaluationRow {
  /** In the order given; `resultId` is what a review points at. */
  results: (IndicatorResult & { resultId: number })[];
}

type EvidenceRow = typeof evidenceItems.$inferSelect;

/**
 * Every rule run over a run's captures is a new evaluation (first audit, later rescoring); the
 * latest is current. Evaluations are written whole, in one transaction, and never changed.
 */
export class EvaluationsRepo {
  constructor(private readonly store: Store) {}

  create(
    runId: number,
    catalog: { id: string; version: string },
    results: readonly IndicatorResult[],
    options: { toolVersion?: string; createdAt?: string } = {},
  ): number {
    const { db } = this.store;
    return this.store.transaction(() => {
      const evaluation = db
        .insert(evaluations)
        .values({
          runId,
          catalogId: catalog.id,
          catalogVersion: catalog.version,
          toolVersion: options.toolVersion ?? TOOL_VERSION,
          createdAt: options.createdAt ?? new Date().toISOString(),
        })
        .returning({ id: evaluations.id })
        .get();
      for (const result of results) {
        const { id: resultId } = db
          .insert(indicatorResults)
          .values({
            evaluationId: evaluation.id,
            ruleId: result.ruleId,
            code: result.code,
            criterion: result.criterion,
            method: result.method,
            ruleVersion: result.ruleVersion,
            outcome: result.outcome,
            confidence: result.confidence,
            message: result.message,
          })
          .returning({ id: indicatorResults.id })
          .get();
        if (result.evidence.length === 0) continue;
        db.insert(evidenceItems)
          .values(
            result.evidence.map((e, ordinal) => ({
              resultId,
              ordinal,
              pageUrl: e.pageUrl,
              kind: e.kind,
              selector: e.selector ?? null,
              snippet: e.snippet ?? null,
              linkPath: e.linkPath ?? null,
              screenshotHash: e.screenshot ?? null,
              note: e.note ?? null,
            })),
          )
          .run();
      }
      return evaluation.id;
    });
  }

  byId(evaluationId: number): StoredEvaluation | null {
    const row = this.store.db.select().from(evaluations).where(eq(evaluations.id, evaluationId)).get();
    return row ? this.withResults(row) : null;
  }

  latestForRun(runId: number): StoredEvaluation | null {
    const row = this.store.db
      .select()
      .from(evaluations)
      .where(eq(evaluations.runId, runId))
      .orderBy(desc(evaluations.id))
      .limit(1)
      .get();
    return row ? this.withResults(row) : null;
  }

  /** The current results of a run (latest evaluation), or [] when it was never evaluated. */
  latestResults(runId: number): IndicatorResult[] {
    return (this.latestForRun(runId)?.results ?? []).map(({ resultId: _id, ...result }) => result);
  }

  /** Evaluations of a run, oldest first, without their results. */
  listForRun(runId: number): EvaluationRow[] {
    return this.store.db
      .select()
      .from(evaluations)
      .where(eq(evaluations.runId, runId))
      .orderBy(asc(evaluations.id))
      .all();
  }

  private withResults(evaluation: EvaluationRow): StoredEvaluation {
    const { db } = this.store;
    const resultRows = db
      .select()
      .from(indicatorResults)
      .where(eq(indicatorResults.evaluationId, evaluation.id))
      .orderBy(asc(indicatorResults.id))
      .all();
    const evidenceByResult = new Map<number, Evidence[]>();
    if (resultRows.length > 0) {
      const evidenceRows = db
        .select()
        .from(evidenceItems)
        .where(
          inArray(
            evidenceItems.resultId,
            db
              .select({ id: indicatorResults.id })
              .from(indicatorResults)
              .where(eq(indicatorResults.evaluationId, evaluation.id)),
          ),
        )
        .orderBy(asc(evidenceItems.resultId), asc(evidenceItems.ordinal))
        .all();
      for (const row of evidenceRows) {
        const list = evidenceByResult.get(row.resultId) ?? [];
        list.push(toEvidence(row));
        evidenceByResult.set(row.resultId, list);
      }
    }
    return {
      ...evaluation,
      results: resultRows.map((r) => ({
        resultId: r.id,
        ruleId: r.ruleId,
        code: r.code,
        criterion: r.criterion,
        method: r.method,
        ruleVersion: r.ruleVersion,
        outcome: r.outcome,
        confidence: r.confidence,
        message: r.message,
        evidence: evidenceByResult.get(r.id) ?? [],
      })),
    };
  }
}

function toEvidence(row: EvidenceRow): Evidence {
  const evidence: Evidence = { pageUrl: row.pageUrl, kind: row.kind };
  if (row.selector !== null) evidence.selector = row.selector;
  if (row.snippet !== null) evidence.snippet = row.snippet;
  if (row.linkPath !== null) evidence.linkPath = row.linkPath;
  if (row.screenshotHash !== null) evidence.screenshot = row.screenshotHash;
  if (row.note !== null) evidence.note = row.note;
  return evidence;
}
