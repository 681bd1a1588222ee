import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEditionFile } from '../../rules/catalogs/load-edition-file.ts';
import { buildEdition, getCatalog, resolveCatalog } from '../../rules/index.ts';
import { UserError } from '../../src/core/index.ts';
import { PORTALS_ROOT, type StartedPortal, startPortal } from '../../src/fixture-server/portal-fixture.ts';
import type { AuditReport } from '../../src/report/report-types.ts';
import { DEFAULT_POLICY, pointsFor } from '../../src/scoring/score-policy.ts';
import { runCli, tempWorkdir } from '../helpers/run-cli.ts';

const EXAMPLE = fileURLToPath(
  new URL('../../fixtures/catalogs/example-city-adaptation.yaml', import.meta.url),
);
const work = tempWorkdir('pa-edition-');
afterAll(() => work.cleanup());

/** A small valid edition table; each test breaks one thing. */
function table(indicators: Record<string, unknown>[]): Record<string, unknown> {
  return {
    id: 'test-edition',
    version: '1',
    title: 'Test edition',
    level: 'city',
    criteria: [{ code: 'CP', name: 'Content', weight: 1, inferred: false }],
    thresholds: [{ level: 'low', min: 0 }],
    indicators,
  };
}
const row = (code: string, detector: string, extra: Record<string, unknown> = {}) => ({
  code,
  criterion: 'CP',
  title: `Indicator ${code}`,
  definition: 'A definition long enough to read.',
  method: 'heuristic',
  detector,
  ...extra,
});

describe('an edition table', () => {
  it('becomes a catalog whose rules run the named detectors, with counts from the rows', () => {
    const catalog = buildEdition(table([row('1', 'health'), row('2', 'search', { method: 'auto' })]), 'test');
    expect(catalog.rules.map((r) => r.meta.id)).toEqual(['test-edition/1-health', 'test-edition/2-search']);
    expect(catalog.rules[1]?.meta.requires).toContain('searchProbe');
    expect(catalog.rules[0]?.detect).toBe(
      getCatalog('losi-2024').rules.find((r) => r.meta.code === '226')?.detect,
    );
    expect(catalog.notes[0]).toBe('2 indicators (CP 2); methods: 1 auto, 1 heuristic, 0 manual.');
  });

  it('names every faulty row: unknown detector, unknown criterion, duplicate code', () => {
    const broken = table([row('1', 'helth'), row('2', 'health', { criterion: 'XX' }), row('1', 'search')]);
    const error = (() => {
      try {
        buildEdition(broken, 'my-edition.yaml');
      } catch (e) {
        return e as Error;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(UserError);
    expect(error?.message).toContain('Catalog edition my-edition.yaml is invalid');
    expect(error?.message).toContain(
      'indicator row 1 (code 1): unknown detector "helth" (did you mean "health"?)',
    );
    expect(error?.message).toContain('indicator row 2 (code 2): criterion "XX" is not one of CP');
    expect(error?.message).toContain('indicator row 3 (code 1): code 1 is already row 1');
  });

  it('names the row and field of a wrong value or an unknown key', () => {
    expect(() => buildEdition(table([row('7', 'health', { method: 'guess' })]), 'e.json')).toThrow(
      /indicator row 1 \(code 7\), method: /,
    );
    expect(() => buildEdition(table([row('7', 'health', { wieght: 2 })]), 'e.json')).toThrow(
      /indicator row 1 \(code 7\): .*wieght/,
    );
    expect(() => buildEdition({ ...table([]), level: 'planet' }, 'e.json')).toThrow(/level: /);
  });
});

describe('a custom edition file', () => {
  it('loads from YAML, refuses a built-in id, and names a file it cannot read', () => {
    const catalog = loadEditionFile(EXAMPLE);
    expect(catalog.id).toBe('losi-2024-example');
    expect(catalog.entries.find((e) => e.code === '269a')?.weight).toBe(2);
    expect(catalog.rules.find((r) => r.meta.code === 'X01')?.meta.id).toBe(
      'losi-2024-example/X01-lost-property',
    );

    const clash = join(work.dir, 'clash.yaml');
    writeFileSync(clash, readFileSync(EXAMPLE, 'utf8').replace('id: losi-2024-example', 'id: losi-2024'));
    expect(() => resolveCatalog(clash)).toThrow(/uses the id "losi-2024" of a built-in edition/);
    expect(() => resolveCatalog(join(work.dir, 'missing.yaml'))).toThrow(/Cannot read catalog edition/);
    expect(() => resolveCatalog('losi-1999')).toThrow(/Unknown catalog "losi-1999"/);
  });
});

describe('auditing a portal against a custom edition (real CLI, HTTP, crawl, SQLite)', () => {
  let portal: StartedPortal;
  beforeAll(async () => {
    portal = await startPortal(join(PORTALS_ROOT, 'demo'));
  });
  afterAll(() => portal?.close());

  it('judges exactly its rows, with its weights in the score, without a browser it does not need', async () => {
    const out = work.path('custom');
    const custom = await runCli(
      ['audit', portal.home, '--allow-private', '--max-pages', '12', '--out', out, '--catalog', EXAMPLE],
      {},
      180_000,
      work.dir,
    );
    expect(custom.code, custom.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as AuditReport;
    expect(report.catalog.id).toBe('losi-2024-example');
    // No row of the example reads a rendered page: with no --render, the audit does not start Chromium.
    expect(report.crawl.renderedPages).toBe(0);
    expect(report.lexicon).toEqual({ language: 'en', bundled: true, missingConcepts: [] });
    expect(report.indicators.map((i) => i.code)).toEqual(['214', '226', '269a', '255', 'X01', '206']);
    // Online payment weighs 2 in SP: it counts twice in SP's share, whatever its outcome.
    const weightOf = (code: string) => (code === '269a' ? 2 : 1);
    const sp = report.indicators.filter((i) => i.criterion === 'SP');
    const assessed = sp.filter((i) => pointsFor(i.outcome, DEFAULT_POLICY) !== null);
    const met = assessed.reduce(
      (sum, i) => sum + (pointsFor(i.outcome, DEFAULT_POLICY) ?? 0) * weightOf(i.code),
      0,
    );
    expect(report.score.criteria.SP?.assessed).toBe(assessed.reduce((sum, i) => sum + weightOf(i.code), 0));
    expect(report.score.criteria.SP?.met).toBe(met);
  }, 400_000);

  it('refuses a broken edition before crawling, naming the row', async () => {
    const broken = join(work.dir, 'broken.yaml');
    writeFileSync(broken, readFileSync(EXAMPLE, 'utf8').replace('detector: health', 'detector: helth'));
    const r = await runCli([
      'audit',
      portal.home,
      '--allow-private',
      '--render',
      'none',
      '--catalog',
      broken,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('indicator row 2 (code 226): unknown detector "helth"');
    expect(r.stderr).not.toMatch(/finding pages/);
  });
});
