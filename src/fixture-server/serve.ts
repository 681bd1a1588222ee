/**
 * Serves one fixture portal until interrupted, for looking at it in a browser:
 *   npx tsx src/fixture-server/serve.ts demo        (a name under fixtures/portals, or a path)
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PORTALS_ROOT, startPortal } from './portal-fixture.ts';

const arg = process.argv[2] ?? 'demo';
const dir = existsSync(join(arg, 'truth.json')) ? arg : join(PORTALS_ROOT, arg);
const portal = await startPortal(dir);
process.stdout.write(`${portal.truth.title ?? portal.name}: ${portal.home}\n`);
for (const [host, origin] of Object.entries(portal.externals)) {
  process.stdout.write(`  external ${host} → ${origin}\n`);
}
const stop = () => {
  void portal.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
