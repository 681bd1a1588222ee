import { CsvError, parse } from 'csv-parse/sync';

/** Field separators a target list may use: comma, semicolon (common in Europe), tab. */
export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface CsvRecord {
  cells: string[];
  /** Line where the record starts (the file's first line is 1). */
  line: number;
}

export interface BrokenLine {
  line: number;
  reason: string;
}

export interface ReadRecordsOptions {
  delimiter: Delimiter;
  /** Line of `text`'s first line in the file, for the line numbers reported. */
  firstLine: number;
  /**
   * Whether a record spanning several lines is really one row. A quote opened by mistake swallows the
   * lines after it into one field until the next quote; such a record is dropped at its first line and
   * reading resumes at the line after, so the swallowed rows are read again.
   */
  isWholeRecord: (cells: string[]) => boolean;
}

/** Lines parsed at a time. After a broken line reading resumes with a small window, so a file with
 * many broken lines is not re-parsed to its end for each of them; a record longer than the window
 * doubles it until the record fits or the file ends. */
const FIRST_WINDOW = 16;
const MAX_WINDOW = 8192;

/**
 * Splits CSV text into records, recovering from malformed quoting at the next line: every line is
 * either part of a returned record or listed in `broken` (blank lines excepted).
 */
export function readRecords(
  text: string,
  options: ReadRecordsOptions,
): { records: CsvRecord[]; broken: BrokenLine[] } {
  const lines = text.split('\n');
  const records: CsvRecord[] = [];
  const broken: BrokenLine[] = [];
  const firstLineWithText = (index: number) => {
    let at = index;
    while (at < lines.length && lines[at] === '') at++;
    return at;
  };

  let from = 0; // index in `lines` where the current window starts
  let window = FIRST_WINDOW;
  while (from < lines.length) {
    const to = Math.min(lines.length, from + window);
    let lastEnd = from - 1; // index of the last line of the last record read in this window
    try {
      parse(lines.slice(from, to).join('\n'), {
        delimiter: options.delimiter,
        relax_column_count: true,
        skip_empty_lines: true,
        on_record: (record: string[], context: { lines: number }) => {
          const start = firstLineWithText(lastEnd + 1);
          const end = from + context.lines - 1;
          if (end > start && !options.isWholeRecord(record)) throw new RunawayQuote(end);
          records.push({ cells: record, line: options.firstLine + start });
          lastEnd = end;
          return null;
        },
      });
      from = to;
      window = Math.min(window * 2, MAX_WINDOW);
    } catch (error) {
      if (!(error instanceof CsvError || error instanceof RunawayQuote)) throw error;
      const start = firstLineWithText(lastEnd + 1);
      if (error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED' && to < lines.length) {
        from = start; // the record may go on after the window
        window = Math.max(window, to - start) * 2;
        continue;
      }
      const errorAt = error instanceof RunawayQuote ? error.endIndex : from + lineOf(error) - 1;
      broken.push({
        line: options.firstLine + start,
        reason: reasonFor(error, errorAt > start ? options.firstLine + errorAt : null),
      });
      from = start + 1;
      window = FIRST_WINDOW;
    }
  }
  return { records, broken };
}

/** The delimiter that separates the most columns in the header line (outside quotes); comma on a tie. */
export function detectDelimiter(headerLine: string): Delimiter {
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
  let best: Delimiter = ',';
  for (const delimiter of DELIMITERS) {
    if (unquoted.split(delimiter).length > unquoted.split(best).length) best = delimiter;
  }
  return best;
}

export function delimiterName(delimiter: Delimiter): string {
  return { ',': 'comma', ';': 'semicolon', '\t': 'tab' }[delimiter];
}

class RunawayQuote extends Error {
  constructor(readonly endIndex: number) {
    super('runaway quote');
  }
}

/** Line of the slice where csv-parse stopped (its `lines` context, 1-based). */
function lineOf(error: CsvError): number {
  return typeof error.lines === 'number' ? error.lines : 1;
}

/** csv-parse's messages give line numbers in the slice it was handed, so the reasons are our own. */
function reasonFor(error: CsvError | RunawayQuote, spillsToLine: number | null): string {
  if (error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED')
    return 'malformed CSV: a quote opened on this line is never closed';
  if (spillsToLine !== null)
    return `malformed CSV: a quote opened on this line is not closed on it (the field ran on to line ${spillsToLine})`;
  if (error instanceof RunawayQuote) return 'malformed CSV: a quote opened on this line is not closed on it';
  if (error.code === 'CSV_INVALID_CLOSING_QUOTE')
    return 'malformed CSV: a quoted field is followed by other characters (double a quote inside a field)';
  if (error.code === 'INVALID_OPENING_QUOTE')
    return 'malformed CSV: a quote inside an unquoted field (quote the whole field and double the quote)';
  return `malformed CSV: ${error.message.replace(/ (at|on) line \d+/g, '')}`;
}
