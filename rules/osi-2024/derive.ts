import type { Rule, RuleMeta } from '../../src/core/index.ts';

/** What an OSI item says about itself; the detector, its needs and its crawler hints come from the twin. */
export type OsiMeta = Pick<RuleMeta, 'id' | 'code' | 'criterion' | 'title' | 'definition'> &
  Partial<Pick<RuleMeta, 'method'>>;

const twins = new WeakMap<Rule, Rule>();

/**
 * An OSI item that is the same feature as a LOSI indicator: the LOSI rule's detector under the OSI
 * item's identity, so each feature has one detector (and one set of fixtures).
 */
export function deriveRule(twin: Rule, meta: OsiMeta): Rule {
  const rule: Rule = {
    meta: {
      ...meta,
      method: meta.method ?? twin.meta.method,
      // Same detector, same logic version.
      version: twin.meta.version,
      requires: twin.meta.requires,
      ...(twin.meta.hints ? { hints: twin.meta.hints } : {}),
      ...(twin.meta.hintsNameServices ? { hintsNameServices: true } : {}),
    },
    detect: twin.detect,
  };
  twins.set(rule, twin);
  return rule;
}

/** The LOSI rule whose detector a derived rule reuses, if it is one. */
export function twinOf(rule: Rule): Rule | undefined {
  return twins.get(rule);
}
