import type { RouteHandler, StaticRoute } from './page-server.ts';

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const head = (title: string, extra = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>${extra}</head>`;

/** A page with no WCAG 2.2 AA problem axe can find. */
export const CLEAN_PAGE = `${head('Clean page')}<body>
<header><a href="/clean.html">Home</a></header>
<main><h1>Welcome to the city</h1><p>Opening hours of the town hall: 9:00 to 17:00.</p>
<img src="/pixel.png" alt="Town hall" width="40" height="40">
<form action="/search"><label for="q">Search the site</label><input id="q" name="q" type="search"><button type="submit">Search</button></form>
</main><footer><p>City Hall, Main Square 1</p></footer></body></html>`;

/** Known axe violations: image without alt, low-contrast text, an input without a label. */
export const VIOLATIONS_PAGE = `${head('Broken page')}<body><main><h1>Services</h1>
<img src="/pixel.png" width="40" height="40">
<p style="color:#bbbbbb;background:#ffffff">Pale grey text that nobody can read well.</p>
<form action="/subscribe"><input type="text" name="email"><button type="submit">Subscribe</button></form>
</main></body></html>`;

/** A layout fixed at 1000 px: scrolls sideways on a phone. */
export const WIDE_PAGE = `${head('Wide page')}<body><main><h1>Wide</h1>
<div style="width:1000px;background:#eee">A fixed-width layout from another decade.</div></main></body></html>`;

export const RESPONSIVE_PAGE = `${head('Responsive page')}<body><main><h1>Responsive</h1>
<div style="max-width:100%;background:#eee">Fits any screen.</div><img src="/pixel.png" alt="" style="max-width:100%"></main></body></html>`;

/** Content that exists only after scripts run: one part inline, one fetched after `load`. */
export const JS_PAGE = `${head('JS page')}<body><main id="app"></main>
<script>
document.getElementById('app').innerHTML = '<h1>Injected heading</h1><p>Rendered by script: zebra crossings.</p>';
window.addEventListener('load', () => {
  fetch('/data.json').then((r) => r.json()).then((data) => {
    const p = document.createElement('p');
    p.textContent = data.message;
    document.getElementById('app').append(p);
  });
});
</script></body></html>`;

export const CONSOLE_ERROR_PAGE = `${head('Console errors')}<body><main><h1>Errors</h1></main>
<script>console.error('boom from the page'); throw new Error('uncaught kaboom');</script></body></html>`;

/** Loads an image from a non-loopback host: the test browser must refuse it, the page still renders. */
export const EXTERNAL_IMAGE_PAGE = `${head('External image')}<body><main><h1>External</h1>
<img src="http://203.0.113.10/tracker.png" alt="tracker"></main></body></html>`;

/** Search in the page with JavaScript: results replace the list in <main>, no navigation. */
export const JS_SEARCH_PAGE = `${head('Search')}<body>
<header><form id="search-form" role="search"><label for="q">Search</label><input id="q" name="q" type="search"><button>Go</button></form></header>
<main><h1>Find a service</h1><ul id="results"></ul></main>
<script>
const services = [
  { title: 'Building permit application', url: '/services/building' },
  { title: 'Parking permit renewal', url: '/services/parking' },
  { title: 'Waste collection calendar', url: '/services/waste' },
];
document.getElementById('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const q = document.getElementById('q').value.toLowerCase();
  setTimeout(() => {
    const hits = services.filter((s) => s.title.toLowerCase().includes(q));
    document.getElementById('results').innerHTML = hits.length
      ? hits.map((s) => '<li><a href="' + s.url + '">' + s.title + '</a></li>').join('')
      : '<li>No results</li>';
  }, 150);
});
</script></body></html>`;

/** A classic GET search form: the server renders the results page. */
export const FORM_SEARCH_PAGE = `${head('Form search')}<body><main><h1>Search</h1>
<form action="/results" method="get"><label for="s">Words</label><input id="s" name="s"><button type="submit">Search</button></form>
</main></body></html>`;

export const resultsHandler: RouteHandler = (req, res) => {
  const query = new URL(req.url ?? '/', 'http://x').searchParams.get('s') ?? '';
  const hits = query === 'library' ? ['Central library opening hours', 'Library card'] : [];
  const stripTags = (s: string) => s.replace(/[<>&"]/g, '');
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(
    `${head('Results')}<body><main><h1>Results for ${stripTags(query)}</h1><ul>${
      hits.map((h, i) => `<li><a href="/r/${i}">${h}</a></li>`).join('') || '<li>Nothing found</li>'
    }</ul></main></body></html>`,
  );
};

export function fixtureRoutes(): Record<string, StaticRoute | RouteHandler> {
  return {
    '/pixel.png': { body: PNG, type: 'image/png' },
    '/clean.html': { body: CLEAN_PAGE },
    '/violations.html': { body: VIOLATIONS_PAGE },
    '/wide.html': { body: WIDE_PAGE },
    '/responsive.html': { body: RESPONSIVE_PAGE },
    '/js.html': { body: JS_PAGE },
    '/data.json': {
      body: '{"message":"Fetched after load: tram timetable"}',
      type: 'application/json',
      delayMs: 300,
    },
    '/console.html': { body: CONSOLE_ERROR_PAGE },
    '/external-image.html': { body: EXTERNAL_IMAGE_PAGE },
    '/r1': { status: 302, headers: { location: '/r2' }, body: '' },
    '/r2': { status: 301, headers: { location: '/clean.html' }, body: '' },
    '/loop': { status: 302, headers: { location: '/loop' }, body: '' },
    '/forbidden': { status: 403, body: `${head('Forbidden')}<body><h1>Forbidden</h1></body></html>` },
    '/broken': { status: 500, body: `${head('Error')}<body><h1>Server error</h1></body></html>` },
    '/data.csv': { body: 'a,b\n1,2\n', type: 'text/csv' },
    '/slow': { body: CLEAN_PAGE, delayMs: 10_000 },
    '/hang.html': {
      body: `${head('Hangs')}<body><main><h1>Busy</h1></main>
<script>window.addEventListener('load', () => setTimeout(() => { for (;;) {} }, 0));</script></body></html>`,
    },
    '/search-js.html': { body: JS_SEARCH_PAGE },
    '/search-form.html': { body: FORM_SEARCH_PAGE },
    '/results': resultsHandler,
  };
}
