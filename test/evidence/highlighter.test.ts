import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '../../crawlers/browser/browser-pool.ts';
import { findChromium } from '../../crawlers/browser/find-chromium.ts';
import { evaluateScript } from '../../crawlers/browser/in-page.ts';
import { Highlighter, type HighlightTarget } from '../../src/evidence/highlighter.ts';

const chromiumPath = findChromium();
const PAGE_URL = 'https://portal.example.org/services';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Elements placed absolutely (document coordinates), each with a background colour of its own. */
const TOP = { x: 40, y: 40, width: 200, height: 60, colour: [0x1e, 0x64, 0xff] } as const;
const DEEP = { x: 600, y: 3000, width: 300, height: 100, colour: [0x00, 0xa0, 0xa0] } as const;
/** The paragraph holding "some words", inside the footer's padded div (the footer is at y 5000). */
const WORDS = { x: 40, y: 5040, width: 400, height: 40, colour: [0x8a, 0x2b, 0xe2] } as const;
const CELLS = 17;

const placed = (id: string, b: Box & { colour: readonly number[] }) =>
  `<div id="${id}" style="position:absolute;left:${b.x}px;top:${b.y}px;width:${b.width}px;height:${b.height}px;background:rgb(${b.colour.join(',')})"></div>`;

const HTML = `<!doctype html><html><head><meta charset="utf-8"><title>Services</title></head>
<body style="margin:0;font:16px/1.4 sans-serif;background:#fff">
${placed('top', TOP)}
${placed('deep', DEEP)}
<a id="skip" href="#top" style="position:absolute;left:-9999px;top:0">Skip to content</a>
${Array.from({ length: CELLS }, (_, i) =>
  placed(`c${i}`, {
    x: (i % 4) * 300 + 20,
    y: 300 + i * 280,
    width: 120,
    height: 50,
    colour: [0x20 + i * 10, 0x30 + i * 8, 0x40 + i * 6],
  }),
).join('\n')}
<footer style="position:absolute;left:0;top:5000px;width:1280px;height:300px;background:#e0e0e0">
  <div style="padding:40px"><p style="margin:0;width:400px;height:40px;background:rgb(${WORDS.colour.join(',')});color:#fff">Please read   SOME words of advice</p></div>
</footer>
</body></html>`;

const FIVE: HighlightTarget[] = [
  { selector: '#top' },
  { selector: '#deep' },
  { selector: 'footer', text: 'some  Words' },
  { selector: '#missing' },
  { selector: 'div[' },
];
const TWENTY: HighlightTarget[] = [
  ...FIVE.slice(0, 3),
  ...Array.from({ length: CELLS }, (_, i) => ({ selector: `#c${i}` })),
];

const RED = [0xd4, 0x00, 0x00] as const;

/** Per colour (± tolerance per channel): how many pixels of a JPEG have it, and their bounding box. */
const READ_PIXELS = `async ({ url, colours }) => {
  const img = new Image();
  img.src = url;
  await img.decode();
  const width = img.naturalWidth;
  const height = img.naturalHeight;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const g = canvas.getContext('2d');
  g.drawImage(img, 0, 0);
  const data = g.getImageData(0, 0, width, height).data;
  const found = colours.map(() => ({ count: 0, minX: width, minY: height, maxX: -1, maxY: -1 }));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      colours.forEach(({ rgb, tolerance }, k) => {
        if (rgb.some((v, c) => Math.abs(data[i + c] - v) > tolerance)) return;
        const f = found[k];
        f.count++;
        f.minX = Math.min(f.minX, x);
        f.minY = Math.min(f.minY, y);
        f.maxX = Math.max(f.maxX, x);
        f.maxY = Math.max(f.maxY, y);
      });
    }
  }
  return { width, height, found };
}`;

interface Found {
  count: number;
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

describe.skipIf(!chromiumPath)('Highlighter (real Chromium)', () => {
  let highlighter: Highlighter;
  let browser: Browser;
  let viewer: Page;

  beforeAll(async () => {
    highlighter = new Highlighter(chromiumPath!, 1);
    browser = await chromium.launch({ executablePath: chromiumPath!, args: [...CHROMIUM_ARGS] });
    viewer = await browser.newPage();
  });

  afterAll(async () => {
    await highlighter?.close();
    await browser?.close();
  });

  async function read(jpeg: Buffer, colours: readonly (readonly number[])[]) {
    return evaluateScript<{ width: number; height: number; found: Found[] }>(viewer, READ_PIXELS, {
      url: `data:image/jpeg;base64,${jpeg.toString('base64')}`,
      colours: colours.map((rgb) => ({ rgb, tolerance: 40 })),
    });
  }

  /**
   * A 480 × 240 picture (the smallest crop: each element is small) cut at `crop` in the page, with
   * the element's colour where its box is and the red outline 3 to 7 px around it.
   */
  async function expectPicture(
    jpeg: Buffer | null | undefined,
    element: Box & { colour: readonly number[] },
    crop: { x: number; y: number },
  ) {
    expect(jpeg).toBeInstanceOf(Buffer);
    expect([...jpeg!.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    const { width, height, found } = await read(jpeg!, [element.colour, RED]);
    expect({ width, height }).toEqual({ width: 480, height: 240 });
    const [own, red] = found as [Found, Found];
    const x = element.x - crop.x;
    const y = element.y - crop.y;
    expect(own.count).toBeGreaterThan(0.8 * element.width * element.height);
    expectNear(own, { minX: x, minY: y, maxX: x + element.width - 1, maxY: y + element.height - 1 });
    // A 4 px frame around the box; JPEG's halved colour resolution leaves about half of it pure red.
    expect(red.count).toBeGreaterThan(2 * (element.width + element.height));
    expectNear(red, { minX: x - 7, minY: y - 7, maxX: x + element.width + 6, maxY: y + element.height + 6 });
  }

  function expectNear(found: Found, want: Omit<Found, 'count'>) {
    for (const key of ['minX', 'minY', 'maxX', 'maxY'] as const) {
      expect(
        Math.abs(found[key] - want[key]),
        `${key}: ${found[key]}, want ${want[key]}`,
      ).toBeLessThanOrEqual(2);
    }
  }

  // The three crops lie far apart (three shots of the page); TWENTY's overlap (one shot).
  it('outlines each found element, null for a missing or invalid selector', async () => {
    const shots = await highlighter.renderAll(HTML, FIVE, PAGE_URL);
    expect(shots).toHaveLength(5);
    expect(shots[3]).toBeNull();
    expect(shots[4]).toBeNull();
    // Near the top: the crop starts at the page's corner.
    await expectPicture(shots[0], TOP, { x: 0, y: 0 });
    // Far below the first viewport: centred on the element.
    await expectPicture(shots[1], DEEP, { x: 510, y: 2930 });
    // The words' paragraph, not the footer (whose crop would be 1280 × 364) nor its div.
    await expectPicture(shots[2], WORDS, { x: 0, y: 4940 });
  });

  it('makes 20 pictures of one page in one load, quickly', async () => {
    const started = performance.now();
    const shots = await highlighter.renderAll(HTML, TWENTY, PAGE_URL);
    const ms = Math.round(performance.now() - started);
    console.log(`20 pictures of one page: ${ms} ms`);
    expect(shots).toHaveLength(20);
    for (const shot of shots) expect([...shot!.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    await expectPicture(shots[1], DEEP, { x: 510, y: 2930 });
    expect(ms).toBeLessThan(10_000);
  });

  it('stops once goOn says no', async () => {
    let asked = 0;
    const shots = await highlighter.renderAll(HTML, TWENTY, PAGE_URL, () => ++asked <= 2);
    expect(shots).toHaveLength(2);
    await expectPicture(shots[0], TOP, { x: 0, y: 0 });
    await expectPicture(shots[1], DEEP, { x: 510, y: 2930 });
  });

  it('render makes one picture', async () => {
    await expectPicture(await highlighter.render(HTML, '#deep', PAGE_URL), DEEP, { x: 510, y: 2930 });
    await expectPicture(
      await highlighter.render(HTML, { selector: 'footer', text: 'SOME WORDS' }, 'file:///stored.html'),
      WORDS,
      { x: 0, y: 4940 },
    );
    expect(
      await highlighter.render(HTML, { selector: 'footer', text: 'not on the page' }, PAGE_URL),
    ).toBeNull();
    expect(await highlighter.render(HTML, '#skip', PAGE_URL)).toBeNull(); // off the page
  });

  it('shows each stored page afresh on its reused stage, also at the same address with a fragment', async () => {
    const other = HTML.replace('id="top"', 'id="gone"');
    expect(await highlighter.render(other, '#top', `${PAGE_URL}#section`)).toBeNull();
    await expectPicture(await highlighter.render(other, '#gone', `${PAGE_URL}#section`), TOP, { x: 0, y: 0 });
    await expectPicture(await highlighter.render(HTML, '#top', PAGE_URL), TOP, { x: 0, y: 0 });
  });
});
