import { dirname, resolve } from 'node:path';
import { type Loader, lilconfig } from 'lilconfig';
import { parse as parseYaml } from 'yaml';
import { UserError } from '../../core/index.ts';
import { type ConfigFile, ConfigFileSchema, describeConfigProblem } from './config-schema.ts';

export const CONFIG_FILE_NAMES = [
  'portal-audit.config.json',
  'portal-audit.config.yaml',
  'portal-audit.config.yml',
] as const;

export interface LoadedConfig {
  file: string;
  /** Validated settings; `out` and `db` are absolute (relative paths are read from the file's folder). */
  settings: ConfigFile;
}

/** A loader whose syntax errors name the file (lilconfig's own do not). */
function loader(format: string, parse: (text: string) => unknown): Loader {
  return (file, content) => {
    try {
      return parse(content);
    } catch (error) {
      throw new UserError(`${file}: not valid ${format}: ${firstLine(error)}`);
    }
  };
}

const jsonLoader = loader('JSON', JSON.parse);
const yamlLoader = loader('YAML', parseYaml);

/**
 * The config file named by `explicitFile` (--config / PORTAL_AUDIT_CONFIG), else the first of
 * CONFIG_FILE_NAMES in `fromDir` or a folder above it; null when there is none.
 */
export async function loadConfigFile(
  explicitFile: string | undefined,
  fromDir: string = process.cwd(),
): Promise<LoadedConfig | null> {
  const explorer = lilconfig('portal-audit', {
    searchPlaces: [...CONFIG_FILE_NAMES],
    loaders: { '.json': jsonLoader, '.yaml': yamlLoader, '.yml': yamlLoader },
    cache: false,
  });
  const file = explicitFile ? resolve(explicitFile) : undefined;
  let found: Awaited<ReturnType<typeof explorer.search>>;
  try {
    found = file ? await explorer.load(file) : await explorer.search(fromDir);
  } catch (error) {
    if (error instanceof UserError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      file && code === 'ENOENT'
        ? `config file ${file} not found`
        : `cannot read the config file: ${firstLine(error)}`,
    );
  }
  if (!found) return null;
  const parsed = ConfigFileSchema.safeParse(found.isEmpty ? {} : found.config);
  if (!parsed.success) throw new UserError(`${found.filepath}: ${describeConfigProblem(parsed.error)}`);
  const here = dirname(found.filepath);
  const settings = { ...parsed.data };
  if (settings.out) settings.out = resolve(here, settings.out);
  if (settings.db) settings.db = resolve(here, settings.db);
  return { file: found.filepath, settings };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
}
