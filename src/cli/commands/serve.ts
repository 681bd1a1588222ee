import type { Command } from 'commander';
import { defaultDbPath } from '../../../db/paths.ts';
import { nonNegativeInt } from '../option-parsers.ts';

interface ServeOptions {
  port: number;
  host: string;
  db: string;
  trustProxy?: boolean;
  highlight: boolean;
}

/** `portal-audit serve`: the assessor review web app over an evidence store. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the assessor review web app over the evidence store')
    .option('--port <n>', 'port to listen on (0 = any free port)', nonNegativeInt('--port'), 8080)
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--db <file>', 'evidence store (SQLite)', defaultDbPath())
    .option(
      '--trust-proxy',
      'behind one TLS-terminating reverse proxy: trust its X-Forwarded-* (cookies become Secure)',
    )
    .option('--no-highlight', 'do not render highlighted evidence screenshots with Chromium')
    .action(async (options: ServeOptions) => {
      // Loaded on demand: fastify, the store and Chromium lookup are not needed for --help.
      const { startReviewServer } = await import('../../server/start.ts');
      const server = await startReviewServer({
        dbFile: options.db,
        host: options.host,
        port: options.port,
        trustProxy: Boolean(options.trustProxy),
        highlight: options.highlight,
      });
      const out = process.stdout;
      out.write(`Review app listening on ${server.url}/ (evidence store ${server.store.file})\n`);
      if (server.users === 0) {
        out.write(
          `No users yet: add the first admin with\n  npx portal-audit user add <name> --role admin --db ${server.store.file}\n`,
        );
      }
      if (!server.highlighting && options.highlight) {
        out.write(
          'No Chromium found: evidence is shown without highlighted screenshots (set CHROMIUM_PATH).\n',
        );
      }
      if (options.host !== '127.0.0.1' && options.host !== 'localhost' && !options.trustProxy) {
        out.write(
          'Listening beyond this machine over plain HTTP: put a TLS proxy in front and use --trust-proxy.\n',
        );
      }
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.removeListener('SIGINT', stop);
          process.removeListener('SIGTERM', stop);
          server.close().finally(resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
