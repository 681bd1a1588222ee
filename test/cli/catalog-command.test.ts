import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempWorkdir } from '../helpers/run-cli.ts';

const EXAMPLE = fileURLToPath(
  new URL('../../fixtures/catalogs/example-city-adaptation.yaml', import.meta.url),
);
const work = tempWorkdir('pa-catalog-cmd-');
afterAll(() => work.cleanup());

describe('portal-audit catalog', () => {
  it('lists the editions and the detectors a row may name, with the rows that use them', async () => {
    const editions = await runCli(['catalog', 'list', '--json']);
    expect(editions.code, editions.stderr).toBe(0);
    expect(JSON.parse(editions.stdout)).toEqual([
      expect.objectContaining({ id: 'losi-2024', level: 'city', indicators: 94 }),
      expect.objectContaining({ id: 'osi-2024', level: 'national', indicators: 101 }),
    ]);
    const detectors = await runCli(['catalog', 'detectors', '--json']);
    const rows = JSON.parse(detectors.stdout) as { name: string; requires: string[]; usedBy: string[] }[];
    expect(rows.find((r) => r.name === 'health')).toEqual({
      name: 'health',
      requires: ['pages'],
      usedBy: ['losi-2024 226'],
    });
    expect(rows.find((r) => r.name === 'other-language')?.usedBy).toEqual(['losi-2024 212', 'osi-2024 015']);
  });

  it('checks an edition file: its counts and whether it needs a browser, or every faulty row', async () => {
    const ok = await runCli(['catalog', 'check', EXAMPLE]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('losi-2024-example 2024.1-example (city) is valid.');
    expect(ok.stdout).toContain('6 indicators (CP 2, SP 3, EGL 1); methods: 2 auto, 4 heuristic, 0 manual.');
    expect(ok.stdout).toContain('audits run without a browser');

    const bad = join(work.dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        id: 'bad',
        version: '1',
        title: 'Bad',
        level: 'city',
        criteria: [{ code: 'CP', name: 'Content', weight: 1, inferred: false }],
        thresholds: [{ level: 'low', min: 0 }],
        indicators: [
          { code: '1', criterion: 'XX', title: 'T', definition: 'D', method: 'auto', detector: 'nope' },
        ],
      }),
    );
    const failed = await runCli(['catalog', 'check', bad]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('indicator row 1 (code 1): unknown detector "nope"');
    expect(failed.stderr).toContain('indicator row 1 (code 1): criterion "XX" is not one of CP');
  });
});
