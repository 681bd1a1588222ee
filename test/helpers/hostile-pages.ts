import { createServer, type Server, type Socket } from 'node:net';
import { page, type Route, startServer, type TestServer } from './hostile-server.ts';

/**
 * Sites that try to keep a rendered audit from ending: linked service hosts that refuse, hang or
 * reset connections, pages that navigate themselves forever, trees deeper than any stack, dialogs,
 * streams that never end. Each site is a home page (`/<name>/`) on one server.
 */

/** A TCP service that accepts connections and then does `behaviour` with them. */
export interface RawService {
  port: number;
  /** Called on each connection (tests count them). */
  onConnection?: () => void;
  close(): Promise<void>;
}

export async function startRawService(behaviour: 'hang' | 'reset', host = '127.0.0.1'): Promise<RawService> {
  const sockets = new Set<Socket>();
  const service: RawService = { port: 0, close: async () => {} };
  const server: Server = createServer((socket) => {
    service.onConnection?.();
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    if (behaviour === 'reset') socket.resetAndDestroy();
    // 'hang': read the request, never answer.
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const address = server.address();
  service.port = typeof address === 'object' && address ? address.port : 0;
  service.close = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return service;
}

/** Home page linking to 16 "online services" on `serviceOrigin`, plus one page of the portal. */
function servicesHome(serviceOrigin: string): string {
  const links = Array.from(
    { length: 16 },
    (_, i) => `<li><a href="${serviceOrigin}/svc${i}/apply.html">Apply online for permit ${i}</a></li>`,
  ).join('');
  return page(
    'City services',
    `<h1>City services</h1><ul>${links}</ul><a href="about.html">About the council</a>`,
  );
}

function deepTree(levels: number): string {
  return `${'<div><span><p>'.repeat(levels)}deep text${'</p></span></div>'.repeat(levels)}`;
}

export interface HostileSites {
  server: TestServer;
  /** Home page URL of each hostile site, by name. */
  homes: Record<string, string>;
  close(): Promise<void>;
}

export async function startHostileSites(): Promise<HostileSites> {
  const hanging = await startRawService('hang');
  const resetting = await startRawService('reset');
  const closedPort = await freeClosedPort();
  const random = () => Math.random().toString(36).slice(2, 8);
  const routes: Record<string, Route> = {
    '/refused/': servicesHome(`http://eservices.localhost:${closedPort}`),
    '/refused/about.html': page('About', '<h1>About the council</h1>'),
    '/hanging/': servicesHome(`http://127.0.0.1:${hanging.port}`),
    '/hanging/about.html': page('About', '<h1>About the council</h1>'),
    '/resetting/': servicesHome(`http://127.0.0.1:${resetting.port}`),
    '/resetting/about.html': page('About', '<h1>About the council</h1>'),
    '/meta-refresh/': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        `<!doctype html><html lang="en"><head><title>Refresh</title><meta http-equiv="refresh" content="0;url=/meta-refresh/r${random()}"></head><body><a href="/meta-refresh/r${random()}">next</a></body></html>`,
      );
    },
    '/script-loop/': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        `<!doctype html><html lang="en"><head><title>Moving</title></head><body><p>Moving on</p><script>setTimeout(() => { location.href = '/script-loop/j' + Math.random().toString(36).slice(2); }, 50);</script></body></html>`,
      );
    },
    '/push-state/': page(
      'Routes',
      `<h1>Routes</h1><script>let n = 0; setInterval(() => history.pushState({}, '', '/push-state/v' + (n++)), 5);</script>`,
    ),
    '/deep/': page('Deep', `<h1>Deep</h1><a href="/deep/">home</a>${deepTree(20_000)}`),
    '/dialogs/': page(
      'Dialogs',
      `<h1>Dialogs</h1><script>window.addEventListener('beforeunload', (e) => { e.preventDefault(); e.returnValue = 'stay'; }); setInterval(() => { try { alert('hi'); } catch {} }, 20); window.open('/dialogs/popup');</script>`,
    ),
    '/endless/': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<!doctype html><html lang="en"><head><title>Endless</title></head><body><h1>Endless</h1>');
      const timer = setInterval(() => res.write('<p>more</p>'), 200);
      res.on('close', () => clearInterval(timer));
    },
    '/self-frames/': (_req, res, url) => {
      const depth = Number(url.searchParams.get('d') ?? 0);
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        `<!doctype html><html lang="en"><head><title>Frames ${depth}</title></head><body><h1>Frames</h1>` +
          `<iframe title="a" src="/self-frames/?d=${depth + 1}&a"></iframe><iframe title="b" src="/self-frames/?d=${depth + 1}&b"></iframe></body></html>`,
      );
    },
  };
  const server = await startServer(routes, {
    fallback: (_req, res, url) => {
      // Every other path of a site is a small page, so self-navigating sites always find one.
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(page('Page', `<h1>${url.pathname}</h1>`));
      return true;
    },
  });
  const homes = Object.fromEntries(
    Object.keys(routes)
      .filter((path) => /^\/[a-z-]+\/$/.test(path))
      .map((path) => [path.slice(1, -1), server.url(path)]),
  );
  return {
    server,
    homes,
    close: async () => {
      await server.close();
      await hanging.close();
      await resetting.close();
    },
  };
}

/** A loopback port nothing listens on (connections are refused). */
async function freeClosedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
