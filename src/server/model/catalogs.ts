import { getCatalog } from '../../../rules/index.ts';
import type { Catalog, CatalogEntry } from '../../core/index.ts';

/** The catalog a run was judged with, or null when this version of the tool does not know it. */
export function catalogOrNull(id: string): Catalog | null {
  try {
    return getCatalog(id);
  } catch {
    return null;
  }
}

export function entryFor(catalog: Catalog | null, code: string): CatalogEntry | undefined {
  return catalog?.entries.find((e) => e.code === code);
}

export function criterionName(catalog: Catalog | null, code: string): string {
  const name = catalog?.criteria.find((c) => c.code === code)?.name;
  return name ? `${name} (${code})` : code || 'Other';
}
