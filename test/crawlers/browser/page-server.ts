import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface StaticRoute {
  body: string | Uint8Array;
  type?: string;
  status?: number;
  headers?: Record<string, string>;
  /** Wait this long before answering. */
  delayMs?: number;
}

export interface PageServer {
  origin: string;
  port: number;
  url(path: string): string;
  /** Requests received, by path (query included). */
  hits: string[];
  close(): Promise<void>;
}

/** A node:http server on 127.0.0.1 (a free port unless given) serving routes written in the test. */
export async function startPageServer(
  routes: Record<string, StaticRoute | RouteHandler>,
  host = '127.0.0.1',
  port = 0,
): Promise<PageServer> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.push(path);
    const route = routes[path] ?? routes[path.split('?')[0] ?? path];
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html lang="en"><title>Not found</title><h1>Not found</h1></html>');
      return;
    }
    if (typeof route === 'function') {
      route(req, res);
      return;
    }
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(route.status ?? 200, {
        'content-type': route.type ?? 'text/html; charset=utf-8',
        ...route.headers,
      });
      res.end(route.body);
    };
    if (route.delayMs) setTimeout(send, route.delayMs);
    else send();
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const bound = (server.address() as AddressInfo).port;
  const origin = `http://${host}:${bound}`;
  return {
    origin,
    port: bound,
    url: (path) => `${origin}${path}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
