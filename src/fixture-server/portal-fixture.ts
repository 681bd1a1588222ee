import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { packagePath } from '../core/index.ts';
import { readSitePlan, writeGeneratedSite } from './generated-site.ts';
import {
  type PortalConfig,
  PortalConfigSchema,
  type PortalTruth,
  PortalTruthSchema,
} from './portal-schema.ts';
import { type ServedSite, serveSite } from './static-site.ts';

export {
  type IndicatorTruth,
  type PortalConfig,
  type PortalTruth,
  PortalTruthSchema,
} from './portal-schema.ts';

/** Where the bundled fixture portals live, independent of the working directory. */
export const PORTALS_ROOT = packagePath('fixtures', 'portals');

const MAIN_HOST = '127.0.0.1';

export interface StartedPortal {
  name: string;
  /** Full URL of the home page on the main server. */
  home: string;
  /** `http://127.0.0.1:<port>` of the main site. */
  origin: string;
  /** Host as written in the HTML → origin it is served on (for `externalHosts`). */
  externals: Record<string, string>;
  truth: PortalTruth;
  config: PortalConfig;
  close(): Promise<void>;
}

export interface PortalEntry {
  name: string;
  dir: string;
}

/** The portals under root: every folder holding a `truth.json`, by name. */
export async function listPortals(root: string = PORTALS_ROOT): Promise<PortalEntry[]> {
  const entries = await readdir(root, { withFileTypes: true });
  const portals: PortalEntry[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const dir = join(root, entry.name);
    if (await isFile(join(dir, 'truth.json'))) portals.push({ name: entry.name, dir });
  }
  return portals.sort((a, b) => a.name.localeCompare(b.name));
}

export async function readPortalTruth(portalDir: string): Promise<PortalTruth> {
  const raw = JSON.parse(await readFile(join(portalDir, 'truth.json'), 'utf8')) as unknown;
  const parsed = PortalTruthSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`${join(portalDir, 'truth.json')} is invalid:\n${parsed.error.message}`);
  }
  return parsed.data;
}

export async function readPortalConfig(portalDir: string): Promise<PortalConfig> {
  const file = join(portalDir, 'portal.json');
  if (!(await isFile(file))) return {};
  const parsed = PortalConfigSchema.safeParse(JSON.parse(await readFile(file, 'utf8')) as unknown);
  if (!parsed.success) throw new Error(`${file} is invalid:\n${parsed.error.message}`);
  return parsed.data;
}

/**
 * Serves a fixture portal: its external sites first (each on its own loopback address), then the
 * main site on 127.0.0.1, with absolute links to any of those hosts rewritten to the real ports.
 */
export async function startPortal(
  portalDir: string,
  options: { truth?: PortalTruth; port?: number } = {},
): Promise<StartedPortal> {
  const dir = resolve(portalDir);
  // A truth given by the caller serves folders that hold no truth.json (eval over a corpus site).
  const truth = options.truth ?? (await readPortalTruth(dir));
  const config = await readPortalConfig(dir);
  // Shared by every server of the portal and read per request, so each can link to the others.
  const rewriteHosts: Record<string, string> = {};
  const servers: ServedSite[] = [];
  let generatedRoot: string | null = null;
  const closeAll = async () => {
    await Promise.all(servers.map((s) => s.close()));
    if (generatedRoot) await rm(generatedRoot, { recursive: true, force: true });
  };

  try {
    for (const [host, folder] of Object.entries(truth.externalHosts ?? {})) {
      const siteDir = resolve(dir, folder);
      if (relative(dir, siteDir).startsWith('..'))
        throw new Error(`external folder ${folder} is outside ${dir}`);
      const site = await serveSite(siteDir, { host, rewriteHosts, language: truth.language });
      servers.push(site);
      rewriteHosts[host] = site.origin;
    }
    let siteDir = join(dir, 'site');
    if (config.generated) {
      generatedRoot = await mkdtemp(join(tmpdir(), `portal-${truth.portal}-`));
      await writeGeneratedSite(await readSitePlan(resolve(dir, config.generated)), generatedRoot);
      siteDir = generatedRoot;
    }
    const main = await serveSite(siteDir, {
      host: MAIN_HOST,
      ...(options.port ? { port: options.port } : {}),
      rewriteHosts,
      language: truth.language,
      search: config.search,
      spaFallback: config.spaFallback,
      headers: config.headers,
    });
    servers.push(main);
    const externals = { ...rewriteHosts };
    rewriteHosts[MAIN_HOST] = main.origin;
    return {
      name: truth.portal,
      home: new URL(truth.home, `${main.origin}/`).href,
      origin: main.origin,
      externals,
      truth,
      config,
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}
