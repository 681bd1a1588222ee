import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from '../../crawlers/browser/browser-pool.ts';
import { timeProcess } from './timed-process.ts';

/**
 * pa11y-ci, the outside baseline of the end-to-end phase. Not a dependency (its puppeteer would
 * download a Chrome in `npm ci`): installed on demand into a cache folder outside the repository,
 * without the browser download, and run on the Chromium the bench found.
 */
export const PA11Y_CI_VERSION = '4.0.1';
const INSTALL_TIMEOUT_MS = 300_000;

function cacheDir(): string {
  const base = process.env.XDG_CACHE_HOME?.trim() || join(homedir(), '.cache');
  return join(base, 'portal-audit-bench', 'pa11y');
}

/** The pa11y-ci entry script, installed when missing; a note instead when it cannot be. */
export async function ensurePa11yCi(
  log: (line: string) => void,
): Promise<{ bin: string } | { note: string }> {
  const dir = cacheDir();
  const bin = join(dir, 'node_modules', 'pa11y-ci', 'bin', 'pa11y-ci.js');
  if (existsSync(bin)) return { bin };
  log(`  installing pa11y-ci@${PA11Y_CI_VERSION} into ${dir}`);
  mkdirSync(dir, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = await timeProcess(
    npm,
    [
      'install',
      '--prefix',
      dir,
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      `pa11y-ci@${PA11Y_CI_VERSION}`,
    ],
    { timeoutMs: INSTALL_TIMEOUT_MS, env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' } },
  );
  if (run.code === 0 && existsSync(bin)) return { bin };
  return {
    note: `pa11y-ci@${PA11Y_CI_VERSION} could not be installed (${run.stderr.trim().split('\n').pop() ?? `exit ${run.code}`}): no pa11y figure.`,
  };
}

/**
 * pa11y-ci over `urls` with the axe runner (the same engine as ours) and the same concurrency, on
 * `executablePath`; the config file goes to `workDir`. Returns the wall time, or a reason when the
 * run did not test every URL.
 */
export async function runPa11yCi(
  bin: string,
  urls: readonly string[],
  options: { executablePath: string; concurrency: number; workDir: string },
): Promise<{ wallMs: number } | { problem: string }> {
  const config = join(options.workDir, 'pa11yci.json');
  writeFileSync(
    config,
    JSON.stringify({
      defaults: {
        concurrency: options.concurrency,
        runners: ['axe'],
        standard: 'WCAG2AA',
        timeout: 60_000,
        chromeLaunchConfig: { executablePath: options.executablePath, args: [...CHROMIUM_ARGS] },
      },
      urls,
    }),
  );
  const run = await timeProcess(process.execPath, [bin, '--config', config, '--json'], {
    timeoutMs: 600_000,
  });
  try {
    const report = JSON.parse(run.stdout) as { total?: number; results?: Record<string, unknown> };
    const tested = Object.keys(report.results ?? {}).length;
    if (tested === urls.length) return { wallMs: run.wallMs };
    return { problem: `pa11y-ci tested ${tested} of ${urls.length} URLs` };
  } catch {
    return { problem: `pa11y-ci gave no JSON (exit ${run.code}): ${run.stderr.trim().slice(-300)}` };
  }
}
