import type { Evidence, Method, Rule, RuleResult } from '../../src/core/index.ts';

export interface GroupRuleSpec {
  id: string;
  code: string;
  criterion: string;
  title: string;
  definition: string;
  /** The rules of the features the item groups (birth, death and marriage certificates). */
  members: readonly Rule[];
  /** What the messages call the members, in order. */
  names: readonly string[];
  /** @default the members' method when they share one, else 'heuristic' */
  method?: Method;
  /** @default 1 */
  version?: number;
}

const EVIDENCE_PER_MEMBER = 2;

/**
 * One questionnaire item that groups several features, each judged by its own rule: met when
 * every feature is met, not_met when none is found, needs_review in between (the assessor scores
 * the grouped item; the evidence of each member is kept).
 */
export function defineGroupRule(spec: GroupRuleSpec): Rule {
  const methods = new Set(spec.members.map((m) => m.meta.method));
  return {
    meta: {
      id: spec.id,
      code: spec.code,
      criterion: spec.criterion,
      title: spec.title,
      definition: spec.definition,
      method: spec.method ?? (methods.size === 1 ? [...methods][0]! : 'heuristic'),
      requires: [...new Set(spec.members.flatMap((m) => m.meta.requires))],
      version: spec.version ?? 1,
      hints: [...new Set(spec.members.flatMap((m) => m.meta.hints ?? []))],
    },
    detect(site): RuleResult {
      const results = spec.members.map((m) => m.detect(site));
      const skipped = results.find((r) => r.outcome === 'not_applicable');
      if (skipped) return skipped;
      const name = (i: number) => spec.names[i] ?? spec.members[i]!.meta.title;
      const evidence: Evidence[] = results.flatMap((r) => r.evidence.slice(0, EVIDENCE_PER_MEMBER));
      const summary = results.map((r, i) => `${name(i)}: ${r.outcome.replace('_', ' ')}`).join('; ');
      const lowest = Math.min(...results.map((r) => r.confidence));
      if (results.every((r) => r.outcome === 'met')) {
        return {
          outcome: 'met',
          confidence: lowest,
          evidence,
          message: `Every part is offered (${summary}).`,
        };
      }
      if (results.every((r) => r.outcome === 'not_met')) {
        return {
          outcome: 'not_met',
          confidence: lowest,
          evidence,
          message: `None of the parts is offered (${summary}).`,
        };
      }
      return {
        outcome: 'needs_review',
        confidence: 0.5,
        evidence,
        message: `Only some parts are confirmed (${summary}); the assessor scores the grouped item.`,
      };
    },
  };
}
