import type { Detector, Evidence, RuleResult } from '../../src/core/index.ts';

export interface GroupDetectorSpec {
  /** The detectors of the features the item groups (birth, death and marriage certificates). */
  members: readonly Detector[];
  /** What the messages call the members, in order. */
  names: readonly string[];
  /** @default 1 */
  version?: number;
}

const EVIDENCE_PER_MEMBER = 2;

/**
 * One questionnaire item that groups several features, each found by its own detector: met when
 * every feature is met, not_met when none is found, needs_review in between (the assessor scores
 * the grouped item; the evidence of each member is kept).
 */
export function defineGroupDetector(spec: GroupDetectorSpec): Detector {
  return {
    meta: {
      requires: [...new Set(spec.members.flatMap((m) => m.meta.requires))],
      version: spec.version ?? 1,
      hints: [...new Set(spec.members.flatMap((m) => m.meta.hints ?? []))],
    },
    detect(site): RuleResult {
      const results = spec.members.map((m) => m.detect(site));
      const skipped = results.find((r) => r.outcome === 'not_applicable');
      if (skipped) return skipped;
      const name = (i: number) => spec.names[i] ?? `part ${i + 1}`;
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
