import type { AnyNode, Element } from 'domhandler';

/**
 * Text of parsed (domhandler) trees by plain walks. Extraction runs on every page of a crawl, so
 * these avoid what the cheerio equivalents cost: cloning the body, a fragment parse per appended
 * space, a selector compile per link.
 */

/** Subtrees that never render text. */
const NON_TEXT_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg']);

/** Elements that end a word: a space follows their text so "<li>A</li><li>B</li>" does not read "AB". */
const WORD_BREAK_TAGS = new Set([
  'p',
  'div',
  'li',
  'td',
  'th',
  'br',
  'label',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'tr',
  'dt',
  'dd',
  'a',
  'button',
  'option',
]);

function isHiddenElement(el: Element): boolean {
  if (NON_TEXT_TAGS.has(el.name)) return true;
  const { attribs } = el;
  if (attribs.hidden !== undefined || attribs['aria-hidden'] === 'true') return true;
  const style = attribs.style;
  if (style === undefined) return false;
  const compact = style.replace(/\s+/g, '').toLowerCase();
  return compact.includes('display:none') || compact.includes('visibility:hidden');
}

function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/**
 * The text a reader sees in `root`'s descendants (root itself is not checked): skips script, style,
 * noscript, template and svg, `hidden`, `aria-hidden="true"` and inline display:none or
 * visibility:hidden subtrees, and puts a space after each word-breaking element. Not collapsed.
 */
export function readableText(root: Element): string {
  const parts: string[] = [];
  const walk = (nodes: readonly AnyNode[]) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        parts.push(node.data);
      } else if (isElement(node)) {
        if (isHiddenElement(node)) continue;
        walk(node.children);
        if (WORD_BREAK_TAGS.has(node.name)) parts.push(' ');
      } else if (node.type === 'cdata') {
        walk(node.children);
      }
    }
  };
  walk(root.children);
  return parts.join('');
}

/** textContent: every text node below `node`, in document order (what cheerio's .text() returns). */
export function textOf(node: AnyNode): string {
  if (node.type === 'text') return node.data;
  if (node.type === 'comment' || !('children' in node)) return '';
  let out = '';
  for (const child of node.children) out += textOf(child);
  return out;
}

/** `alt` of every <img alt> below `el`, in document order. */
export function imageAlts(el: Element): string[] {
  const alts: string[] = [];
  const walk = (nodes: readonly AnyNode[]) => {
    for (const node of nodes) {
      if (!isElement(node)) continue;
      if (node.name === 'img' && node.attribs.alt !== undefined) alts.push(node.attribs.alt);
      walk(node.children);
    }
  };
  walk(el.children);
  return alts;
}
