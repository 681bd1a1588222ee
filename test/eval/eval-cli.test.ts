import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvalReport } from '../../src/eval/eval-types.ts';
import { runCli, tempWorkdir } from '../helpers/run-cli.ts';

const work = tempWorkdir('pa-eval-');
afterAll(() => work.cleanup());

const PAGE = (title: string, body: string) => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>
`;

/** A folder shaped like a corpus site: `site/` and no truth.json; the labels live elsewhere. */
function makeCorpusFolder(): { dir: string; truthFile: string } {
  const dir = work.path('corpus-site');
  mkdirSync(join(dir, 'site', 'start'), { recursive: true });
  writeFileSync(
    join(dir, 'site', 'start', 'index.html'),
    PAGE('Town of Testford', '<p>Welcome.</p><footer><a href="/privacy.html">Privacy notice</a></footer>'),
  );
  writeFileSync(
    join(dir, 'site', 'privacy.html'),
    PAGE('Privacy notice', '<p>How we use your personal data and your rights under data protection law.</p>'),
  );
  const truthFile = work.path('corpus-site.json');
  writeFileSync(
    truthFile,
    JSON.stringify({
      portal: 'corpus-site',
      level: 'city',
      language: 'en',
      home: '/',
      indicators: { '206': { met: false, note: 'no search' }, '273': { met: false } },
    }),
  );
  return { dir, truthFile };
}

describe('portal-audit eval (CLI)', () => {
  let corpus: { dir: string; truthFile: string };
  beforeAll(() => {
    corpus = makeCorpusFolder();
  });

  it('prints one JSON object with --json, reading labels from --truth and the home from --home', async () => {
    const result = await runCli([
      'eval',
      corpus.dir,
      '--truth',
      corpus.truthFile,
      '--home',
      '/start/',
      '--render',
      'none',
      '--catalog',
      'losi-2024',
      '--json',
    ]);
    expect(result.stderr).not.toMatch(/unexpected error/);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as EvalReport;
    expect(Object.keys(report).sort()).toEqual(
      [
        'byIndicator',
        'byLanguage',
        'byMethod',
        'calibration',
        'evidenceReach',
        'generatedAt',
        'options',
        'overall',
        'portals',
        'results',
        'targets',
        'tool',
        'wrong',
      ].sort(),
    );
    expect(report.options).toEqual({ render: 'none', maxPages: 60, catalog: 'losi-2024', rejudge: false });
    expect(report.portals).toHaveLength(1);
    expect(report.portals[0]).toMatchObject({ portal: 'corpus-site', home: '/start/', catalog: 'losi-2024' });
    expect(report.portals[0]!.pages).toBe(2);
    expect(Object.keys(report.byMethod).sort()).toEqual(['auto', 'heuristic', 'manual']);
    expect(report.targets.map((t) => t.method)).toEqual(['auto', 'heuristic']);
    expect(report.overall.labelled).toBe(2);
    expect(report.byLanguage.map((l) => [l.language, l.portals, l.counts.labelled])).toEqual([
      ['en', [report.portals[0]!.portal], 2],
    ]);
    // Both labels are "not met" and nothing on the two pages offers search or social links.
    expect(report.overall).toMatchObject({ tp: 0, fn: 0 });
    expect(report.results.map((r) => r.code).sort()).toEqual(['206', '273']);
    const search = report.byIndicator.find((r) => r.code === '206')!;
    expect(search.counts.labelled).toBe(1);
    expect(report.calibration).toMatchObject({ threshold: 0.9, target: 0.95 });
    // The labels name no page ("not met" labels do not count): nothing to reach.
    expect(report.evidenceReach).toMatchObject({ labelled: 0, share: null });
  }, 240_000);

  it('says clearly that a folder has no truth.json', async () => {
    const result = await runCli(['eval', corpus.dir, '--render', 'none']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('has no truth.json');
    expect(result.stderr).toContain('--truth');
    expect(result.stderr).not.toMatch(/unexpected error/);
  });

  it('refuses unknown catalogs, folders without site/, and --truth with several folders', async () => {
    const [catalog, noSite, several] = await Promise.all([
      runCli(['eval', corpus.dir, '--truth', corpus.truthFile, '--catalog', 'nope']),
      runCli(['eval', work.dir, '--truth', corpus.truthFile]),
      runCli(['eval', corpus.dir, corpus.dir, '--truth', corpus.truthFile]),
    ]);
    expect(catalog.code).toBe(1);
    expect(catalog.stderr).toContain('Unknown catalog "nope"');
    expect(noSite.code).toBe(1);
    expect(noSite.stderr).toContain('has no site/ folder');
    expect(several.code).toBe(1);
    expect(several.stderr).toContain('--truth-dir');
  });
});
