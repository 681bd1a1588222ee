import { describe, expect, it } from 'vitest';
import { getCatalog } from '../../rules/index.ts';
import { type Catalog, defineRule, type Rule, type SiteCaptures } from '../../src/core/index.ts';
import { runCatalog } from '../../src/engine/run-rules.ts';
import { validateCatalog } from '../../src/engine/validate-catalog.ts';
import { loadFixtureSite } from '../rules/harness.ts';

const site: SiteCaptures = loadFixtureSite(
  new URL('../../fixtures/rules/privacy-policy/met-footer-link/', import.meta.url).pathname,
);

function testRule(id: string, detect: Rule['detect']): Rule {
  return defineRule({
    meta: {
      id,
      code: id.split('/')[1]!.split('-')[0]!,
      criterion: 'TEC',
      title: id,
      definition: `Test rule ${id}`,
      method: 'auto',
      requires: ['pages'],
      version: 3,
    },
    detect,
  });
}

function catalogOf(rules: Rule[]): Catalog {
  return {
    id: 'test',
    version: '1',
    title: 'Test',
    level: 'city',
    criteria: [{ code: 'TEC', name: 'Technology', weight: 1, inferred: false }],
    thresholds: [{ level: 'low', min: 0 }],
    entries: rules.map((r) => ({
      code: r.meta.code,
      criterion: 'TEC',
      title: r.meta.title,
      definition: r.meta.definition,
      method: 'heuristic',
      ruleId: r.meta.id,
    })),
    rules,
    notes: [],
  };
}

const good = testRule('test/1-good', (s) => ({
  outcome: 'met',
  confidence: 1.7,
  message: 'fine',
  evidence: [{ pageUrl: s.target.url, kind: 'text', snippet: 'x'.repeat(900) }],
}));
const throwing = testRule('test/2-throws', () => {
  throw new Error('boom: no such capture');
});
const noEvidence = testRule('test/3-bare', () => ({
  outcome: 'not_met',
  confidence: 0.5,
  message: 'nothing',
  evidence: [],
}));

describe('runCatalog', () => {
  it('turns a throwing rule into an error result for that rule alone, in catalog order', () => {
    const results = runCatalog(catalogOf([good, throwing, noEvidence]), site);
    expect(results.map((r) => r.ruleId)).toEqual(['test/1-good', 'test/2-throws', 'test/3-bare']);
    expect(results[0]).toMatchObject({
      outcome: 'met',
      code: '1',
      criterion: 'TEC',
      method: 'heuristic',
      ruleVersion: 3,
      confidence: 1,
    });
    expect(results[0]!.evidence[0]!.snippet!.length).toBe(500);
    expect(results[1]).toMatchObject({
      outcome: 'error',
      message: 'boom: no such capture',
      ruleVersion: 3,
      evidence: [],
    });
    expect(results[2]!.outcome).toBe('error');
    expect(results[2]!.message).toMatch(/without evidence/);
  });

  it('runs the real losi-2024 catalog over a fixture site without errors', () => {
    const catalog = getCatalog('losi-2024');
    const results = runCatalog(catalog, site);
    expect(results.map((r) => r.code)).toEqual(catalog.entries.map((e) => e.code));
    expect(results.filter((r) => r.outcome === 'error')).toEqual([]);
    expect(results.find((r) => r.code === '234')?.outcome).toBe('met');
  });
});

describe('validateCatalog', () => {
  it('accepts a consistent catalog', () => {
    expect(() => validateCatalog(catalogOf([good, throwing]))).not.toThrow();
  });

  it('rejects duplicate codes, missing rules, orphan rules, empty texts and unknown criteria', () => {
    const base = catalogOf([good, throwing]);
    const orphan = testRule('test/9-orphan', good.detect);
    expect(() =>
      validateCatalog({
        ...base,
        entries: [...base.entries, { ...base.entries[0]!, ruleId: 'test/2-throws' }],
      }),
    ).toThrow(/duplicate indicator code 1/);
    expect(() => validateCatalog({ ...base, rules: [good] })).toThrow(/names rule test\/2-throws/);
    expect(() => validateCatalog({ ...base, rules: [good, throwing, orphan] })).toThrow(
      /rule test\/9-orphan has no catalog entry/,
    );
    expect(() =>
      validateCatalog({ ...base, entries: [{ ...base.entries[0]!, title: ' ' }, base.entries[1]!] }),
    ).toThrow(/empty title/);
    expect(() =>
      validateCatalog({ ...base, entries: [{ ...base.entries[0]!, definition: '' }, base.entries[1]!] }),
    ).toThrow(/empty definition/);
    expect(() =>
      validateCatalog({ ...base, entries: [{ ...base.entries[0]!, criterion: 'XX' }, base.entries[1]!] }),
    ).toThrow(/unknown criterion XX/);
    expect(() => validateCatalog({ ...base, rules: [good, good, throwing] })).toThrow(
      /duplicate rule id test\/1-good/,
    );
  });
});
