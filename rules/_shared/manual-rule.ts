import type { Rule, RuleMeta } from '../../src/core/index.ts';

export interface ManualRuleSpec extends Pick<RuleMeta, 'id' | 'code' | 'criterion' | 'title' | 'definition'> {
  /** Why a machine cannot decide it and what the assessor does: completes the result message. */
  assessorTask: string;
  /** @default 'manual' */
  method?: RuleMeta['method'];
  /** @default 1 */
  version?: number;
}

/**
 * An indicator only a person can assess (a login with a real account, a mystery-shopper test, data
 * an offline audit cannot reach): always `not_applicable` to automation, with the task for the
 * assessor, so it is never guessed.
 */
export function defineManualRule(spec: ManualRuleSpec): Rule {
  return {
    meta: {
      id: spec.id,
      code: spec.code,
      criterion: spec.criterion,
      title: spec.title,
      definition: spec.definition,
      method: spec.method ?? 'manual',
      requires: ['pages'],
      version: spec.version ?? 1,
    },
    detect: () => ({
      outcome: 'not_applicable',
      confidence: 1,
      evidence: [],
      message: `Assessed by a person, not by the crawler: ${spec.assessorTask}`,
    }),
  };
}
