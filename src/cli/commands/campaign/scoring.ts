import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { defaultDbPath } from '../../../../db/paths.ts';
import { UserError } from '../../../core/index.ts';
import { ERROR_POLICIES, NEEDS_REVIEW_POLICIES, type ScorePolicy } from '../../../scoring/score-policy.ts';
import { oneOf, positiveInt } from '../../option-parsers.ts';

const EXPORT_FORMATS = ['csv', 'json'] as const;
const EXPORT_TABLES = ['wide', 'long'] as const;

interface StoreOptions {
  db: string;
  needsReview: ScorePolicy['needsReview'];
  errors: ScorePolicy['error'];
}

function addScoringOptions(cmd: Command): Command {
  return cmd
    .option('--db <file>', 'evidence store (SQLite)', defaultDbPath())
    .option(
      '--needs-review <policy>',
      'how needs_review counts: not_met (flagged) | met | exclude',
      oneOf('--needs-review', NEEDS_REVIEW_POLICIES),
      'not_met',
    )
    .option(
      '--errors <policy>',
      'how rule errors count: exclude | not_met',
      oneOf('--errors', ERROR_POLICIES),
      'exclude',
    );
}

const policyOf = (o: StoreOptions): ScorePolicy => ({ needsReview: o.needsReview, error: o.errors });

/** [scoring] campaign rescore | export | diff. */
export function registerCampaignScoringCommands(campaign: Command): void {
  addScoringOptions(
    campaign
      .command('rescore')
      .description('re-run the rules over the stored captures and recompute the scores (fetches nothing)')
      .argument('<name>', 'campaign name (name@round for one round)')
      .option('--catalog <id>', 'catalog to re-run (id or id@version) for the portals of its level')
      .option('--json', 'print the rescoring summary as JSON'),
  ).action(async (name: string, o: StoreOptions & { catalog?: string; json?: boolean }) => {
    const { runRescore } = await import('./scoring-actions.ts');
    await runRescore(name, { ...o, policy: policyOf(o) });
  });

  addScoringOptions(
    campaign
      .command('export')
      .description('export a campaign: wide table (one row per portal) and long table (portal × indicator)')
      .argument('<name>', 'campaign name (name@round for one round)')
      .requiredOption('--format <format>', 'csv | json', oneOf('--format', EXPORT_FORMATS))
      .option(
        '--table <table>',
        'wide | long (CSV holds one table: default wide; JSON holds both unless one is named)',
        oneOf('--table', EXPORT_TABLES),
      )
      .option('--out <file>', 'write to this file instead of stdout')
      .option('--no-posture', 'leave out the security, privacy and speed columns (judged from the captures)'),
  ).action(
    async (
      name: string,
      o: StoreOptions & { format: 'csv' | 'json'; table?: 'wide' | 'long'; out?: string; posture: boolean },
    ) => {
      const { exportCampaign } = await import('./scoring-actions.ts');
      const text = await exportCampaign(name, { ...o, policy: policyOf(o) });
      if (o.out) {
        await writeFile(o.out, text).catch((error: NodeJS.ErrnoException) => {
          throw new UserError(`Could not write ${o.out}: ${error.message}`);
        });
        process.stderr.write(`Wrote ${o.out}\n`);
      } else process.stdout.write(text);
    },
  );

  addScoringOptions(
    campaign
      .command('diff')
      .description(
        'per portal, the indicators whose final value changed, the score deltas and posture changes',
      )
      .argument('<a>', 'earlier campaign (name or name@round)')
      .argument('<b>', 'later campaign (name or name@round)')
      .option('--all', 'list unchanged portals too')
      .option('--json', 'print the diff as JSON')
      .option('--no-posture', 'leave out security, privacy and speed (judged from the captures)')
      .option(
        '--cert-horizon <days>',
        'flag certificates of the later campaign expiring within this many days (the time to the next round)',
        positiveInt('--cert-horizon'),
        90,
      ),
  ).action(
    async (
      a: string,
      b: string,
      o: StoreOptions & { all?: boolean; json?: boolean; posture: boolean; certHorizon: number },
    ) => {
      const { diffCampaignsText } = await import('./scoring-actions.ts');
      process.stdout.write(await diffCampaignsText(a, b, { ...o, policy: policyOf(o) }));
    },
  );
}
