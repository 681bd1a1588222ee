import type { Detector } from '../../src/core/index.ts';

export interface ManualDetectorSpec {
  /** Why a machine cannot decide it and what the assessor does: completes the result message. */
  assessorTask: string;
  /** @default 1 */
  version?: number;
}

/**
 * A feature only a person can assess (a login with a real account, a mystery-shopper test, data
 * an offline audit cannot reach): always `not_applicable` to automation, with the task for the
 * assessor, so it is never guessed.
 */
export function defineManualDetector(spec: ManualDetectorSpec): Detector {
  return {
    meta: { requires: ['pages'], version: spec.version ?? 1 },
    detect: () => ({
      outcome: 'not_applicable',
      confidence: 1,
      evidence: [],
      message: `Assessed by a person, not by the crawler: ${spec.assessorTask}`,
    }),
  };
}
