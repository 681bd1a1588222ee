import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../../rules/detectors/index.ts';
import { declaredView } from '../../src/engine/declared-inputs.ts';
import { listFixtureCases, loadExpectations, loadFixtureSite } from './harness.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/rules/', import.meta.url));
const cases = listFixtureCases(FIXTURES);

describe('detector fixtures', () => {
  it('exist', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  for (const c of cases) {
    it(`${c.feature} / ${c.name} → ${c.expected}`, () => {
      const detector = DETECTORS[c.feature];
      expect(detector, `no detector for fixture folder ${c.feature}`).toBeDefined();
      const site = loadFixtureSite(c.dir);
      // Through the engine's view: reading a capture the detector does not declare fails the case.
      const result = detector!.detect(declaredView(site, detector!.meta.requires));
      expect(result.outcome, result.message).toBe(c.expected);
      expect(result.confidence).toBeGreaterThan(0);
      expect(result.confidence).toBeLessThanOrEqual(1);
      expect(result.message.length).toBeGreaterThan(10);
      if (c.expected !== 'not_applicable') {
        expect(result.evidence.length).toBeGreaterThan(0);
        for (const item of result.evidence) {
          expect(item.pageUrl).toMatch(/^https?:\/\//);
          expect(item.selector, `evidence on ${item.pageUrl} names no element`).toBeTruthy();
          expect(item.snippet, `evidence on ${item.pageUrl} has no snippet`).toBeTruthy();
          expect(item.snippet?.length ?? 0).toBeLessThanOrEqual(500);
          expect(item.linkPath?.length ?? 0, `evidence on ${item.pageUrl} lacks a link path`).toBeGreaterThan(
            0,
          );
        }
      }
      const expectations = loadExpectations(c.dir);
      for (const wanted of expectations.evidence ?? []) {
        const found = result.evidence.some(
          (e) =>
            (!wanted.kind || e.kind === wanted.kind) &&
            (!wanted.pageUrl || e.pageUrl === wanted.pageUrl) &&
            (!wanted.snippet || (e.snippet ?? '').toLowerCase().includes(wanted.snippet.toLowerCase())),
        );
        expect(
          found,
          `evidence ${JSON.stringify(wanted)} in ${JSON.stringify(result.evidence, null, 1)}`,
        ).toBe(true);
      }
      for (const [feature, outcome] of Object.entries(expectations.also ?? {})) {
        const other = DETECTORS[feature];
        expect(other, `no detector ${feature}`).toBeDefined();
        const otherResult = other!.detect(declaredView(site, other!.meta.requires));
        expect(otherResult.outcome, `${feature} on ${c.name}: ${otherResult.message}`).toBe(outcome);
      }
    });
  }
});
