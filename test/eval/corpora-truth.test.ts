import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PortalTruthSchema } from '../../src/fixture-server/portal-fixture.ts';

/**
 * Labels for the real sites of the team's shared corpus (never copied into the repository). The labels are
 * checked here; the sites themselves are measured with `portal-audit eval … --truth-dir test/eval/corpora-truth`.
 */
const TRUTH_DIR = fileURLToPath(new URL('./corpora-truth', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../../shared/corpora/gov-sites', import.meta.url));
const files = readdirSync(TRUTH_DIR).filter((f) => f.endsWith('.json'));

describe('corpus labels', () => {
  it('cover the three shared sites', () => {
    expect(files.sort()).toEqual(['govuk-full-page-examples.json', 'italia-comuni.json', 'us-data-gov.json']);
  });

  for (const file of files) {
    it(`${file} is a valid labels file named after its site`, () => {
      const truth = PortalTruthSchema.parse(JSON.parse(readFileSync(join(TRUTH_DIR, file), 'utf8')));
      expect(`${truth.portal}.json`).toBe(file);
      expect(Object.keys(truth.indicators).length).toBeGreaterThanOrEqual(10);
      for (const label of Object.values(truth.indicators)) {
        expect(label.where ?? label.note, JSON.stringify(label)).toBeTruthy();
      }
    });

    it.skipIf(!existsSync(CORPUS))(`${file}: the home page exists in the shared corpus`, () => {
      const truth = PortalTruthSchema.parse(JSON.parse(readFileSync(join(TRUTH_DIR, file), 'utf8')));
      const site = join(CORPUS, truth.portal, 'site');
      const home = join(site, truth.home);
      const page = truth.home.endsWith('/') ? join(home, 'index.html') : home;
      expect(existsSync(page) && statSync(page).isFile(), page).toBe(true);
    });
  }
});
