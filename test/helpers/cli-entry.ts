import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** tsx's loader by absolute URL, so the CLI starts the same from any working folder. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/**
 * Node arguments that start the CLI from its TypeScript sources through tsx: tests need no build and never
 * run a stale one. The built package (dist/, the packed tarball) is run by .ci/run.
 */
export const CLI_NODE_ARGS: readonly string[] = [
  '--import',
  TSX_LOADER,
  fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url)),
];
