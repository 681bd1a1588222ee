import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOGS, defaultCatalogId, getCatalog } from '../../rules/index.ts';
import { twinOf } from '../../rules/osi-2024/derive.ts';
import { RULE_OUTCOMES, type Rule, type RuleOutcome } from '../../src/core/index.ts';
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

/**
 * The outcomes a rule's fixtures must show: met and not_met, except where a rule cannot reach them
 * offline — manual rules leave the indicator to the assessor (not_applicable), and 201 sees one
 * browser of the three, so it never says met.
 */
const LIMITED_OUTCOMES: Readonly<Record<string, readonly RuleOutcome[]>> = {
  '201-browser-compatibility': ['not_met', 'needs_review'],
};

function stemOf(rule: Rule): string {
  return rule.meta.id.split('/').pop()!;
}

function requiredOutcomes(rule: Rule): readonly RuleOutcome[] {
  return (
    LIMITED_OUTCOMES[stemOf(rule)] ??
    (rule.meta.method === 'manual' ? ['not_applicable'] : ['met', 'not_met'])
  );
}

describe('rule registry', () => {
  it('has the losi-2024 catalog with every indicator of Table A (94 codes: 236 is listed twice)', () => {
    const losi = getCatalog('losi-2024');
    expect(losi.entries).toHaveLength(94);
    expect(losi.entries.map((e) => e.code)).toEqual(
      expect.arrayContaining(['204', '205', '206', '208', '210', '212', '214', '234', '236', '240', '273']),
    );
    expect(losi.criteria.map((c) => c.code)).toEqual(['IF', 'CP', 'SP', 'PE', 'EGL', 'TEC']);
    expect(losi.thresholds.find((t) => t.level === 'very_high')?.min).toBe(0.75);
  });

  it('has the osi-2024 catalog with the modules of the OSI 2024 questionnaire', () => {
    const osi = getCatalog('osi-2024');
    expect(osi.level).toBe('national');
    expect(osi.criteria.map((c) => c.code)).toEqual(['IF', 'CP', 'SP', 'EP', 'TEC', 'EGL']);
    expect(osi.criteria.every((c) => c.inferred)).toBe(true);
    const perModule = Object.fromEntries(
      osi.criteria.map((c) => [c.code, osi.entries.filter((e) => e.criterion === c.code).length]),
    );
    // #014 is listed under both IF and EGL in the source and is one entry (under EGL).
    expect(perModule).toEqual({ IF: 15, CP: 8, SP: 30, EP: 21, TEC: 14, EGL: 13 });
    expect(osi.entries.every((e) => e.inferred)).toBe(true);
    expect(osi.notes.join(' ')).toMatch(/weights are not known/i);
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
    // A rule derived from another (OSI items that are a LOSI feature) shares its twin's detector,
    // so the twin's fixtures are its fixtures.
    const tested = catalogs.flatMap((c) => c.rules).map((rule) => twinOf(rule) ?? rule);
    for (const rule of catalogs.flatMap((c) => c.rules)) {
      const twin = twinOf(rule);
      if (twin) expect(rule.detect, `${rule.meta.id} must run its twin's detector`).toBe(twin.detect);
    }
    const stems = new Set(tested.map(stemOf));
    for (const rule of tested) {
      const stem = stemOf(rule);
      const outcomes = new Set(cases.filter((c) => c.ruleStem === stem).map((c) => c.expected));
      for (const outcome of requiredOutcomes(rule)) {
        expect(outcomes.has(outcome), `${stem} has no ${outcome} fixture`).toBe(true);
      }
    }
    for (const c of cases) {
      expect(stems.has(c.ruleStem), `fixture folder ${c.ruleStem} has no rule`).toBe(true);
      expect((RULE_OUTCOMES as readonly string[]).includes(c.expected)).toBe(true);
    }
  });

  it('getCatalog names the known catalogs on an unknown id; defaultCatalogId picks per level', () => {
    expect(() => getCatalog('nope')).toThrow(/Unknown catalog "nope".*losi-2024/);
    expect(defaultCatalogId('city')).toBe('losi-2024');
    expect(defaultCatalogId('national')).toBe('osi-2024');
  });
});
