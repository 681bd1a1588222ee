/**
 * In-page code of the highlighter (plain JavaScript source, evaluated with `evaluateScript`; see
 * crawlers/browser/in-page.ts for why).
 */

/**
 * Runs in the stored page. For each `{ selector, text? }`: the element `document.querySelector`
 * finds, or within it the smallest element whose text holds `text` (whitespace-collapsed, any case:
 * an element whose text holds it while none of its children's does, the first in document order, as
 * Playwright's `getByText` does), and its border box in document coordinates. Null for an invalid
 * selector, no such element, or an element with no box (not rendered). Also the document's size
 * (measured as Playwright measures a full page), which every crop stays inside.
 */
export const LOCATE_TARGETS = `(targets) => {
  const SKIPPED = /^(SCRIPT|NOSCRIPT|STYLE|TEMPLATE)$/;
  const texts = new Map();
  const textOf = (el) => {
    let text = texts.get(el);
    if (text !== undefined) return text;
    text = '';
    for (const node of el.childNodes) {
      if (node.nodeType === 3) text += node.nodeValue;
      else if (node.nodeType === 1 && !SKIPPED.test(node.nodeName)) text += textOf(node);
    }
    text = text.replace(/\\s+/g, ' ').toLowerCase();
    texts.set(el, text);
    return text;
  };
  // A parent's text holds all its children's, so the first child holding the words leads down to
  // the first smallest element holding them.
  const smallestHolding = (scope, words) => {
    if (!textOf(scope).includes(words)) return null;
    for (let el = scope; ; ) {
      const child = Array.from(el.children).find((c) => !SKIPPED.test(c.nodeName) && textOf(c).includes(words));
      if (!child) return el;
      el = child;
    }
  };
  const find = ({ selector, text }) => {
    let el = document.querySelector(selector); // throws for an invalid selector
    const words = text ? text.replace(/\\s+/g, ' ').trim().toLowerCase() : '';
    if (el && words) el = smallestHolding(el, words);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return null;
    return { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height };
  };
  const root = document.documentElement;
  const body = document.body || root;
  return {
    boxes: targets.map((target) => {
      try {
        return find(target);
      } catch {
        return null;
      }
    }),
    width: Math.max(body.scrollWidth, root.scrollWidth, body.offsetWidth, root.offsetWidth, body.clientWidth, root.clientWidth),
    height: Math.max(body.scrollHeight, root.scrollHeight, body.offsetHeight, root.offsetHeight, body.clientHeight, root.clientHeight),
  };
}`;

/**
 * Runs in a blank page with script on. `shots`: screenshots of parts of the stored page (base64
 * PNG, with where their top left corner is in the document); `pictures`: for each, the shot to cut
 * it from, the crop and the element's box (document coordinates), or null for no picture. Returns
 * each picture as base64 JPEG: the crop, with the element outlined as the old inline style did it
 * (a 4px #d40000 outline 3px off the box) and a yellow halo around that; null when drawing failed.
 */
export const PAINT_PICTURES = `async ({ shots, pictures, quality }) => {
  const images = await Promise.all(
    shots.map(({ png }) => {
      const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
      return createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    }),
  );
  return pictures.map((picture) => {
    if (!picture) return null;
    const { shot, crop, box } = picture;
    try {
      const canvas = document.createElement('canvas');
      canvas.width = crop.width;
      canvas.height = crop.height;
      const g = canvas.getContext('2d');
      g.fillStyle = '#fff';
      g.fillRect(0, 0, crop.width, crop.height);
      const from = shots[shot];
      g.drawImage(images[shot], crop.x - from.x, crop.y - from.y, crop.width, crop.height, 0, 0, crop.width, crop.height);
      const x = box.x - crop.x;
      const y = box.y - crop.y;
      // A stroke is centred on its rectangle: the halo covers 7 to 15 px outside the box, the outline 3 to 7.
      g.strokeStyle = 'rgba(255, 230, 0, 0.55)';
      g.lineWidth = 8;
      g.strokeRect(x - 11, y - 11, box.width + 22, box.height + 22);
      g.strokeStyle = '#d40000';
      g.lineWidth = 4;
      g.strokeRect(x - 5, y - 5, box.width + 10, box.height + 10);
      const url = canvas.toDataURL('image/jpeg', quality);
      return url.startsWith('data:image/jpeg;base64,') ? url.slice(23) : null;
    } catch {
      return null;
    }
  });
}`;
