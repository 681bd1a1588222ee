import * as cheerio from 'cheerio';
import type { AnyNode, ParentNode } from 'domhandler';
import { shallowHtml } from './shallow-html.ts';

/**
 * Browsers stop nesting elements at this depth (Blink's HTML parser puts deeper elements beside
 * the deepest one), so a page of 20,000 nested elements shows the same text as a flat one.
 */
export const MAX_TREE_DEPTH = 512;

/**
 * Parses a document with cheerio and flattens what lies deeper than MAX_TREE_DEPTH, so that every
 * walk over the tree, ours or a library's, stays within the call stack.
 */
export function loadHtml(html: string): cheerio.CheerioAPI {
  const $ = cheerio.load(shallowHtml(html));
  capDepth($.root()[0] as unknown as ParentNode);
  return $;
}

function capDepth(root: ParentNode): void {
  const stack: { node: ParentNode; depth: number }[] = [{ node: root, depth: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const { node, depth } = item;
    if (depth >= MAX_TREE_DEPTH) {
      flatten(node);
      continue;
    }
    for (const child of node.children) {
      if ('children' in child && child.children.length > 0) stack.push({ node: child, depth: depth + 1 });
    }
  }
}

/** Makes every descendant of `node` its direct child, in document order, each without children. */
function flatten(node: ParentNode): void {
  const flat: AnyNode[] = [];
  const pending: AnyNode[] = [...node.children].reverse();
  for (let next = pending.pop(); next; next = pending.pop()) {
    flat.push(next);
    if ('children' in next) {
      for (let i = next.children.length - 1; i >= 0; i--) pending.push(next.children[i] as AnyNode);
      next.children = [];
    }
  }
  flat.forEach((child, i) => {
    child.parent = node;
    child.prev = flat[i - 1] ?? null;
    child.next = flat[i + 1] ?? null;
  });
  node.children = flat;
}
