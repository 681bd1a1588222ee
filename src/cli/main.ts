import { Command, CommanderError } from 'commander';
import { TOOL_VERSION, UserError } from '../core/index.ts';
import { registerAudit } from './commands/audit.ts';
import { registerCampaign } from './commands/campaign/index.ts';
import { registerDemo } from './commands/demo.ts';
import { registerEval } from './commands/eval.ts';
import { registerRuns } from './commands/runs.ts';
import { registerServe } from './commands/serve.ts';
import { registerUser } from './commands/user.ts';
import { registerWorker } from './commands/worker.ts';

const program = new Command('portal-audit')
  .description(
    'Audit government portals against the UN E-Government Survey indicators (LOSI/OSI) and WCAG 2.2 AA.',
  )
  .version(TOOL_VERSION)
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

registerAudit(program);
registerDemo(program);
registerEval(program);
registerCampaign(program);
registerRuns(program);
registerWorker(program);
registerServe(program);
registerUser(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeFor(error);
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // Help and version exit 0; usage errors were already printed by commander.
    return error.exitCode;
  }
  if (error instanceof UserError) {
    process.stderr.write(`portal-audit: ${error.message}\n`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`portal-audit: unexpected error: ${message}\n`);
  if (process.env.DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return 1;
}
