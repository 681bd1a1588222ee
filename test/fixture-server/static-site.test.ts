import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServedSite, serveSite } from '../../src/fixture-server/static-site.ts';

/** A GET with the path sent exactly as given (fetch would normalise `..` away). */
function rawGet(origin: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end();
  });
}

const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

let tmp: string;
let siteDir: string;

async function put(rel: string, content: string | Buffer): Promise<void> {
  const file = join(siteDir, rel);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, content);
}

function page(title: string, body: string, lang = 'en'): string {
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'fixture-server-'));
  siteDir = join(tmp, 'site');
  await put('index.html', page('Home', '<main><h1>Welcome</h1><a href="/services/">Services</a></main>'));
  await put(
    'services/index.html',
    page('Services', '<main><h1>Our services</h1><p>Café permits.</p></main>'),
  );
  await put(
    'services/parking.html',
    page('Parking fines', '<main><h1>Pay a parking fine</h1><p>Pay online. Parking permits too.</p></main>'),
  );
  await put('services/empty-dir/.keep', '');
  await put('assets/style.css', 'body { color: #222; }');
  await put('assets/app.js', 'console.log("hi");');
  await put('assets/logo.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>');
  await put('assets/pixel.png', PNG_1PX);
  await put('assets/photo.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
  await put('data/spending.csv', 'year,amount\n2024,100\n');
  await put('data/spending.json', '{"year":2024}');
  await put('docs/minutes.pdf', '%PDF-1.4\n%%EOF\n');
  await put('robots.txt', 'User-agent: *\nSitemap: http://127.0.0.1/sitemap.xml\n');
  await put('sitemap.xml', '<urlset><url><loc>http://127.0.0.1/</loc></url></urlset>');
  await put('404.html', page('Not found', '<main><h1>Sorry, this page is missing</h1></main>'));
  await writeFile(join(tmp, 'secret.txt'), 'outside the site');
  await symlink(join(tmp, 'secret.txt'), join(siteDir, 'leak.txt'));
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('serveSite: static files', () => {
  let site: ServedSite;
  beforeAll(async () => {
    site = await serveSite(siteDir);
  });
  afterAll(() => site.close());

  it('binds 127.0.0.1 on a free port', () => {
    expect(site.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(site.origin).not.toMatch(/:0$/);
  });

  it.each([
    ['/', 'text/html; charset=utf-8'],
    ['/assets/style.css', 'text/css; charset=utf-8'],
    ['/assets/app.js', 'text/javascript; charset=utf-8'],
    ['/assets/logo.svg', 'image/svg+xml'],
    ['/assets/pixel.png', 'image/png'],
    ['/assets/photo.jpg', 'image/jpeg'],
    ['/data/spending.csv', 'text/csv; charset=utf-8'],
    ['/data/spending.json', 'application/json; charset=utf-8'],
    ['/docs/minutes.pdf', 'application/pdf'],
    ['/robots.txt', 'text/plain; charset=utf-8'],
    ['/sitemap.xml', 'application/xml; charset=utf-8'],
  ])('serves %s as %s', async (path, type) => {
    const res = await fetch(`${site.origin}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
  });

  it('serves binary files byte for byte', async () => {
    const res = await fetch(`${site.origin}/assets/pixel.png`);
    expect(Buffer.from(await res.arrayBuffer()).equals(PNG_1PX)).toBe(true);
  });

  it('serves index.html for a directory and redirects to the slash form', async () => {
    const res = await fetch(`${site.origin}/services/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Our services');
    const bare = await fetch(`${site.origin}/services?x=1`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/services/?x=1');
  });

  it('answers 404 with the site 404 page for missing files', async () => {
    const res = await fetch(`${site.origin}/no/such/page.html`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Sorry, this page is missing');
  });

  it('never lists a directory without index.html', async () => {
    const res = await fetch(`${site.origin}/services/empty-dir/`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('.keep');
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/assets/..%5c..%5csecret.txt',
    '/services/empty-dir/.keep',
  ])('refuses traversal and dot-files: %s', async (path) => {
    const res = await rawGet(site.origin, path);
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('outside the site');
  });

  it('does not follow a symlink out of the site', async () => {
    const res = await rawGet(site.origin, '/leak.txt');
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('outside the site');
  });

  it('answers HEAD without a body and refuses POST', async () => {
    const head = await fetch(`${site.origin}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(50);
    expect(await head.text()).toBe('');
    const post = await fetch(`${site.origin}/`, { method: 'POST', body: 'x=1' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('answers 400 for a malformed percent-encoding', async () => {
    expect((await rawGet(site.origin, '/%E0%A4%A')).status).toBe(400);
  });
});

describe('serveSite: search endpoint', () => {
  let results: ServedSite;
  let echo: ServedSite;
  beforeAll(async () => {
    results = await serveSite(siteDir, { search: { path: '/search', param: 'q', mode: 'results' } });
    echo = await serveSite(siteDir, {
      search: { path: '/find', param: 'text', mode: 'echo' },
      language: 'fr',
    });
  });
  afterAll(async () => {
    await results.close();
    await echo.close();
  });

  function resultLinks(html: string): string[] {
    return [...html.matchAll(/<li><a href="([^"]+)"/g)].map((m) => m[1]!);
  }

  it('lists pages whose text holds the query, most matches first', async () => {
    const res = await fetch(`${results.origin}/search?q=parking`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(resultLinks(html)).toEqual(['/services/parking.html']);
    expect(html).toContain('1 result for');
  });

  it('matches without regard to accents or case', async () => {
    const html = await (await fetch(`${results.origin}/search?q=CAFE`)).text();
    expect(resultLinks(html)).toEqual(['/services/']);
  });

  it('requires every word of a multi-word query', async () => {
    const both = await (await fetch(`${results.origin}/search?q=pay+online`)).text();
    expect(resultLinks(both)).toEqual(['/services/parking.html']);
    const none = await (await fetch(`${results.origin}/search?q=pay+zebra`)).text();
    expect(resultLinks(none)).toEqual([]);
  });

  it('says so when nothing matches, and escapes the query', async () => {
    const html = await (await fetch(`${results.origin}/search?q=%3Cscript%3Ezqxwvkjh`)).text();
    expect(resultLinks(html)).toEqual([]);
    expect(html).toContain('No results found for');
    expect(html).toContain('&lt;script&gt;zqxwvkjh');
    expect(html).not.toContain('<script>zqxwvkjh');
  });

  it('echo mode repeats the query in the site language and lists nothing', async () => {
    const res = await fetch(`${echo.origin}/find?text=parking`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Vous avez recherché');
    expect(html).toContain('<strong>parking</strong>');
    expect(resultLinks(html)).toEqual([]);
    expect((await fetch(`${echo.origin}/search?q=parking`)).status).toBe(404);
  });
});

describe('serveSite: SPA fallback', () => {
  let site: ServedSite;
  beforeAll(async () => {
    site = await serveSite(siteDir, { spaFallback: true });
  });
  afterAll(() => site.close());

  it('serves index.html for unknown paths without an extension', async () => {
    const res = await fetch(`${site.origin}/servicos/licencas`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<h1>Welcome</h1>');
  });

  it('still answers 404 for missing files with an extension', async () => {
    expect((await fetch(`${site.origin}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${site.origin}/services/parking.html`)).status).toBe(200);
  });
});

describe('serveSite: host rewriting', () => {
  let external: ServedSite;
  let main: ServedSite;
  let externalDir: string;
  beforeAll(async () => {
    externalDir = join(tmp, 'external');
    await mkdir(externalDir, { recursive: true });
    await writeFile(
      join(externalDir, 'index.html'),
      page('Online services', '<h1>Online services desk</h1>'),
    );
    await put(
      'links.html',
      page(
        'Links',
        '<a href="http://127.0.0.2/">Online services</a> <a href="http://127.0.0.20/x">other</a>',
      ),
    );
    external = await serveSite(externalDir, { host: '127.0.0.2' });
    main = await serveSite(siteDir, { rewriteHosts: { '127.0.0.2': new URL(external.origin).host } });
  });
  afterAll(async () => {
    await main.close();
    await external.close();
  });

  it('rewrites links to the external host so they reach the server on 127.0.0.2', async () => {
    expect(external.origin).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/);
    const html = await (await fetch(`${main.origin}/links.html`)).text();
    expect(html).toContain(`href="${external.origin}/"`);
    expect(html).toContain('href="http://127.0.0.20/x"');
    const href = html.match(/href="(http:\/\/127\.0\.0\.2:\d+\/)"/)?.[1];
    const res = await fetch(href!);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Online services desk');
  });

  it('leaves binary files alone and applies entries added after start', async () => {
    const hosts: Record<string, string> = {};
    const late = await serveSite(siteDir, { rewriteHosts: hosts });
    try {
      expect(await (await fetch(`${late.origin}/robots.txt`)).text()).toContain(
        'http://127.0.0.1/sitemap.xml',
      );
      hosts['127.0.0.1'] = late.origin;
      expect(await (await fetch(`${late.origin}/robots.txt`)).text()).toContain(`${late.origin}/sitemap.xml`);
      const png = Buffer.from(await (await fetch(`${late.origin}/assets/pixel.png`)).arrayBuffer());
      expect(png.equals(PNG_1PX)).toBe(true);
    } finally {
      await late.close();
    }
  });
});
