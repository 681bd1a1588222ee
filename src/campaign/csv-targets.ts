import { parse } from 'csv-parse/sync';
import countries from 'i18n-iso-countries';
import { isPrivateAddress, normalizeUrl } from '../../crawlers/index.ts';
import { LEVELS, type Level, type Target, UserError } from '../core/index.ts';

/** Columns of a target list; `url` is required, the others optional (see README "campaign create"). */
export const TARGET_COLUMNS = ['url', 'level', 'country', 'city', 'language'] as const;
export type TargetColumn = (typeof TARGET_COLUMNS)[number];

export interface TargetRow extends Target {
  /** Line of the CSV file where the row starts (the header is line 1). */
  line: number;
}

export interface BadRow {
  line: number;
  reason: string;
}

export interface ParsedTargets {
  targets: TargetRow[];
  bad: BadRow[];
}

export interface ParseTargetsOptions {
  /** Level of rows whose `level` cell is empty (or that have no level column). */
  defaultLevel: Level;
  /** Accept URLs whose host is a private, loopback or link-local address literal. */
  allowPrivate: boolean;
  /** Header names to read instead of the standard ones, e.g. { url: 'Domain name', city: 'City' }. */
  columns?: Partial<Record<TargetColumn, string>>;
}

const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;
type CsvRecord = { record: string[]; info: { lines: number } };

/**
 * Reads a target list: a header row, then one portal per row. Rows that cannot be imported (no or
 * invalid URL, unknown level, country or language, duplicate URL, malformed CSV) are returned with
 * their line number and the reason; the others are returned ready to import.
 */
export function parseTargetsCsv(text: string, options: ParseTargetsOptions): ParsedTargets {
  const bad: BadRow[] = [];
  const records = parse(text, {
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error: { lines?: number; message: string } | undefined) => {
      if (error) bad.push({ line: error.lines ?? 0, reason: `malformed CSV: ${error.message}` });
    },
  }) as unknown as CsvRecord[];
  const [header, ...rows] = records;
  if (!header) throw new UserError('The target list is empty: expected a header row with a "url" column.');
  const index = columnIndex(header.record, options.columns ?? {});

  const targets: TargetRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { record, info } of rows) {
    const line = startLine(record, info.lines);
    if (record.every((cell) => cell.trim() === '')) continue;
    if (record.length > header.record.length) {
      bad.push({ line, reason: `${record.length} fields, but the header has ${header.record.length}` });
      continue;
    }
    const cell = (column: TargetColumn) => {
      const at = index[column];
      return at === undefined ? '' : (record[at] ?? '').trim();
    };
    const parsed = parseRow(cell, options);
    if ('reason' in parsed) {
      bad.push({ line, reason: parsed.reason });
      continue;
    }
    const earlier = firstLineOf.get(parsed.url);
    if (earlier !== undefined) {
      bad.push({ line, reason: `duplicate URL ${parsed.url} (first on line ${earlier})` });
      continue;
    }
    firstLineOf.set(parsed.url, line);
    targets.push({ ...parsed, line });
  }
  bad.sort((a, b) => a.line - b.line);
  return { targets, bad };
}

function columnIndex(
  header: string[],
  mapping: Partial<Record<TargetColumn, string>>,
): Partial<Record<TargetColumn, number>> {
  const names = header.map((h) => h.trim().toLowerCase());
  const index: Partial<Record<TargetColumn, number>> = {};
  for (const column of TARGET_COLUMNS) {
    const wanted = (mapping[column] ?? column).trim().toLowerCase();
    const at = names.indexOf(wanted);
    if (at !== -1) index[column] = at;
    else if (mapping[column] !== undefined)
      throw new UserError(`The target list has no column "${mapping[column]}" (for ${column}).`);
  }
  if (index.url === undefined) {
    throw new UserError(
      `The target list has no "url" column (header: ${header.join(', ')}). Name one with --columns url=<header>.`,
    );
  }
  return index;
}

/** Quoted fields may span lines; csv-parse reports the line a record ends on. */
function startLine(record: string[], endLine: number): number {
  const inner = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
  return endLine - inner;
}

function parseRow(
  cell: (column: TargetColumn) => string,
  options: ParseTargetsOptions,
): Target | { reason: string } {
  const url = parseTargetUrl(cell('url'), options.allowPrivate);
  if (typeof url !== 'string') return url;
  const target: Target = { url, level: options.defaultLevel };

  const level = cell('level').toLowerCase();
  if (level) {
    if (!(LEVELS as readonly string[]).includes(level))
      return { reason: `unknown level "${cell('level')}" (expected ${LEVELS.join(' or ')})` };
    target.level = level as Level;
  }
  const country = cell('country');
  if (country) {
    const alpha3 = toAlpha3(country);
    if (!alpha3) return { reason: `"${country}" is not an ISO 3166 country code (e.g. FRA)` };
    target.country = alpha3;
  }
  const city = cell('city');
  if (city) target.city = city.slice(0, 200);
  const language = cell('language');
  if (language) {
    if (!LANGUAGE_TAG.test(language))
      return { reason: `"${language}" is not a language tag (e.g. fr, pt-BR)` };
    target.language = language;
  }
  return target;
}

/** Alpha-3 codes as given (upper-cased); alpha-2 codes are converted. */
function toAlpha3(code: string): string | null {
  const upper = code.toUpperCase();
  if (/^[A-Z]{3}$/.test(upper)) return countries.isValid(upper) ? upper : null;
  if (/^[A-Z]{2}$/.test(upper)) return countries.alpha2ToAlpha3(upper) ?? null;
  return null;
}

/** A portal URL: http(s), with a host; a bare host name gets https://. */
export function parseTargetUrl(raw: string, allowPrivate: boolean): string | { reason: string } {
  if (!raw) return { reason: 'no URL' };
  if (/\s/.test(raw)) return { reason: `invalid URL "${raw.slice(0, 80)}" (contains spaces)` };
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `https://${raw}`;
  let u: URL;
  try {
    u = new URL(withScheme);
  } catch {
    return { reason: `invalid URL "${raw.slice(0, 80)}"` };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    return { reason: `only http and https portals can be audited, not "${raw.slice(0, 80)}"` };
  if (!u.hostname || (!u.hostname.includes('.') && u.hostname !== 'localhost' && !u.hostname.startsWith('[')))
    return { reason: `invalid URL "${raw.slice(0, 80)}" (no host name)` };
  if (u.username || u.password) return { reason: 'URLs with a user name or password are not accepted' };
  if (!allowPrivate && isPrivateLiteral(u.hostname))
    return { reason: `${u.hostname} is a private or loopback address (use --allow-private)` };
  return normalizeUrl(u.href) ?? u.href;
}

function isPrivateLiteral(hostname: string): boolean {
  const name = hostname.replace(/^\[|\]$/g, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  return /^[\d.]+$|:/.test(name) && isPrivateAddress(name);
}
