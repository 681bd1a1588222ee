import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding portal-audit's package.json. The code runs from its sources (src/core/) in tests and
 * development and from the build (dist/src/core/) when installed, so files shipped beside the code
 * (migrations, the demo portal, the review app's static files) are found from here, not by a relative
 * path that differs between the two.
 */
export const PACKAGE_ROOT: string = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** An absolute path to a file or folder shipped with the package, e.g. `packagePath('db', 'migrations')`. */
export function packagePath(...segments: string[]): string {
  return join(PACKAGE_ROOT, ...segments);
}

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`portal-audit's package.json not found above ${start}`);
  }
}
