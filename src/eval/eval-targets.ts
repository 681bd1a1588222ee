import { readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { UserError } from '../core/index.ts';
import { type PortalTruth, PortalTruthSchema, readPortalConfig } from '../fixture-server/portal-fixture.ts';

/** What the user names: a folder with `site/`, and where its labels are when it holds no truth.json. */
export interface EvalTargetSpec {
  dir: string;
  /** Labels file in truth.json format (for a folder without truth.json, e.g. a corpus site). */
  truthFile?: string;
  /** Folder of `<folder name>.json` labels files, used for folders without truth.json. */
  truthDir?: string;
  /** Home page path, overriding the labels' `home`. */
  home?: string;
}

export interface EvalTarget {
  dir: string;
  truthFile: string;
  truth: PortalTruth;
}

/** Checks every target before anything is crawled, so a typo fails in a second, not after ten audits. */
export async function resolveTargets(specs: readonly EvalTargetSpec[]): Promise<EvalTarget[]> {
  if (specs.length === 0) throw new UserError('eval needs at least one portal folder.');
  const targets: EvalTarget[] = [];
  for (const spec of specs) targets.push(await resolveTarget(spec));
  return targets;
}

export async function resolveTarget(spec: EvalTargetSpec): Promise<EvalTarget> {
  const dir = resolve(spec.dir);
  if (!(await isDir(dir))) throw new UserError(`${spec.dir} is not a folder.`);
  if (!(await isDir(join(dir, 'site'))) && !(await readPortalConfig(dir)).generated) {
    throw new UserError(
      `${spec.dir} has no site/ folder (nor a portal.json that generates one): eval serves <dir>/site as the portal.`,
    );
  }
  const truthFile = await findTruthFile(dir, spec);
  const truth = await readTruth(truthFile);
  if (spec.home !== undefined) {
    if (!spec.home.startsWith('/'))
      throw new UserError(`--home must be a path starting with /, not ${spec.home}`);
    truth.home = spec.home;
  }
  return { dir, truthFile, truth };
}

async function findTruthFile(dir: string, spec: EvalTargetSpec): Promise<string> {
  if (spec.truthFile) {
    const file = resolve(spec.truthFile);
    if (!(await isFile(file))) throw new UserError(`--truth ${spec.truthFile}: no such file.`);
    return file;
  }
  const own = join(dir, 'truth.json');
  if (await isFile(own)) return own;
  if (spec.truthDir) {
    const named = resolve(spec.truthDir, `${basename(dir)}.json`);
    if (await isFile(named)) return named;
    throw new UserError(
      `${spec.dir} has no truth.json and ${spec.truthDir} has no ${basename(dir)}.json: eval needs labels.`,
    );
  }
  throw new UserError(
    `${spec.dir} has no truth.json: eval compares the audit with labels. Give a labels file with --truth <file> ` +
      '(truth.json format) for a folder without one.',
  );
}

async function readTruth(file: string): Promise<PortalTruth> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UserError(
      `${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = PortalTruthSchema.safeParse(raw);
  if (!parsed.success) throw new UserError(`${file} is not a valid labels file:\n${parsed.error.message}`);
  return parsed.data;
}

async function isDir(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}
