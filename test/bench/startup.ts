import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/core/index.ts';
import { CLI_NODE_ARGS } from '../helpers/cli-entry.ts';
import { median } from './stats.ts';

/** The built CLI, as an installed package runs it (`npm run build` makes it). */
const BUILT_MAIN = join(PACKAGE_ROOT, 'dist', 'src', 'cli', 'main.js');
const RUNS = 7;
const RUN_TIMEOUT_MS = 30_000;

export interface StartupFigures {
  medianMs: number;
  runsMs: number[];
}

export interface StartupResult {
  /** `node dist/src/cli/main.js --help`; null when dist/ is not built. */
  built: StartupFigures | null;
  /** The same from the TypeScript sources through tsx (development and tests). */
  sources: StartupFigures;
}

/** Wall time of `portal-audit --help` as a whole process, after one warm-up run, median of 7. */
export async function runStartup(log: (line: string) => void): Promise<StartupResult> {
  const built = existsSync(BUILT_MAIN) ? await measure([BUILT_MAIN, '--help']) : null;
  if (!built) log(`start-up: ${BUILT_MAIN} not found (npm run build); measuring the sources only`);
  const sources = await measure([...CLI_NODE_ARGS, '--help']);
  return { built, sources };
}

async function measure(args: string[]): Promise<StartupFigures> {
  await timeOnce(args);
  const runsMs: number[] = [];
  for (let i = 0; i < RUNS; i++) runsMs.push(await timeOnce(args));
  return { medianMs: median(runsMs), runsMs };
}

function timeOnce(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { stdio: 'ignore', timeout: RUN_TIMEOUT_MS });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve(performance.now() - t0);
      else reject(new Error(`node ${args.join(' ')} ended with ${signal ?? `exit ${code}`}`));
    });
  });
}
