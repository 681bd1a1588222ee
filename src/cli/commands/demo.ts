import type { Command } from 'commander';
import { packagePath } from '../../core/index.ts';
import { type AuditCliOptions, addAuditOptions, runAuditCommand } from './audit.ts';

const DEMO_PORTAL = packagePath('fixtures', 'portals', 'demo');
/**
 * The demo portal's fixed port: the same address every time, so the evidence store sees one portal
 * and each demo report compares itself with the previous one. A busy port falls back to any port.
 */
export const DEMO_PORT = 47_801;

export function registerDemo(program: Command): void {
  addAuditOptions(
    program
      .command('demo')
      .description('serve the bundled demo city portal on 127.0.0.1 and audit it (no Redis needed)'),
  ).action(async (options: AuditCliOptions) => {
    // Loaded on demand, like the pipeline: `--help` needs neither the fixture server nor its HTML parser.
    const { startPortal } = await import('../../fixture-server/portal-fixture.ts');
    const portal = await startPortal(DEMO_PORTAL, { port: DEMO_PORT }).catch(async (error) => {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      process.stderr.write(
        `Port ${DEMO_PORT} is busy: serving the demo on another port, as a portal new to the store.\n`,
      );
      return startPortal(DEMO_PORTAL);
    });
    process.stderr.write(`Serving the demo portal "City of Riverton" at ${portal.home}\n`);
    try {
      process.exitCode = await runAuditCommand(portal.home, { ...options, allowPrivate: true });
    } finally {
      await portal.close();
    }
  });
}
