import { parse } from 'csv-parse/sync';
import countries from 'i18n-iso-countries';
import { isPrivateAddress, normalizeUrl } from '../../crawlers/index.ts';
import { LEVELS, type Level, type Target, UserError } from '../core/index.ts';
import { type Delimiter, detectDelimiter, readRecords } from './csv-records.ts';

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
  /** The field separator detected from the header line. */
  delimiter: Delimiter;
}

export interface ParseTargetsOptions {
  /** Level of rows whose `level` cell is empty (or that have no level column). */
  defaultLevel: Level;
  /** Accept URLs whose host is a private, loopback or link-local address literal. */
  allowPrivate: boolean;
  /** Header names to read instead of the standard ones, e.g. { url: 'Domain name', city: 'City' }. */
  columns?: Partial<Record<TargetColumn, string>>;
}

type ColumnIndex = Partial<Record<TargetColumn, number>> & { url: number };

const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

/**
 * Reads a target list: a header row, then one portal per row, separated by commas, semicolons or tabs
 * (whichever splits the header into most columns). Rows that cannot be imported (no or invalid URL,
 * unknown level, country or language, duplicate URL, malformed CSV) are returned with their line
 * number and the reason; the others are returned ready to import. Malformed quoting costs the line it
 * is on, never the lines after it.
 */
export function parseTargetsCsv(text: string, options: ParseTargetsOptions): ParsedTargets {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const headerAt = lines.findIndex((line) => line.trim() !== '');
  const headerLine = lines[headerAt];
  if (headerLine === undefined)
    throw new UserError('The target list is empty: expected a header row with a "url" column.');
  const delimiter = detectDelimiter(headerLine);
  const header = parseHeader(headerLine, delimiter, headerAt + 1);
  const index = columnIndex(header, options.columns ?? {});

  const { records, broken } = readRecords(lines.slice(headerAt + 1).join('\n'), {
    delimiter,
    firstLine: headerAt + 2,
    isWholeRecord: (cells) => !swallowsRows(cells, header.length, index.url, delimiter),
  });
  const bad: BadRow[] = [...broken];
  const targets: TargetRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { cells, line } of records) {
    if (cells.every((cell) => cell.trim() === '')) continue;
    if (cells.length > header.length) {
      bad.push({ line, reason: `${cells.length} fields, but the header has ${header.length}` });
      continue;
    }
    const cell = (column: TargetColumn) => {
      const at = index[column];
      return at === undefined ? '' : (cells[at] ?? '').trim();
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
  return { targets, bad, delimiter };
}

/**
 * Whether a record spanning lines is rows run together by a stray quote rather than one row with a
 * multi-line cell (which target lists have, e.g. descriptions): its field count is off, its URL cell
 * spans lines, or a line inside a cell is itself a whole row with a URL.
 */
function swallowsRows(cells: string[], columns: number, urlAt: number, delimiter: Delimiter): boolean {
  if (cells.length !== columns || cells[urlAt]?.includes('\n')) return true;
  return cells.some((cell) =>
    cell
      .split('\n')
      .slice(1)
      .some((line) => {
        const fields = line.split(delimiter);
        return (
          fields.length === columns && typeof parseTargetUrl(fields[urlAt]?.trim() ?? '', true) === 'string'
        );
      }),
  );
}

function parseHeader(line: string, delimiter: Delimiter, lineNumber: number): string[] {
  try {
    return (parse(line, { delimiter }) as string[][])[0] ?? [];
  } catch (error) {
    throw new UserError(
      `The header row of the target list (line ${lineNumber}) is malformed CSV: ${(error as Error).message}`,
    );
  }
}

function columnIndex(header: string[], mapping: Partial<Record<TargetColumn, string>>): ColumnIndex {
  const names = header.map((h) => h.trim().toLowerCase());
  const index: Partial<Record<TargetColumn, number>> = {};
  for (const column of TARGET_COLUMNS) {
    const wanted = (mapping[column] ?? column).trim().toLowerCase();
    const at = names.indexOf(wanted);
    if (at !== -1) index[column] = at;
    else if (mapping[column] !== undefined)
      throw new UserError(`The target list has no column "${mapping[column]}" (for ${column}).`);
  }
  const { url } = index;
  if (url === undefined) {
    throw new UserError(
      `The target list has no "url" column (header: ${header.join(', ')}). Name one with --columns url=<header>.`,
    );
  }
  return { ...index, url };
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
