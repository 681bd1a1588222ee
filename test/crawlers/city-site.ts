import { html, infiniteCalendar, page, startServer, type TestServer } from '../helpers/hostile-server.ts';

/**
 * A small city portal on 127.0.0.1 and a "payments provider" on 127.0.0.2 (another site), for the
 * crawl-site tests. The home page's most frequent long word is "council".
 */
export interface CitySite {
  portal: TestServer;
  provider: TestServer;
  close(): Promise<void>;
}

const COUNCIL_TEXT = `<p>The Springfield council meets every month. The council publishes its agenda, and the
  council minutes are open. Residents can write to the council about parks, roads and libraries.</p>`;

function homePage(provider: TestServer): string {
  return page(
    'Springfield City Council',
    `<header><nav>
       <a href="/about">About the city</a> <a href="/services">Services</a> <a href="/contact">Contact us</a>
       <a href="/es/" hreflang="es">Español</a>
     </nav>
     <form role="search" action="/search" method="get">
       <input type="hidden" name="lang" value="en"><label>Search <input type="search" name="q"></label>
       <button type="submit">Go</button>
     </form></header>
     <main><h1>Welcome to Springfield</h1>${COUNCIL_TEXT}
       <a href="/news/1">Parks reopen</a> <a href="/news/2">Road works</a> <a href="/news/3">Library hours</a>
       <a href="/d1">Archive</a> <a href="/private/secret">Staff area</a>
       <a href="/files/annual-report.pdf">Annual report (PDF)</a>
       <a href="#">Top</a> <a href="javascript:void(0)">Print</a>
       <a href="${provider.url('/apply')}">Apply for a parking permit online</a>
       <a href="${provider.url('/other')}">Our partner</a>
     </main>
     <footer><a href="/privacy">Privacy policy</a> <a href="/about?utm_source=footer">About</a></footer>`,
  ).replace('</head>', '<link rel="alternate" hreflang="es" href="/es/"></head>');
}

function searchResults(q: string): string {
  if (q === 'council') {
    return page(
      'Search results',
      `<nav><a href="/">Home</a></nav><main><h1>Results for council</h1>
       <ol><li><a href="/about">The council of Springfield</a></li><li><a href="/contact">Write to the council</a></li>
       <li><a href="/news/1">Council reopens parks</a></li></ol></main>`,
    );
  }
  return page(
    'Search results',
    `<nav><a href="/">Home</a></nav><main><h1>No results</h1><p>Nothing matched.</p></main>`,
  );
}

export async function startCitySite(options: { robots?: string } = {}): Promise<CitySite> {
  const provider = await startServer(
    {
      '/apply': page('Parking permits', '<h1>Apply</h1><a href="/apply/step2">Next step</a>'),
      '/apply/step2': page('Step 2', 'Step 2'),
      '/other': page('Partner', 'Partner'),
    },
    { host: '127.0.0.2' },
  );
  const portal = await startServer(
    {
      '/': (_req, res) => html(res, homePage(provider)),
      '/about': page('About', '<main><h1>About</h1><p>History of the city.</p></main>'),
      '/services': page('Services', '<main><a href="/services/parking">Parking services</a></main>'),
      '/services/parking': page('Parking', '<main><h1>Parking</h1></main>'),
      '/contact': page('Contact', '<main><h1>Contact</h1><p>City Hall, 1 Main St.</p></main>'),
      '/privacy': page('Privacy', '<main><h1>Privacy policy</h1></main>'),
      '/es/': page(
        'Ayuntamiento',
        '<main><h1>Bienvenidos</h1><a href="/es/tramites">Trámites</a></main>',
        'es',
      ),
      '/es/tramites': page('Trámites', '<main>Trámites</main>', 'es'),
      '/news/1': page('Parks', '<main>Parks</main>'),
      '/news/2': page('Roads', '<main>Roads</main>'),
      '/news/3': page('Library', '<main>Library</main>'),
      '/d1': page('D1', '<main><a href="/d2">Older</a></main>'),
      '/d2': page('D2', '<main><a href="/d3">Older</a></main>'),
      '/d3': page('D3', '<main><a href="/d4">Older</a></main>'),
      '/d4': page('D4', '<main>Too deep</main>'),
      '/hidden-page': page('Hidden', '<main>Only in the sitemap</main>'),
      '/private/secret': page('Secret', 'Secret'),
      '/search': (_req, res, url) => html(res, searchResults(url.searchParams.get('q') ?? '')),
      '/sitemap.xml': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/xml' });
        res.end(
          `<urlset><url><loc>${portal.url('/')}</loc></url><url><loc>${portal.url('/hidden-page')}</loc></url></urlset>`,
        );
      },
    },
    {
      robots: options.robots ?? 'User-agent: *\nDisallow: /private/\nSitemap: /sitemap.xml\n',
      fallback: infiniteCalendar,
    },
  );
  return {
    portal,
    provider,
    close: async () => {
      await Promise.all([portal.close(), provider.close()]);
    },
  };
}
