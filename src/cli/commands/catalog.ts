import type { Command } from 'commander';

/** `portal-audit catalog list|detectors|check`: what editions and detectors there are; check an edition file. */
export function registerCatalog(program: Command): void {
  const catalog = program
    .command('catalog')
    .description('the indicator catalogs: list the editions and detectors, check an edition file');

  catalog
    .command('list')
    .description('the editions this version knows, with their indicator counts')
    .option('--json', 'print them as JSON')
    .action(async (o: { json?: boolean }) => {
      const { listEditions } = await import('./catalog-actions.ts');
      listEditions(o);
    });

  catalog
    .command('detectors')
    .description('every detector an edition row may name, what it reads, and the built-in rows that use it')
    .option('--json', 'print them as JSON')
    .action(async (o: { json?: boolean }) => {
      const { listDetectors } = await import('./catalog-actions.ts');
      listDetectors(o);
    });

  catalog
    .command('check')
    .description(
      'load an edition file (.yaml, .json) as an audit would, and print its counts or every faulty row',
    )
    .argument('<file>', 'the edition file')
    .action(async (file: string) => {
      const { checkEdition } = await import('./catalog-actions.ts');
      checkEdition(file);
    });
}
