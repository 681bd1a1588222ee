import { type Repositories, type RunViolation, repositories, type Store } from '../../db/index.ts';
import type { Outcome } from '../core/index.ts';
import { scoreRun } from '../scoring/run-score.ts';
import type { Change, Comparison } from './report-types.ts';

const FAILING: ReadonlySet<Outcome> = new Set(['not_met', 'needs_review']);

/** How an indicator moved from one audit to the next (see Comparison in report-types.ts). */
export function changeOf(before: Outcome | null, after: Outcome | null): Change {
  const wasFailing = before !== null && FAILING.has(before);
  const isFailing = after !== null && FAILING.has(after);
  if (isFailing) return wasFailing ? 'still_failing' : 'new';
  if (wasFailing && after === 'met') return 'fixed';
  return before === after ? 'unchanged' : 'changed';
}

/** The report's comparison with the same site's previous audit in the store, or null when it has none. */
export function compareWithPrevious(store: Store, runId: number): Comparison | null {
  const earlier = repositories(store).runHistory.previousAudit(runId);
  return earlier ? compareRuns(store, earlier.id, runId) : null;
}

/**
 * Run `beforeId` against run `afterId`: final values (reviews in force, else the automated verdict)
 * per indicator, score delta, and the WCAG rules failed in either.
 */
export function compareRuns(store: Store, beforeId: number, afterId: number): Comparison {
  const repos = repositories(store);
  const before = scoreRun(repos, beforeId);
  const after = scoreRun(repos, afterId);
  const titleOf = new Map(
    [...before.catalog.entries, ...after.catalog.entries].map((e) => [e.code, e.title]),
  );
  const outcomeBefore = new Map(before.finals.map((f) => [f.code, f.outcome]));
  const outcomeAfter = new Map(after.finals.map((f) => [f.code, f.outcome]));
  const codes = [...new Set([...after.finals.map((f) => f.code), ...before.finals.map((f) => f.code)])];
  const a = before.score.value;
  const b = after.score.value;
  return {
    runId: before.run.id,
    date: before.run.startedAt,
    catalog: { id: before.catalog.id, version: before.catalog.version },
    score: { before: a, after: b, delta: a === null || b === null ? null : b - a },
    indicators: codes.map((code) => {
      const was = outcomeBefore.get(code) ?? null;
      const is = outcomeAfter.get(code) ?? null;
      return { code, title: titleOf.get(code) ?? code, before: was, after: is, change: changeOf(was, is) };
    }),
    wcag: compareViolations(repos, beforeId, afterId),
  };
}

function compareViolations(repos: Repositories, beforeId: number, afterId: number): Comparison['wcag'] {
  const history = repos.runHistory;
  // A run checked with no browser says nothing about WCAG: no "fixed" for rules it could not see.
  if (history.axePages(beforeId) === 0 || history.axePages(afterId) === 0) return [];
  const was = byRule(history.violations(beforeId));
  const is = byRule(history.violations(afterId));
  const rules = [...new Set([...is.keys(), ...was.keys()])].sort();
  return rules.map((ruleId) => {
    const pagesBefore = was.get(ruleId)?.pages ?? 0;
    const pagesAfter = is.get(ruleId)?.pages ?? 0;
    return {
      ruleId,
      help: is.get(ruleId)?.help ?? was.get(ruleId)?.help ?? ruleId,
      pagesBefore,
      pagesAfter,
      change: pagesAfter === 0 ? 'fixed' : pagesBefore === 0 ? 'new' : 'still_failing',
    };
  });
}

function byRule(violations: readonly RunViolation[]): Map<string, RunViolation> {
  return new Map(violations.map((v) => [v.ruleId, v]));
}
