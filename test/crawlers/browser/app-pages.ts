import type { StaticRoute } from './page-server.ts';

/**
 * Pages for the consent and view-discovery tests: a consent dialog in Civic Cookie Control's markup
 * (a platform UK councils use), and a script-drawn menu whose items are not links.
 */

const CIVIC_DIALOG = `
<div id="ccc" style="position:fixed;inset:0;background:rgba(0,0,0,.6);z-index:10">
  <div id="ccc-notify" role="dialog" aria-label="Cookie preferences" style="background:#fff;padding:2em;margin:4em">
    <p>We use cookies to make this site work. <img src="/pixel.png"></p>
    <button class="ccc-accept-button" type="button">Accept all cookies</button>
    <button class="ccc-reject-button" type="button">Reject optional cookies</button>
  </div>
</div>
<script>
  if (document.cookie.includes('CookieControl=')) document.getElementById('ccc').remove();
  document.querySelector('.ccc-reject-button').addEventListener('click', () => {
    document.cookie = 'CookieControl=rejected; path=/';
    document.getElementById('ccc').remove();
  });
  document.querySelector('.ccc-accept-button').addEventListener('click', () => {
    document.cookie = 'CookieControl=accepted; path=/';
    document.getElementById('ccc').remove();
  });
</script>`;

function page(title: string, body: string): StaticRoute {
  return {
    body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>${title}</h1>${body}</main></body></html>`,
  };
}

/** The menu of the app page: a link, script-only items (role=menuitem, data-href, a hash route). */
const APP_SCRIPT = `
<nav aria-label="Main"><ul id="menu"></ul></nav>
<div id="view"></div>
<script>
  const views = { home: 'Welcome', rates: 'Council tax rates', bins: 'Bin collection days', jobs: 'Jobs' };
  const menu = document.getElementById('menu');
  const show = () => {
    const name = new URLSearchParams(location.search).get('view') || 'home';
    document.getElementById('view').textContent = views[name] || 'Page not found';
  };
  menu.innerHTML =
    '<li><a href="?view=home">Home</a></li>' +
    '<li role="menuitem" tabindex="0" data-view="rates">Council tax</li>' +
    '<li role="menuitem" tabindex="0" data-view="bins">Bins</li>' +
    '<li><span data-href="/app.html?view=jobs">Jobs</span></li>' +
    '<li><a href="#/contact">Contact</a></li>';
  menu.addEventListener('click', (event) => {
    const item = event.target.closest('[data-view]');
    if (!item) return;
    history.pushState({}, '', '?view=' + item.dataset.view);
    show();
  });
  setTimeout(show, 150);
</script>`;

/** A page that pushes a new route every 10 ms, for ever. */
const ROUTE_LOOP = `
<p id="n">0</p>
<script>
  let n = 0;
  setInterval(() => { n++; history.pushState({}, '', '?step=' + n); document.getElementById('n').textContent = String(n); }, 10);
</script>`;

export function appRoutes(): Record<string, StaticRoute> {
  return {
    '/consent.html': page('Parking permits', `<p>Apply for a resident parking permit.</p>${CIVIC_DIALOG}`),
    '/cookie-footer.html': page(
      'Bin collection',
      '<p>Find your bin day.</p><footer><a href="/cookies">Cookie policy</a></footer>',
    ),
    '/app.html': page('Borough of Eastmoor', APP_SCRIPT),
    '/route-loop.html': page('Route loop', ROUTE_LOOP),
    '/pixel.png': {
      body: Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
        'base64',
      ),
      type: 'image/png',
    },
  };
}
