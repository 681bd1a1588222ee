import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HostileSites, startHostileSites } from '../helpers/hostile-pages.ts';
import { runCli, tempWorkdir } from '../helpers/run-cli.ts';

/**
 * Rendered audits of sites built to keep an audit from ending, run as a user runs them (the CLI, to
 * its exit). Each must end on its own — exit 0 (audited) or 3 (not audited) — with both report files.
 */
const work = tempWorkdir('pa-hostile-rendered-');
let sites: HostileSites;

beforeAll(async () => {
  sites = await startHostileSites();
});
afterAll(async () => {
  await sites?.close();
  work.cleanup();
});

/** Far above what each case takes; a hang hits it and fails the test instead of hanging CI. */
const HARD_LIMIT_MS = 150_000;

describe('rendered audits of hostile sites end, with a report', () => {
  const cases = [
    'refused',
    'hanging',
    'resetting',
    'meta-refresh',
    'script-loop',
    'push-state',
    'deep',
    'dialogs',
    'endless',
    'self-frames',
  ];
  for (const name of cases) {
    it(
      name,
      async () => {
        const out = work.path(name);
        const started = performance.now();
        const r = await runCli(
          [
            'audit',
            sites.homes[name]!,
            '--allow-private',
            '--render',
            'all',
            '--max-pages',
            '8',
            '--page-timeout',
            '8',
            '--db',
            work.path(`${name}.db`),
            '--out',
            out,
          ],
          {},
          HARD_LIMIT_MS,
        );
        const seconds = (performance.now() - started) / 1000;
        expect(r.code, `${name}: killed after ${seconds.toFixed(0)} s\n${r.stderr}`).not.toBeNull();
        expect([0, 3], r.stderr).toContain(r.code);
        expect(r.stderr).not.toMatch(/unexpected error/);
        expect(existsSync(join(out, 'report.json'))).toBe(true);
        expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('</html>');
      },
      HARD_LIMIT_MS + 10_000,
    );
  }
});
