import { collapseWhitespace, truncate } from '../../src/core/index.ts';
import { type FoldedWithOrigins, foldWithOrigins, originalRange } from '../../src/core/text-map.ts';

export const MAX_SNIPPET = 500;

/** The matched words inside a snippet: `snippet.slice(start, end)`. */
export interface Highlight {
  start: number;
  end: number;
}

/**
 * Which part of each recent snippet was the match. Rules pass snippetAround's string straight to
 * textEvidence, which reads the match back from here to highlight it; a snippet it does not know is
 * shown without a highlight. Bounded, and keyed by the snippet itself, so it never changes a result.
 */
const recentMatches = new Map<string, Highlight>();
const MAX_REMEMBERED = 64;

/** The match snippetAround marked in this snippet, if it made it lately. */
export function highlightOf(snippet: string): Highlight | undefined {
  return recentMatches.get(snippet);
}

/** Letters and digits of scripts written with spaces: a cut next to one may split a word. */
const WORD_CHAR = /[\p{L}\p{N}]/u;
const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
function inWord(text: string, i: number): boolean {
  const c = text[i];
  return c !== undefined && WORD_CHAR.test(c) && !NO_SPACE_SCRIPT.test(c);
}

/**
 * Moves a window's edges in to whole words: a word cut at an edge is left out, unless the edge's word
 * runs up to the match (one very long word), which is then cut.
 */
function toWordEdges(text: string, start: number, end: number, from: number, to: number): [number, number] {
  let s = start;
  if (s > 0 && inWord(text, s - 1)) {
    while (s < from && inWord(text, s)) s++;
  }
  let e = end;
  if (e < text.length && inWord(text, e)) {
    while (e > to && inWord(text, e - 1)) e--;
  }
  return [s === from && start < from ? start : s, e === to && end > to ? end : e];
}

/** Keeps whole words around text[from, to), shrinking the context so the result fits MAX_SNIPPET. */
function framed(
  text: string,
  from: number,
  to: number,
  radius: number,
): { snippet: string; highlight: Highlight } {
  let room = radius;
  for (;;) {
    const [start, end] = toWordEdges(
      text,
      Math.max(0, from - room),
      Math.min(text.length, to + room),
      from,
      to,
    );
    const lead = start > 0 ? '…' : '';
    // A window that starts after a sentence's end starts at the next word, not at its full stop.
    const before = text
      .slice(start, from)
      .replace(/\s+/g, ' ')
      .replace(start > 0 ? /^[\s.,;:!?]+/ : /^\s+/, '');
    const match = text.slice(from, to).replace(/\s+/g, ' ');
    const after = text.slice(to, end).replace(/\s+/g, ' ').trimEnd();
    const snippet = `${lead}${before}${match}${after}${end < text.length ? '…' : ''}`;
    const begin = lead.length + before.length;
    if (snippet.length <= MAX_SNIPPET || room === 0) {
      const highlight = { start: begin, end: Math.min(begin + match.length, MAX_SNIPPET - 1) };
      return { snippet: truncate(snippet, MAX_SNIPPET), highlight };
    }
    room = Math.floor(room / 2);
  }
}

function remember(snippet: string, highlight: Highlight): void {
  if (highlight.end <= highlight.start) return;
  recentMatches.delete(snippet);
  recentMatches.set(snippet, highlight);
  if (recentMatches.size > MAX_REMEMBERED) recentMatches.delete(recentMatches.keys().next().value as string);
}

/**
 * Up to `radius` characters either side of text[index, index+length), cut between words, with
 * ellipses where cut. The match is remembered for textEvidence (see recentMatches).
 */
export function snippetAround(text: string, index: number, length: number, radius = 120): string {
  const from = Math.max(0, Math.min(index, text.length));
  const to = Math.max(from, Math.min(index + length, text.length));
  const { snippet, highlight } = framed(text, from, to, radius);
  remember(snippet, highlight);
  return snippet;
}

export function clip(text: string, max = MAX_SNIPPET): string {
  return truncate(collapseWhitespace(text), max);
}

/**
 * A snippet in the page's own words: a snippet cut from the folded (lower-cased, accent-free) text,
 * or cut mid-word, is found again in `original` and re-cut there between words, in its original
 * case, with its highlight carried over. A snippet not found in `original` is returned as it is.
 */
export function readableSnippet(
  original: string,
  originalMap: () => FoldedWithOrigins,
  snippet: string,
  highlight: Highlight | undefined,
): { snippet: string; highlight?: Highlight } {
  const lead = snippet.startsWith('…') ? 1 : 0;
  const tail = snippet.length > lead && snippet.endsWith('…') ? 1 : 0;
  const core = snippet.slice(lead, snippet.length - tail);
  const unchanged = highlight ? { snippet, highlight } : { snippet };
  if (core.length === 0) return unchanged;
  const inCore = highlight && { start: highlight.start - lead, end: highlight.end - lead };
  const range = locate(original, originalMap, core, inCore);
  if (!range) return unchanged;
  if (!range.match) {
    const [w0, w1] = range.window;
    const middle = Math.floor((w0 + w1) / 2);
    let [start, end] = toWordEdges(original, w0, w1, middle, middle);
    while (start < end && /[\s.,;:!?]/.test(original[start] as string)) start++;
    while (end > start && /\s/.test(original[end - 1] as string)) end--;
    return { snippet: framed(original, start, end, 0).snippet };
  }
  const [from, to] = range.match;
  return framed(original, from, to, Math.max(from - range.window[0], range.window[1] - to));
}

interface Located {
  window: [number, number];
  match?: [number, number];
}

function locate(
  original: string,
  originalMap: () => FoldedWithOrigins,
  core: string,
  match: Highlight | undefined,
): Located | null {
  const exact = original.indexOf(core);
  if (exact >= 0) {
    const window: [number, number] = [exact, exact + core.length];
    return match && match.end > match.start
      ? { window, match: [exact + match.start, exact + match.end] }
      : { window };
  }
  const page = originalMap();
  const query = foldWithOrigins(core);
  const at = query.folded.length > 0 ? page.folded.indexOf(query.folded) : -1;
  if (at < 0) return null;
  const window = originalRange(page, at, at + query.folded.length);
  if (!window) return null;
  if (!match || match.end <= match.start) return { window };
  // The match in the snippet's folded form, then in the page's folded text, then in the original.
  const first = query.starts.findIndex((s) => s >= match.start);
  let last = -1;
  for (let i = query.ends.length - 1; i >= 0; i--) {
    if ((query.ends[i] as number) <= match.end) {
      last = i;
      break;
    }
  }
  const inPage = first >= 0 && last >= first ? originalRange(page, at + first, at + last + 1) : null;
  return inPage ? { window, match: inPage } : { window };
}
