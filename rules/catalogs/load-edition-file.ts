import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { Catalog } from '../../src/core/index.ts';
import { buildEdition, EditionError } from './build-edition.ts';

/** A custom edition (a national adaptation) from a .json, .yaml or .yml table. */
export function loadEditionFile(path: string): Catalog {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new EditionError(`Cannot read catalog edition ${path}: ${(err as Error).message}`);
  }
  let table: unknown;
  try {
    // YAML is a superset of JSON: one parser reads both.
    table = parseYaml(text, { prettyErrors: true });
  } catch (err) {
    throw new EditionError(`Catalog edition ${path} is not valid YAML or JSON: ${(err as Error).message}`);
  }
  return buildEdition(table, path);
}
