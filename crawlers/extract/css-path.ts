import type { Element } from 'domhandler';

const SIMPLE_ID = /^[A-Za-z][\w-]*$/;

/**
 * A CSS selector that finds `el` in the same document: `#id` when an ancestor-or-self has a simple
 * id, then `tag:nth-of-type(n)` steps down to the element.
 */
export function cssPath(el: Element, idCounts: Map<string, number>): string {
  const steps: string[] = [];
  for (let node: Element | null = el; node && node.type === 'tag'; node = node.parent as Element | null) {
    const id = node.attribs.id;
    if (id && SIMPLE_ID.test(id) && idCounts.get(id) === 1) {
      steps.unshift(`#${id}`);
      return steps.join(' > ');
    }
    if (node.name === 'html') {
      steps.unshift('html');
      break;
    }
    const parent = node.parent as Element | null;
    let index = 1;
    let sameTag = 0;
    if (parent && 'children' in parent) {
      for (const sibling of parent.children) {
        if (sibling.type === 'tag' && (sibling as Element).name === node.name) {
          sameTag++;
          if (sibling === node) index = sameTag;
        }
      }
    }
    steps.unshift(sameTag > 1 ? `${node.name}:nth-of-type(${index})` : node.name);
  }
  return steps.join(' > ');
}
