import type { z } from 'zod';
import { type Catalog, type CatalogEntry, METHODS, type Rule, UserError } from '../../src/core/index.ts';
import { DETECTORS } from '../detectors/index.ts';
import { EditionSchema, type EditionTable, type IndicatorRow } from './edition-schema.ts';

/** A catalog edition that cannot be loaded: the message names the file and every faulty row. */
export class EditionError extends UserError {
  override name = 'EditionError';
}

function rowLabel(table: unknown, index: number): string {
  const rows = (table as { indicators?: unknown[] } | null)?.indicators;
  const code = (rows?.[index] as { code?: unknown } | undefined)?.code;
  return `indicator row ${index + 1}${typeof code === 'string' ? ` (code ${code})` : ''}`;
}

function schemaProblems(table: unknown, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const [head, index, ...rest] = issue.path;
    const where =
      head === 'indicators' && typeof index === 'number'
        ? `${rowLabel(table, index)}${rest.length ? `, ${rest.join('.')}` : ''}`
        : issue.path.join('.') || 'the file';
    return `${where}: ${issue.message}`;
  });
}

/** The known name nearest a misspelt one (at most two edits away), for "did you mean". */
function closest(name: string, known: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(name, candidate);
    if (distance <= 2 && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}

function rowProblems(edition: EditionTable): string[] {
  const problems: string[] = [];
  const criteria = new Set(edition.criteria.map((c) => c.code));
  const seenCodes = new Map<string, number>();
  const seenIds = new Map<string, number>();
  const known = Object.keys(DETECTORS);
  edition.indicators.forEach((row, i) => {
    const label = rowLabel(edition, i);
    if (!DETECTORS[row.detector]) {
      const hint = closest(row.detector, known);
      problems.push(
        `${label}: unknown detector "${row.detector}"${hint ? ` (did you mean "${hint}"?)` : ''}; detectors are the files of rules/detectors/`,
      );
    }
    if (!criteria.has(row.criterion)) {
      problems.push(`${label}: criterion "${row.criterion}" is not one of ${[...criteria].join(', ')}`);
    }
    const firstCode = seenCodes.get(row.code);
    if (firstCode !== undefined) problems.push(`${label}: code ${row.code} is already row ${firstCode + 1}`);
    else seenCodes.set(row.code, i);
    const id = ruleIdOf(edition.id, row);
    const firstId = seenIds.get(id);
    if (firstId !== undefined && firstCode === undefined) {
      problems.push(`${label}: rule id ${id} is already row ${firstId + 1}'s; give one of them a slug`);
    } else seenIds.set(id, i);
  });
  return problems;
}

export function ruleIdOf(editionId: string, row: Pick<IndicatorRow, 'code' | 'slug' | 'detector'>): string {
  return `${editionId}/${row.code}-${row.slug ?? row.detector}`;
}

function ruleOf(editionId: string, row: IndicatorRow): Rule {
  const detector = DETECTORS[row.detector]!;
  const { code, criterion, title, definition, method } = row;
  return {
    meta: { ...detector.meta, id: ruleIdOf(editionId, row), code, criterion, title, definition, method },
    detect: detector.detect,
  };
}

function entryOf(editionId: string, row: IndicatorRow): CatalogEntry {
  const { code, criterion, title, definition, method, weight, inferred } = row;
  return {
    code,
    criterion,
    title,
    definition,
    method,
    ruleId: ruleIdOf(editionId, row),
    ...(weight !== undefined && weight !== 1 ? { weight } : {}),
    ...(inferred ? { inferred: true } : {}),
  };
}

/** "94 indicators (IF 6, CP 30, …); methods: 10 auto, 78 heuristic, 6 manual." — from the rows, never by hand. */
export function countsNote(edition: EditionTable): string {
  const perCriterion = edition.criteria
    .map((c) => `${c.code} ${edition.indicators.filter((r) => r.criterion === c.code).length}`)
    .join(', ');
  const perMethod = METHODS.map(
    (m) => `${edition.indicators.filter((r) => r.method === m).length} ${m}`,
  ).join(', ');
  return `${edition.indicators.length} indicators (${perCriterion}); methods: ${perMethod}.`;
}

/**
 * A catalog from an edition table (parsed JSON or YAML): validated, each row joined to its detector.
 * `source` names the table in errors.
 */
export function buildEdition(table: unknown, source: string): Catalog {
  const parsed = EditionSchema.safeParse(table);
  const problems = parsed.success ? rowProblems(parsed.data) : schemaProblems(table, parsed.error);
  if (!parsed.success || problems.length > 0) {
    throw new EditionError(`Catalog edition ${source} is invalid:\n- ${problems.join('\n- ')}`);
  }
  const edition = parsed.data;
  return {
    id: edition.id,
    version: edition.version,
    title: edition.title,
    level: edition.level,
    criteria: edition.criteria,
    thresholds: edition.thresholds,
    entries: edition.indicators.map((row) => entryOf(edition.id, row)),
    rules: edition.indicators.map((row) => ruleOf(edition.id, row)),
    notes: [countsNote(edition), ...edition.notes],
  };
}
