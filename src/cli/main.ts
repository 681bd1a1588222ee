#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { TOOL_VERSION, trace, UserError } from '../core/index.ts';
import { registerAudit } from './commands/audit.ts';
import { registerCampaign } from './commands/campaign/index.ts';
import { registerCatalog } from './commands/catalog.ts';
import { registerDemo } from './commands/demo.ts';
import { registerEval } from './commands/eval.ts';
import { registerRuns } from './commands/runs.ts';
import { registerServe } from './commands/serve.ts';
import { registerUser } from './commands/user.ts';
import { registerWorker } from './commands/worker.ts';
import { useConfigFile } from './config/apply-config.ts';
import { commanderErrorLine, errorLine } from './error-line.ts';

/** After its command, the process gets this long to drain its output before it is ended. */
const EXIT_GRACE_MS = 3000;

const program = new Command('portal-audit')
  .description(
    'Audit government portals against the UN E-Government Survey indicators (LOSI/OSI) and WCAG 2.2 AA.',
  )
  .version(TOOL_VERSION)
  .configureOutput({ outputError: (message, write) => write(commanderErrorLine(message)) })
  .exitOverride();

registerAudit(program);
registerDemo(program);
registerEval(program);
registerCampaign(program);
registerRuns(program);
registerCatalog(program);
registerWorker(program);
registerServe(program);
registerUser(program);
useConfigFile(program, ['audit', 'demo']);

trace('cli: modules loaded');
process.once('exit', () => trace('cli: process exit'));
try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeFor(error);
}
trace('cli: command done');
// The command is done. Should anything still hold the process open (a browser that would not close,
// a socket), it ends anyway once its output has had time to drain.
setTimeout(() => process.exit(), EXIT_GRACE_MS).unref();

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // Help and version exit 0; usage errors were already printed by commander.
    return error.exitCode;
  }
  if (error instanceof UserError) {
    process.stderr.write(errorLine(error.message));
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(errorLine(`unexpected error: ${message}`));
  if (process.env.DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return 1;
}
