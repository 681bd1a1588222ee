import { fileURLToPath } from 'node:url';

/**
 * Node arguments that start the CLI from its TypeScript sources through tsx: tests need no build and never
 * run a stale one. The built package (dist/, the packed tarball) is run by .ci/run.
 */
export const CLI_NODE_ARGS: readonly string[] = [
  '--import',
  'tsx',
  fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url)),
];
