/**
 * Child process entry: serves generated bench sites so that the measured pipeline's event loop never
 * answers the browser's requests itself (a real portal is on another machine).
 *   argv: JSON array of { pages, name } → IPC message: { origins: string[] }
 */
import { startBenchSite } from './site-server.ts';

const specs = JSON.parse(process.argv[2] ?? '[]') as { pages: number; name?: string }[];
const sites = await Promise.all(specs.map((s) => startBenchSite(s.pages, s.name ? { name: s.name } : {})));
process.send?.({ origins: sites.map((s) => s.origin) });
process.on('disconnect', () => {
  void Promise.all(sites.map((s) => s.close())).then(() => process.exit(0));
});
