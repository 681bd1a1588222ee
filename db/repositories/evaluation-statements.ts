import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Store } from '../client.ts';
import { evaluations, evidenceItems, indicatorResults } from '../schema/index.ts';

const p = sql.placeholder;

/** Prepared once per store: a campaign rescoring writes and reads tens of thousands of results. */
export function prepareEvaluationStatements(store: Store) {
  const { db } = store;
  return {
    insertEvaluation: db
      .insert(evaluations)
      .values({
        runId: p('runId'),
        catalogId: p('catalogId'),
        catalogVersion: p('catalogVersion'),
        toolVersion: p('toolVersion'),
        createdAt: p('createdAt'),
      })
      .returning({ id: evaluations.id })
      .prepare(),
    insertResult: db
      .insert(indicatorResults)
      .values({
        evaluationId: p('evaluationId'),
        ruleId: p('ruleId'),
        code: p('code'),
        criterion: p('criterion'),
        method: p('method'),
        ruleVersion: p('ruleVersion'),
        outcome: p('outcome'),
        confidence: p('confidence'),
        message: p('message'),
      })
      .returning({ id: indicatorResults.id })
      .prepare(),
    insertEvidence: db
      .insert(evidenceItems)
      .values({
        resultId: p('resultId'),
        ordinal: p('ordinal'),
        pageUrl: p('pageUrl'),
        kind: p('kind'),
        selector: p('selector'),
        snippet: p('snippet'),
        highlight: sql`${p('highlight')}`,
        // Raw placeholder: the caller serialises, so that a missing path is SQL NULL, not the text 'null'.
        linkPath: sql`${p('linkPath')}`,
        screenshotHash: p('screenshotHash'),
        note: p('note'),
      })
      .prepare(),
    byId: db
      .select()
      .from(evaluations)
      .where(eq(evaluations.id, p('evaluationId')))
      .prepare(),
    latestOfRun: db
      .select()
      .from(evaluations)
      .where(eq(evaluations.runId, p('runId')))
      .orderBy(desc(evaluations.id))
      .limit(1)
      .prepare(),
    allOfRun: db
      .select()
      .from(evaluations)
      .where(eq(evaluations.runId, p('runId')))
      .orderBy(asc(evaluations.id))
      .prepare(),
    resultsOf: db
      .select()
      .from(indicatorResults)
      .where(eq(indicatorResults.evaluationId, p('evaluationId')))
      .orderBy(asc(indicatorResults.id))
      .prepare(),
    outcomesOf: db
      .select({ code: indicatorResults.code, outcome: indicatorResults.outcome })
      .from(indicatorResults)
      .where(eq(indicatorResults.evaluationId, p('evaluationId')))
      .orderBy(asc(indicatorResults.id))
      .prepare(),
    firstEvidenceOf: db
      .select({ resultId: evidenceItems.resultId, pageUrl: evidenceItems.pageUrl })
      .from(evidenceItems)
      .where(
        and(
          eq(evidenceItems.ordinal, 0),
          inArray(
            evidenceItems.resultId,
            db
              .select({ id: indicatorResults.id })
              .from(indicatorResults)
              .where(eq(indicatorResults.evaluationId, p('evaluationId'))),
          ),
        ),
      )
      .prepare(),
    evidenceOf: db
      .select()
      .from(evidenceItems)
      .where(
        inArray(
          evidenceItems.resultId,
          db
            .select({ id: indicatorResults.id })
            .from(indicatorResults)
            .where(eq(indicatorResults.evaluationId, p('evaluationId'))),
        ),
      )
      .orderBy(asc(evidenceItems.resultId), asc(evidenceItems.ordinal))
      .prepare(),
  };
}
