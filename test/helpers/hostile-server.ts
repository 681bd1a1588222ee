import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

/**
 * Small real HTTP servers for crawler tests: a route table on 127.0.0.1 (or another loopback
 * address such as 127.0.0.2, which is a different host/site), and the hostile routes of the
 * failure taxonomy (redirect loop, 500, slow, huge, binary, 403, challenge, infinite calendar).
 */

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;
/** A handler, or an HTML string served as text/html 200. */
export type Route = RouteHandler | string;

export interface TestServer {
  /** http://host:port */
  origin: string;
  host: string;
  port: number;
  /** Paths (with query) requested, in order. */
  hits: string[];
  url(path: string): string;
  close(): Promise<void>;
}

export interface ServerOptions {
  host?: string;
  /** Served at /robots.txt (text/plain) when given; otherwise /robots.txt is a 404. */
  robots?: string;
  /** Called when no route matches; return false to fall through to the 404. */
  fallback?: (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;
}

export function html(
  res: ServerResponse,
  body: string,
  status = 200,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
  res.end(body);
}

export function page(title: string, body: string, lang = 'en'): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}

export async function startServer(
  routes: Record<string, Route>,
  options: ServerOptions = {},
): Promise<TestServer> {
  const host = options.host ?? '127.0.0.1';
  const hits: string[] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', `http://${host}`);
    hits.push(url.pathname + url.search);
    try {
      if (url.pathname === '/robots.txt' && options.robots !== undefined) {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(options.robots);
        return;
      }
      const route = routes[url.pathname];
      if (typeof route === 'string') return html(res, route);
      if (route) return await route(req, res, url);
      if (options.fallback && (await options.fallback(req, res, url))) return;
      html(res, page('Not found', '<h1>Not found</h1>'), 404);
    } catch (err) {
      if (!res.headersSent) html(res, String(err), 500);
      else res.destroy();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${host}:${port}`;
  return {
    origin,
    host,
    port,
    hits,
    url: (path) => new URL(path, origin).href,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Streams `total` bytes of HTML, respecting backpressure, stopping when the client goes away. */
async function streamHuge(res: ServerResponse, total: number, counter: { hugeBytesWritten: number }) {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  const chunk = Buffer.from(`<p>${'x'.repeat(16 * 1024 - 8)}</p>\n`);
  let closed = false;
  res.on('close', () => {
    closed = true;
  });
  res.write('<!doctype html><html><head><title>Huge</title></head><body>');
  for (let sent = 0; sent < total && !closed; sent += chunk.length) {
    counter.hugeBytesWritten += chunk.length;
    if (!res.write(chunk)) {
      await new Promise<void>((resolve) => {
        res.once('drain', resolve);
        res.once('close', resolve);
      });
    }
  }
  if (!closed) res.end('</body></html>');
}

const PNG_BYTES = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da6364f8cf00000301010018dd8db00000000049454e44ae426082',
  'hex',
);

/** 50 MB of spaces in ~230 KB of gzip. */
function makeGzipBomb(): Buffer {
  return gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20), { level: 1 });
}

export interface HostileStats {
  /** Bytes of /huge actually written before the client went away. */
  hugeBytesWritten: number;
}

/** The hostile routes of the failure taxonomy, and counters they update. */
export function hostileRoutes(): { routes: Record<string, Route>; stats: HostileStats } {
  const stats: HostileStats = { hugeBytesWritten: 0 };
  const gzipBomb = makeGzipBomb();
  const routes: Record<string, Route> = {
    '/': page('Hostile', '<h1>Hostile test server</h1>'),
    '/loop-a': (_req, res) => {
      res.writeHead(302, { location: '/loop-b' }).end();
    },
    '/loop-b': (_req, res) => {
      res.writeHead(301, { location: '/loop-a' }).end();
    },
    '/redirect-ok': (_req, res) => {
      res.writeHead(302, { location: '/' }).end();
    },
    '/chain': (_req, res, url) => {
      const n = Number(url.searchParams.get('n') ?? '0');
      res.writeHead(302, { location: `/chain?n=${n + 1}` }).end();
    },
    '/error-500': (_req, res) => html(res, page('Error', 'Internal error'), 500),
    '/not-found': (_req, res) => html(res, page('Not found', 'Gone'), 404),
    '/forbidden': (_req, res) => html(res, page('Forbidden', 'No'), 403),
    '/too-many': (_req, res) => html(res, page('Slow down', 'Slow down'), 429),
    '/challenge': page('Just a moment...', '<div id="cf-browser-verification">Checking your browser</div>'),
    '/slow': async (_req, res) => {
      await sleep(8000);
      if (!res.destroyed) html(res, page('Slow', 'Finally'));
    },
    '/slow-body': async (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<!doctype html><html><body>');
      await sleep(8000);
      if (!res.destroyed) res.end('</body></html>');
    },
    '/huge': (_req, res) => streamHuge(res, 20 * 1024 * 1024, stats),
    '/binary': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end(PNG_BYTES);
    },
    '/nul': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end(Buffer.from('abc\u0000\u0000def'));
    },
    '/pdf': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4\n');
    },
    '/latin1': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        Buffer.from(
          '<html><head><meta charset="windows-1252"><title>Caf\u00e9</title></head><body>Mairie de Qu\u00e9bec</body></html>',
          'latin1',
        ),
      );
    },
    '/gzip': (req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' });
      res.end(gzipSync(page('Compressed', `<p>Accept-Encoding was ${req.headers['accept-encoding']}</p>`)));
    },
    '/gzip-bomb': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      res.end(gzipBomb);
    },
    '/headers': (req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        page(
          'Headers',
          `<pre id="ua">${req.headers['user-agent']}</pre><pre id="accept">${req.headers.accept}</pre>`,
        ),
      );
    },
  };
  return { routes, stats };
}

/** An infinite calendar: /calendar/YYYY/MM links to the previous and next month, forever. */
export const infiniteCalendar: ServerOptions['fallback'] = (_req, res, url) => {
  const m = /^\/calendar\/(\d{4})\/(\d{1,2})\/?$/.exec(url.pathname);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const next = month === 12 ? `${year + 1}/1` : `${year}/${month + 1}`;
  const prev = month === 1 ? `${year - 1}/12` : `${year}/${month - 1}`;
  html(
    res,
    page(
      `Events ${year}-${month}`,
      `<main><h1>Events of ${year}-${month}</h1><p>No events this month.</p>
       <a href="/calendar/${prev}">Previous month</a> <a href="/calendar/${next}">Next month</a>
       <a href="/events?month=${month}&year=${year}">List view</a></main>`,
    ),
  );
  return true;
};
