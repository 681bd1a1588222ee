import { dirname, resolve } from 'node:path';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { type Level, UserError } from '../../core/index.ts';
import type { LoadedConfig } from './load-config.ts';

/**
 * Settings of the named commands come from, first to last: command-line flags, PORTAL_AUDIT_*
 * environment variables, the config file, the built-in defaults. Commander records where each option
 * value came from; before the action runs, the environment and then the file fill the options still at
 * their default.
 */
export function useConfigFile(program: Command, commandNames: readonly string[]): void {
  for (const command of program.commands.filter((c) => commandNames.includes(c.name()))) {
    // Shown in --help. Set after the option was added, so commander only displays it: the hook reads it.
    for (const option of valuedOptions(command)) option.env(envName(option));
    command.addOption(
      new Option(
        '--config <file>',
        'settings file (default: portal-audit.config.json or .yaml here or in a folder above)',
      ).env('PORTAL_AUDIT_CONFIG'),
    );
    command.hook('preAction', (_program, action) => applySettings(action));
  }
}

/** `--max-pages` → `PORTAL_AUDIT_MAX_PAGES`. */
export function envName(option: Option): string {
  return `PORTAL_AUDIT_${option
    .attributeName()
    .replace(/[A-Z]/g, (c) => `_${c}`)
    .toUpperCase()}`;
}

/** Options that take a value; flags such as --allow-private are never set from outside the command line. */
function valuedOptions(command: Command): Option[] {
  return command.options.filter((o) => (o.required || o.optional) && o.attributeName() !== 'config');
}

async function applySettings(command: Command): Promise<void> {
  // Loaded here, not at start-up: `--help` needs neither the YAML parser nor zod.
  const { loadConfigFile } = await import('./load-config.ts');
  const loaded = await loadConfigFile(command.getOptionValue('config') as string | undefined);
  const fromFile: Record<string, unknown> = { ...loaded?.settings };
  for (const option of valuedOptions(command)) {
    const key = option.attributeName();
    const source = command.getOptionValueSource(key);
    if (source !== undefined && source !== 'default') continue;
    const env = envName(option);
    const raw = process.env[env];
    if (raw !== undefined && raw !== '')
      command.setOptionValueWithSource(key, parseEnv(option, env, raw), 'env');
    else if (fromFile[key] !== undefined) command.setOptionValueWithSource(key, fromFile[key], 'config');
  }
  if (loaded) await applyCatalogs(command, loaded);
}

function parseEnv(option: Option, env: string, raw: string): unknown {
  if (!option.parseArg) return raw;
  try {
    return option.parseArg(raw, undefined);
  } catch (error) {
    if (error instanceof InvalidArgumentError) throw new UserError(`${env}=${raw}: ${error.message}`);
    throw error;
  }
}

/** `catalogs: { city, national }` picks the catalog of the audit's level when no --catalog is given. */
async function applyCatalogs(command: Command, { file, settings }: LoadedConfig): Promise<void> {
  const level = command.getOptionValue('level') as Level | undefined;
  const catalog = level ? settings.catalogs?.[level] : undefined;
  if (!catalog || command.getOptionValue('catalog') !== undefined) return;
  const { isEditionFile, resolveCatalog } = await import('../../../rules/index.ts');
  // An edition file named in the config is relative to the config file.
  const value = isEditionFile(catalog) ? resolve(dirname(file), catalog) : catalog;
  try {
    command.setOptionValueWithSource('catalog', resolveCatalog(value), 'config');
  } catch (error) {
    throw new UserError(`${file}: catalogs.${level}: ${(error as Error).message}`);
  }
}
