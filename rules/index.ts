import type { Catalog, Level } from '../src/core/index.ts';
import { losi2024 } from './losi-2024/catalog.ts';
import { osi2024 } from './osi-2024/catalog.ts';

export { buildLinkPrioritizer } from './link-hints.ts';

/** Every catalog, by id. Explicit (no globbing): a catalog is data the scores depend on. */
export const CATALOGS: Readonly<Record<string, Catalog>> = {
  [losi2024.id]: losi2024,
  [osi2024.id]: osi2024,
};

export function getCatalog(id: string): Catalog {
  const catalog = CATALOGS[id];
  if (!catalog) {
    throw new Error(`Unknown catalog "${id}". Known catalogs: ${Object.keys(CATALOGS).join(', ')}.`);
  }
  return catalog;
}

/** The catalog a level is audited against: LOSI for cities; OSI for national portals once it exists. */
export function defaultCatalogId(level: Level): string {
  if (level === 'national' && CATALOGS['osi-2024']) return 'osi-2024';
  return 'losi-2024';
}
