import { foldText, type SearchProbeResult } from '../../src/core/index.ts';

/** Non-overlapping occurrences of `needle` in `haystack` (0 for an empty needle). */
export function countOccurrences(haystack: string, needle: string): number {
  if (!needle) return 0;
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length))
    count++;
  return count;
}

/** Up to 500 characters of `text` around the first occurrence of `query` ('' when absent). */
export function snippetAround(text: string, query: string): string {
  let at = text.toLowerCase().indexOf(query.toLowerCase());
  if (at === -1) at = foldText(text).indexOf(foldText(query));
  if (at === -1) return '';
  const start = Math.max(0, at - 200);
  return text.slice(start, start + 500);
}

/** A probe that produced no results page. */
export function failedProbeResult(
  query: string,
  url: string,
  status: SearchProbeResult['status'] = 'error',
  error?: string,
): SearchProbeResult {
  return {
    query,
    resultsUrl: url,
    status,
    httpStatus: null,
    title: '',
    textLength: 0,
    queryOccurrences: 0,
    mainLinkCount: 0,
    snippet: '',
    ...(error === undefined ? {} : { error }),
  };
}
