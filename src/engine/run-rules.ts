import {
  type Catalog,
  type CatalogEntry,
  type Evidence,
  type IndicatorResult,
  RULE_OUTCOMES,
  type Rule,
  type RuleResult,
  type SiteCaptures,
  truncate,
} from '../core/index.ts';

import { declaredView } from './declared-inputs.ts';

const MAX_SNIPPET = 500;

function errorResult(entry: CatalogEntry, rule: Rule | undefined, message: string): IndicatorResult {
  return {
    ruleId: entry.ruleId,
    code: entry.code,
    criterion: entry.criterion,
    method: entry.method,
    ruleVersion: rule?.meta.version ?? 0,
    outcome: 'error',
    confidence: 0,
    message,
    evidence: [],
  };
}

function cleanEvidence(item: Evidence): Evidence {
  return item.snippet !== undefined && item.snippet.length > MAX_SNIPPET
    ? { ...item, snippet: truncate(item.snippet, MAX_SNIPPET) }
    : item;
}

/** Checks what a rule returned against the contract; returns a problem or null. */
function contractProblem(result: RuleResult): string | null {
  if (typeof result !== 'object' || result === null) return 'returned no result';
  if (typeof (result as unknown as Promise<unknown>).then === 'function')
    return 'returned a Promise (rules are synchronous)';
  if (!RULE_OUTCOMES.includes(result.outcome)) return `returned unknown outcome "${String(result.outcome)}"`;
  if (!Array.isArray(result.evidence)) return 'returned no evidence list';
  if (result.outcome !== 'not_applicable' && result.evidence.length === 0) {
    return `returned ${result.outcome} without evidence`;
  }
  if (result.evidence.some((e) => !e.pageUrl)) return 'returned evidence without pageUrl';
  return null;
}

/** Runs one catalog entry's rule, isolated: whatever goes wrong becomes an `error` result. */
export function runEntry(entry: CatalogEntry, rule: Rule | undefined, site: SiteCaptures): IndicatorResult {
  if (!rule) return errorResult(entry, undefined, `No rule ${entry.ruleId} in the catalog.`);
  let result: RuleResult;
  try {
    result = rule.detect(declaredView(site, rule.meta.requires));
  } catch (error) {
    return errorResult(entry, rule, error instanceof Error ? error.message : String(error));
  }
  const problem = contractProblem(result);
  if (problem) return errorResult(entry, rule, `Rule ${rule.meta.id} ${problem}.`);
  const confidence = Number.isFinite(result.confidence) ? Math.min(1, Math.max(0, result.confidence)) : 0;
  return {
    ruleId: rule.meta.id,
    code: entry.code,
    criterion: entry.criterion,
    method: entry.method,
    ruleVersion: rule.meta.version,
    outcome: result.outcome,
    confidence,
    message: result.message ?? '',
    evidence: result.evidence.map(cleanEvidence),
  };
}

/** Every indicator of a catalog over one site's captures, in catalog order. Never throws for a rule. */
export function runCatalog(catalog: Catalog, site: SiteCaptures): IndicatorResult[] {
  const rules = new Map(catalog.rules.map((rule) => [rule.meta.id, rule]));
  return catalog.entries.map((entry) => runEntry(entry, rules.get(entry.ruleId), site));
}
