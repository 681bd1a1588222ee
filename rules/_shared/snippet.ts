import { collapseWhitespace, truncate } from '../../src/core/index.ts';

export const MAX_SNIPPET = 500;

/** Up to `radius` characters either side of text[index, index+length), with ellipses where cut. */
export function snippetAround(text: string, index: number, length: number, radius = 120): string {
  const start = Math.max(0, index - radius);
  const end = Math.min(text.length, index + length + radius);
  const body = collapseWhitespace(text.slice(start, end));
  return truncate(`${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`, MAX_SNIPPET);
}

export function clip(text: string, max = MAX_SNIPPET): string {
  return truncate(collapseWhitespace(text), max);
}
