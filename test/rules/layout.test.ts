import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOGS } from '../../rules/index.ts';
import { detectorIndexSource, detectorNames, FEATURE_NAME } from '../../tools/detector-index.ts';
import { newDetector } from '../../tools/new-detector.ts';
import { tempWorkdir } from '../helpers/run-cli.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const work = tempWorkdir('pa-layout-');
afterAll(() => work.cleanup());

describe('the layout of rules/ and fixtures/rules/', () => {
  it('holds detectors, edition tables, lexicons and shared helpers, nothing else', () => {
    const entries = readdirSync(join(ROOT, 'rules')).sort();
    expect(entries).toEqual(['_shared', 'catalogs', 'detectors', 'index.ts', 'lexicons', 'link-hints.ts']);
    const tables = readdirSync(join(ROOT, 'rules', 'catalogs')).filter((f) => f.endsWith('.json'));
    // One table per built-in edition, named by its id.
    expect(tables.map((f) => f.slice(0, -5)).sort()).toEqual(['losi-2024', 'osi-2024']);
    for (const id of ['losi-2024', 'osi-2024']) expect(CATALOGS[id]).toBeDefined();
  });

  it('names each detector after its feature, and the index lists every detector file', () => {
    const names = detectorNames(ROOT);
    for (const name of names) expect(name, name).toMatch(FEATURE_NAME);
    // A catalog code is not a feature name: "226-health" would be.
    for (const name of names) expect(name, name).not.toMatch(/^\d/);
    expect(readFileSync(join(ROOT, 'rules', 'detectors', 'index.ts'), 'utf8')).toBe(
      detectorIndexSource(names),
    );
  });

  it('keeps each fixture case under fixtures/rules/<detector>/<outcome>-<case>/', () => {
    const names = new Set(detectorNames(ROOT));
    for (const folder of readdirSync(join(ROOT, 'fixtures', 'rules'))) {
      expect(names.has(folder), `fixtures/rules/${folder} names no detector`).toBe(true);
      for (const kase of readdirSync(join(ROOT, 'fixtures', 'rules', folder))) {
        expect(kase, `fixtures/rules/${folder}/${kase}`).toMatch(
          /^(met|not_met|needs_review|not_applicable)-/,
        );
      }
    }
  });
});

describe('npm run new:detector', () => {
  function scratchRepo(): string {
    const root = work.path(`repo-${Math.random().toString(36).slice(2)}`);
    mkdirSync(join(root, 'rules', 'detectors'), { recursive: true });
    writeFileSync(join(root, 'rules', 'detectors', 'health.ts'), 'export default {};\n');
    return root;
  }

  it('writes the detector, lists it in the index and writes a met and a not_met case', () => {
    const root = scratchRepo();
    const written = newDetector(root, 'lost-property', 'service').map((f) => f.slice(root.length + 1));
    expect(written).toEqual([
      'rules/detectors/lost-property.ts',
      'rules/detectors/index.ts',
      'fixtures/rules/lost-property/met-en-example/index.html',
      'fixtures/rules/lost-property/not_met-en-example/index.html',
    ]);
    expect(readFileSync(join(root, 'rules/detectors/lost-property.ts'), 'utf8')).toContain(
      'defineServiceDetector',
    );
    expect(readFileSync(join(root, 'rules/detectors/index.ts'), 'utf8')).toBe(
      detectorIndexSource(['health', 'lost-property']),
    );
  });

  it('refuses a name that is taken or not a feature name', () => {
    const root = scratchRepo();
    expect(() => newDetector(root, 'health')).toThrow('rules/detectors/health.ts exists already');
    expect(() => newDetector(root, '226-Health')).toThrow(/not a detector name/);
  });
});
