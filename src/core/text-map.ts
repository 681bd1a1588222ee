import { foldText } from './text.ts';

/**
 * A text folded as foldText folds it, one character at a time, remembering where each folded
 * character came from: a match found in folded text can be shown in the page's own words.
 */
export interface FoldedWithOrigins {
  folded: string;
  /** For folded[i]: the index in the original text of the character it came from… */
  starts: number[];
  /** …and the index just after that character. */
  ends: number[];
}

const WHITESPACE = /\s/;
const charFolds = new Map<string, string>();

/** Greek final sigma folds like sigma: whole-text lower-casing and per-character lower-casing differ there. */
function foldChar(char: string): string {
  let folded = charFolds.get(char);
  if (folded === undefined) {
    folded = foldText(char).replace(/ς/g, 'σ');
    if (charFolds.size < 10_000) charFolds.set(char, folded);
  }
  return folded;
}

export function foldWithOrigins(text: string): FoldedWithOrigins {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let index = 0;
  for (const char of text) {
    const next = index + char.length;
    if (WHITESPACE.test(char)) {
      // Runs of whitespace fold to one space, and none at the start.
      if (folded.length > 0 && !folded.endsWith(' ')) {
        folded += ' ';
        starts.push(index);
        ends.push(next);
      }
    } else {
      const out = foldChar(char);
      folded += out;
      for (let k = 0; k < out.length; k++) {
        starts.push(index);
        ends.push(next);
      }
    }
    index = next;
  }
  if (folded.endsWith(' ')) {
    folded = folded.slice(0, -1);
    starts.pop();
    ends.pop();
  }
  return { folded, starts, ends };
}

/** Where folded[from, to) lies in the original text, or null for an empty range. */
export function originalRange(map: FoldedWithOrigins, from: number, to: number): [number, number] | null {
  if (to <= from || from < 0 || to > map.folded.length) return null;
  return [map.starts[from] as number, map.ends[to - 1] as number];
}
