import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOGS, defaultCatalogId, getCatalog } from '../../rules/index.ts';
import { RULE_OUTCOMES, type Rule } from '../../src/core/index.ts';
import { validateCatalog } from '../../src/engine/validate-catalog.ts';
import { listFixtureCases } from './harness.ts';

const RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../fixtures/rules/', import.meta.url));
const catalogs = Object.values(CATALOGS);

async function ruleFiles(): Promise<{ catalogId: string; stem: string; rule: Rule }[]> {
  const out: { catalogId: string; stem: string; rule: Rule }[] = [];
  for (const catalog of catalogs) {
    const dir = `${RULES_DIR}${catalog.id}/`;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.rule.ts'))) {
      const mod = (await import(`${dir}${file}`)) as { default: Rule };
      out.push({ catalogId: catalog.id, stem: basename(file, '.rule.ts'), rule: mod.default });
    }
  }
  return out;
}

describe('rule registry', () => {
  it('has the losi-2024 catalog with the 11 spine indicators', () => {
    const losi = getCatalog('losi-2024');
    expect(losi.entries.map((e) => e.code).sort()).toEqual(
      ['204', '205', '206', '208', '210', '212', '214', '234', '236', '240', '273'].sort(),
    );
    expect(losi.criteria.map((c) => c.code)).toEqual(['IF', 'CP', 'SP', 'PE', 'EGL', 'TEC']);
    expect(losi.thresholds.find((t) => t.level === 'very_high')?.min).toBe(0.75);
  });

  it('every rule file is in its catalog, with id equal to <catalog>/<file stem>', async () => {
    const files = await ruleFiles();
    expect(files.length).toBeGreaterThanOrEqual(11);
    for (const { catalogId, stem, rule } of files) {
      expect(rule.meta.id).toBe(`${catalogId}/${stem}`);
      expect(getCatalog(catalogId).rules).toContain(rule);
      expect(stem.startsWith(`${rule.meta.code}-`)).toBe(true);
    }
  });

  it('rule ids are unique and metadata is complete', () => {
    const ids = catalogs.flatMap((c) => c.rules.map((r) => r.meta.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of catalogs.flatMap((c) => c.rules)) {
      expect(rule.meta.title.trim()).not.toBe('');
      expect(rule.meta.definition.trim().length).toBeGreaterThan(20);
      expect(rule.meta.version).toBeGreaterThanOrEqual(1);
      expect(rule.meta.requires).toContain('pages');
    }
  });

  it('every catalog entry maps to a rule, and validateCatalog passes', () => {
    for (const catalog of catalogs) {
      const ids = new Set(catalog.rules.map((r) => r.meta.id));
      for (const entry of catalog.entries) {
        expect(ids.has(entry.ruleId)).toBe(true);
        expect(entry.title.trim()).not.toBe('');
        expect(entry.definition.trim()).not.toBe('');
      }
      expect(() => validateCatalog(catalog)).not.toThrow();
    }
  });

  it('every rule has at least one met and one not_met fixture, and every fixture folder has a rule', () => {
    const cases = listFixtureCases(FIXTURES);
    const stems = new Set(catalogs.flatMap((c) => c.rules.map((r) => r.meta.id.split('/').pop()!)));
    for (const stem of stems) {
      const outcomes = new Set(cases.filter((c) => c.ruleStem === stem).map((c) => c.expected));
      expect(outcomes.has('met'), `${stem} has no met fixture`).toBe(true);
      expect(outcomes.has('not_met'), `${stem} has no not_met fixture`).toBe(true);
    }
    for (const c of cases) {
      expect(stems.has(c.ruleStem), `fixture folder ${c.ruleStem} has no rule`).toBe(true);
      expect((RULE_OUTCOMES as readonly string[]).includes(c.expected)).toBe(true);
    }
  });

  it('getCatalog names the known catalogs on an unknown id; defaultCatalogId picks per level', () => {
    expect(() => getCatalog('nope')).toThrow(/Unknown catalog "nope".*losi-2024/);
    expect(defaultCatalogId('city')).toBe('losi-2024');
    expect(defaultCatalogId('national')).toBe('losi-2024');
  });
});
