import type { IncomingMessage, ServerResponse } from 'node:http';
import { html, page, type Route, startServer, type TestServer } from '../helpers/hostile-server.ts';

/**
 * Many small portal-like sites on 127.0.0.1 (each its own port, so its own host), for campaign tests.
 * Site i has a home page, `pages` content pages linked from it, and — depending on i — a privacy
 * page, a contact page with an address, and a Spanish version, so indicator results differ between
 * sites. Every server logs the paths it was asked for (`hits`).
 */
export interface SmallSites {
  servers: TestServer[];
  homes: string[];
  close(): Promise<void>;
}

export interface SmallSiteOptions {
  /** Content pages per site. @default 4 */
  pages?: number;
  /** Per-site route overrides, e.g. a page that waits before answering. */
  routes?: (index: number) => Record<string, Route>;
}

export function siteRoutes(i: number, pages: number): Record<string, Route> {
  const links = [
    ...Array.from({ length: pages }, (_, k) => `<a href="/topic/${k + 1}">Topic ${k + 1}</a>`),
    i % 2 === 0 ? '<a href="/privacy">Privacy policy</a>' : '',
    i % 3 === 0 ? '<a href="/contact">Contact us</a>' : '',
    i % 4 === 1 ? '<a href="/es/" hreflang="es">Español</a>' : '',
  ].join(' ');
  const routes: Record<string, Route> = {
    '/': page(
      `City ${i}`,
      `<header><nav>${links}</nav></header><main><h1>City ${i}</h1><p>Welcome to the portal of city number ${i}.</p></main>`,
    ),
    '/privacy': page(
      'Privacy policy',
      '<main><h1>Privacy policy</h1><p>How we process personal data.</p></main>',
    ),
    '/contact': page(
      'Contact us',
      `<main><h1>Contact</h1><p>City Hall, ${i} Main Street. Phone +1 555 0100 ${i}. Email: info@city${i}.example</p></main>`,
    ),
    '/es/': page(`Ciudad ${i}`, '<main><h1>Bienvenidos</h1><p>Portal de la ciudad.</p></main>', 'es'),
  };
  for (let k = 1; k <= pages; k++) {
    routes[`/topic/${k}`] = page(
      `Topic ${k}`,
      `<main><h1>Topic ${k} of city ${i}</h1><p>${'Some municipal information. '.repeat(20)}</p><a href="/">Home</a></main>`,
    );
  }
  return routes;
}

export async function startSmallSites(count: number, options: SmallSiteOptions = {}): Promise<SmallSites> {
  const servers: TestServer[] = [];
  for (let i = 0; i < count; i++) {
    const routes = { ...siteRoutes(i, options.pages ?? 4), ...(options.routes?.(i) ?? {}) };
    servers.push(await startServer(routes, { robots: 'User-agent: *\nAllow: /\n' }));
  }
  return {
    servers,
    homes: servers.map((s) => `${s.origin}/`),
    close: async () => {
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}

/** A route that answers only when `release()` is called (or the client goes away). */
export function gatedRoute(title: string): { route: Route; requested: Promise<void>; release(): void } {
  let release = () => {};
  let onRequest = () => {};
  const requested = new Promise<void>((resolve) => {
    onRequest = resolve;
  });
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const route = async (_req: IncomingMessage, res: ServerResponse) => {
    onRequest();
    await released;
    if (!res.destroyed) html(res, page(title, `<main><h1>${title}</h1><p>Finally.</p></main>`));
  };
  return { route, requested, release: () => release() };
}

export function targetsCsv(rows: { url: string; level?: string; country?: string; city?: string }[]): string {
  const lines = ['url,level,country,city'];
  for (const r of rows) lines.push([r.url, r.level ?? 'city', r.country ?? '', r.city ?? ''].join(','));
  return `${lines.join('\n')}\n`;
}
