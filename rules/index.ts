import { type Catalog, type Level, UserError } from '../src/core/index.ts';
import { buildEdition } from './catalogs/build-edition.ts';
import { loadEditionFile } from './catalogs/load-edition-file.ts';
import losi2024 from './catalogs/losi-2024.json' with { type: 'json' };
import osi2024 from './catalogs/osi-2024.json' with { type: 'json' };

export { buildEdition, EditionError } from './catalogs/build-edition.ts';
export { buildLinkPrioritizer } from './link-hints.ts';

const catalogs: Record<string, Catalog> = {};
const BUILT_IN = new Set<string>();
for (const [table, file] of [
  [losi2024, 'rules/catalogs/losi-2024.json'],
  [osi2024, 'rules/catalogs/osi-2024.json'],
] as const) {
  const catalog = buildEdition(table, file);
  catalogs[catalog.id] = catalog;
  BUILT_IN.add(catalog.id);
}

/** Every catalog, by id: the built-in editions, then any custom edition loaded in this process. */
export const CATALOGS: Readonly<Record<string, Catalog>> = catalogs;

export function getCatalog(id: string): Catalog {
  const catalog = CATALOGS[id];
  if (!catalog) {
    throw new Error(`Unknown catalog "${id}". Known catalogs: ${Object.keys(CATALOGS).join(', ')}.`);
  }
  return catalog;
}

/** The catalog a level is audited against: LOSI for cities, OSI for national portals. */
export function defaultCatalogId(level: Level): string {
  return level === 'national' ? 'osi-2024' : 'losi-2024';
}

/** Whether a `--catalog` value names an edition file rather than a catalog id. */
export function isEditionFile(value: string): boolean {
  return /\.(json|ya?ml)$/i.test(value);
}

/**
 * A `--catalog` value: the id of a known catalog, or the path of an edition file (.json, .yaml),
 * which is loaded, registered under its id for this process, and returned by id.
 */
export function resolveCatalog(idOrFile: string): string {
  if (CATALOGS[idOrFile]) return idOrFile;
  if (!isEditionFile(idOrFile)) {
    throw new UserError(
      `Unknown catalog "${idOrFile}". Known catalogs: ${Object.keys(CATALOGS).join(', ')}; or give an edition file (.json, .yaml).`,
    );
  }
  const catalog = loadEditionFile(idOrFile);
  if (BUILT_IN.has(catalog.id)) {
    throw new UserError(
      `${idOrFile} uses the id "${catalog.id}" of a built-in edition; give a custom edition its own id (e.g. ${catalog.id}-br).`,
    );
  }
  catalogs[catalog.id] = catalog;
  return catalog.id;
}
