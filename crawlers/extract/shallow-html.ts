/**
 * HTML parsers spend time in proportion to the depth of the open-element stack on every end tag,
 * so a page of 20,000 nested elements costs minutes of CPU to parse (both parse5 and htmlparser2).
 * Browsers do not build such trees either (Blink stops nesting at 512). This pre-pass, linear in the
 * length of the document, removes the tags of elements that would open deeper than MAX_DEPTH (their
 * text stays), and leaves every ordinary page untouched.
 */
const MAX_DEPTH = 512;
/** Below this estimated depth the document is parsed as it is. */
const REWRITE_ABOVE = 1000;

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
/** Elements whose start tag closes an open one of the same name (`<li>a<li>b`). */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th']);
/** How far down the stack an end tag looks for its element; deeper mismatches are ignored. */
const END_TAG_SEARCH = 8;

const TOKEN =
  /<!--[\s\S]*?-->|<(script|style|textarea|title)\b(?:[^>"']|"[^"]*"|'[^']*')*>[\s\S]*?<\/\1\s*>|<(\/?)([a-zA-Z][\w:-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/gi;

export function shallowHtml(html: string): string {
  if (estimatedDepth(html) <= REWRITE_ABOVE) return html;
  // Elements are pushed even when dropped, so the kept ones are exactly the first MAX_DEPTH entries.
  const stack: string[] = [];
  return html.replace(
    TOKEN,
    (token, raw: string | undefined, slash: string, tagName: string, selfClose: string) => {
      if (raw !== undefined || tagName === undefined) return token;
      const step = openOrClose(stack, tagName.toLowerCase(), Boolean(slash), Boolean(selfClose));
      return step.depth < MAX_DEPTH ? token : ' ';
    },
  );
}

/** The deepest the open-element stack gets, counted the way shallowHtml counts it. */
function estimatedDepth(html: string): number {
  const stack: string[] = [];
  let deepest = 0;
  for (const [, raw, slash, tagName, selfClose] of html.matchAll(TOKEN)) {
    if (raw !== undefined || tagName === undefined) continue;
    openOrClose(stack, tagName.toLowerCase(), Boolean(slash), Boolean(selfClose));
    deepest = Math.max(deepest, stack.length);
  }
  return deepest;
}

/**
 * Applies one tag to the stack of open elements; returns the depth the tag sits at (0 = top level).
 * Costs at most END_TAG_SEARCH steps, so the whole pass is linear.
 */
function openOrClose(stack: string[], name: string, isEnd: boolean, selfClose: boolean): { depth: number } {
  if (isEnd) {
    for (let i = stack.length - 1; i >= 0 && i >= stack.length - END_TAG_SEARCH; i--) {
      if (stack[i] === name) {
        stack.length = i;
        return { depth: i };
      }
    }
    return { depth: stack.length };
  }
  if (VOID.has(name) || selfClose) return { depth: stack.length };
  if (SELF_CLOSING_SIBLINGS.has(name) && stack.at(-1) === name) stack.pop();
  stack.push(name);
  return { depth: stack.length - 1 };
}
