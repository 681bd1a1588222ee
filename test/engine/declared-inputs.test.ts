import { describe, expect, it } from 'vitest';
import { getCatalog } from '../../rules/index.ts';
import { type Catalog, defineRule, type Rule, type SiteCaptures } from '../../src/core/index.ts';
import { catalogNeeds, renderModeFor } from '../../src/engine/catalog-needs.ts';
import { declaredView, UndeclaredInputError } from '../../src/engine/declared-inputs.ts';
import { runEntry } from '../../src/engine/run-rules.ts';
import { loadFixtureSite } from '../rules/harness.ts';

const site: SiteCaptures = loadFixtureSite(
  new URL('../../fixtures/rules/search/met-working-search/', import.meta.url).pathname,
);
const rendered: SiteCaptures = loadFixtureSite(
  new URL('../../fixtures/rules/wcag/not_met-violations/', import.meta.url).pathname,
);

function ruleReading(requires: Rule['meta']['requires'], read: (s: SiteCaptures) => unknown): Rule {
  return defineRule({
    meta: {
      id: 'test/1-reader',
      code: '1',
      criterion: 'TEC',
      title: 'Reader',
      definition: 'Reads one capture.',
      method: 'auto',
      requires,
      version: 1,
    },
    detect: (s) => {
      read(s);
      return { outcome: 'not_applicable', confidence: 1, evidence: [], message: 'read it' };
    },
  });
}
const entry = {
  code: '1',
  criterion: 'TEC',
  title: 'Reader',
  definition: 'x',
  method: 'auto',
  ruleId: 'test/1-reader',
} as const;

describe('a detector sees only the captures it declares', () => {
  it('gets an error result, naming the input, when it reads an undeclared artifact', () => {
    expect(site.artifacts.searchProbe).toBeDefined();
    const undeclared = runEntry(
      entry,
      ruleReading(['pages'], (s) => s.artifacts.searchProbe),
      site,
    );
    expect(undeclared.outcome).toBe('error');
    expect(undeclared.message).toBe(
      "read artifacts.searchProbe without declaring 'searchProbe' in meta.requires",
    );
    const declared = runEntry(
      entry,
      ruleReading(['pages', 'searchProbe'], (s) => s.artifacts.searchProbe),
      site,
    );
    expect(declared.outcome).toBe('not_applicable');
  });

  it('guards axe results and the mobile check of rendered pages, not their screenshots', () => {
    const page = rendered.pages.find((p) => p.render?.axe);
    expect(page, 'the fixture has an axe result').toBeDefined();
    const textOnly = declaredView(rendered, ['pages']);
    const same = textOnly.pages.find((p) => p.url === page!.url)!;
    expect(() => same.render!.axe).toThrow(UndeclaredInputError);
    expect(() => same.render!.mobile).toThrow(/render\.mobile without declaring 'render'/);
    expect(same.render!.screenshot).toBe(page!.render!.screenshot);
    expect(
      declaredView(rendered, ['pages', 'render', 'axe']).pages.find((p) => p.url === page!.url)?.render?.axe,
    ).toBe(page!.render!.axe);
  });

  it('keeps the home page one of the pages, and builds one view per set of needs', () => {
    const view = declaredView(rendered, ['pages']);
    expect(view.pages).toContain(view.home);
    expect(declaredView(rendered, ['pages'])).toBe(view);
  });
});

describe('what a catalog needs gathered', () => {
  it('is the union of its detectors’ declarations; with none needing a browser, the audit renders nothing', () => {
    const losi = catalogNeeds(getCatalog('losi-2024'));
    expect([...losi]).toEqual(
      expect.arrayContaining(['pages', 'render', 'axe', 'searchProbe', 'markupValidation']),
    );
    expect(renderModeFor(undefined, losi)).toBe('auto');
    const textOnly: Pick<Catalog, 'rules'> = { rules: [ruleReading(['pages', 'sitemap'], () => null)] };
    expect(renderModeFor(undefined, catalogNeeds(textOnly))).toBe('none');
    expect(renderModeFor('all', catalogNeeds(textOnly))).toBe('all');
  });
});
