import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../rules/detectors/index.ts';
import { CATALOGS, defaultCatalogId, getCatalog } from '../../rules/index.ts';
import { type Method, RULE_OUTCOMES, type RuleOutcome } from '../../src/core/index.ts';
import { validateCatalog } from '../../src/engine/validate-catalog.ts';
import { detectorNames } from '../../tools/detector-index.ts';
import { listFixtureCases } from './harness.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../fixtures/rules/', import.meta.url));
const catalogs = Object.values(CATALOGS);

/**
 * The outcomes a detector's fixtures must show: met and not_met, except where it cannot reach them
 * offline — manual indicators are left to the assessor (not_applicable), and browser-compatibility
 * sees one browser of the three, so it never says met.
 */
const LIMITED_OUTCOMES: Readonly<Record<string, readonly RuleOutcome[]>> = {
  'browser-compatibility': ['not_met', 'needs_review'],
};

function requiredOutcomes(feature: string, methods: ReadonlySet<Method>): readonly RuleOutcome[] {
  return LIMITED_OUTCOMES[feature] ?? (methods.has('manual') ? ['not_applicable'] : ['met', 'not_met']);
}

/** The methods of the built-in rows each detector judges. */
function methodsByDetector(): Map<string, Set<Method>> {
  const out = new Map<string, Set<Method>>();
  for (const catalog of catalogs) {
    for (const rule of catalog.rules) {
      const feature = Object.entries(DETECTORS).find(([, d]) => d.detect === rule.detect)?.[0];
      if (!feature) continue;
      out.set(feature, (out.get(feature) ?? new Set<Method>()).add(rule.meta.method));
    }
  }
  return out;
}

describe('catalog editions and detectors', () => {
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

  it('every detector file is in the registry under its file stem, and every rule runs a registered detector', () => {
    expect(Object.keys(DETECTORS).sort()).toEqual(detectorNames(ROOT));
    const detects = new Set(Object.values(DETECTORS).map((d) => d.detect));
    for (const rule of catalogs.flatMap((c) => c.rules))
      expect(detects.has(rule.detect), rule.meta.id).toBe(true);
  });

  it('keeps the rule ids stored results already use: <edition>/<code>-<slug or detector>', () => {
    const ids = catalogs.flatMap((c) => c.rules.map((r) => r.meta.id));
    expect(ids).toEqual(
      expect.arrayContaining(['losi-2024/206-search', 'losi-2024/210-wcag', 'osi-2024/015-foreign-language']),
    );
    for (const id of ids) expect(id).toMatch(/^(losi|osi)-2024\/[0-9]+[a-z]?-[a-z0-9-]+$/);
  });

  it('writes its counts from the rows, not by hand', () => {
    expect(getCatalog('losi-2024').notes[0]).toBe(
      '94 indicators (IF 5, CP 30, SP 22, PE 15, EGL 10, TEC 12); methods: 10 auto, 78 heuristic, 6 manual.',
    );
    expect(getCatalog('osi-2024').notes[0]).toMatch(
      /^101 indicators \(IF 15, CP 8, SP 30, EP 21, TEC 14, EGL 13\)/,
    );
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

  it('every detector has at least one met and one not_met fixture, and every fixture folder has a detector', () => {
    const cases = listFixtureCases(FIXTURES);
    const methods = methodsByDetector();
    for (const feature of Object.keys(DETECTORS)) {
      const outcomes = new Set(cases.filter((c) => c.feature === feature).map((c) => c.expected));
      for (const outcome of requiredOutcomes(feature, methods.get(feature) ?? new Set())) {
        expect(outcomes.has(outcome), `${feature} has no ${outcome} fixture`).toBe(true);
      }
    }
    for (const c of cases) {
      expect(DETECTORS[c.feature], `fixture folder ${c.feature} has no detector`).toBeDefined();
      expect((RULE_OUTCOMES as readonly string[]).includes(c.expected)).toBe(true);
    }
  });

  it('getCatalog names the known catalogs on an unknown id; defaultCatalogId picks per level', () => {
    expect(() => getCatalog('nope')).toThrow(/Unknown catalog "nope".*losi-2024/);
    expect(defaultCatalogId('city')).toBe('losi-2024');
    expect(defaultCatalogId('national')).toBe('osi-2024');
  });
});
