import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { contentTypeFor, isTextType } from './content-types.ts';
import { escapeHtml, type SearchOptions, SiteSearch } from './site-search.ts';

export interface ServeSiteOptions {
  /** Address to bind. Any 127.x.y.z works on Linux without setup. @default '127.0.0.1' */
  host?: string;
  /** @default 0 (a free port) */
  port?: number;
  /** A dynamic search endpoint (see SiteSearch). */
  search?: SearchOptions;
  /** Unknown paths without a file extension serve `/index.html` (a JS-rendered site). @default false */
  spaFallback?: boolean;
  /**
   * Host as written in the site's files → where it is really served (`127.0.0.2:41234` or
   * `http://127.0.0.2:41234`). In text responses `http://<host>/` becomes `http://<replacement>/`.
   * Read on every request, so entries added after start (a port learnt later) apply.
   */
  rewriteHosts?: Record<string, string>;
  /** Language of the generated pages (search results, default 404). @default 'en' */
  language?: string;
  /** Response headers added to every response, as a server's configuration would (security headers). */
  headers?: Record<string, string>;
}

export interface ServedSite {
  /** `http://host:port` without a trailing slash. */
  origin: string;
  close(): Promise<void>;
}

/** Serves a directory of static files over HTTP, the way a plain web server would. */
export async function serveSite(dir: string, options: ServeSiteOptions = {}): Promise<ServedSite> {
  const root = await realpath(resolve(dir));
  if (!(await stat(root)).isDirectory()) throw new Error(`serveSite: ${dir} is not a directory`);
  const language = options.language ?? 'en';
  const search = options.search ? new SiteSearch(root, options.search, language) : null;

  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(options.headers ?? {})) res.setHeader(name, value);
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, req, 500, 'text/plain; charset=utf-8', 'Internal error');
      else res.destroy(error instanceof Error ? error : undefined);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      send(res, req, 405, 'text/plain; charset=utf-8', 'Method not allowed');
      return;
    }
    const rawUrl = req.url ?? '/';
    const queryAt = rawUrl.indexOf('?');
    const rawPath = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
    const query = queryAt === -1 ? '' : rawUrl.slice(queryAt);

    let path: string;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      send(res, req, 400, 'text/plain; charset=utf-8', 'Bad request');
      return;
    }
    if (!path.startsWith('/') || isTraversal(path)) {
      send(res, req, 403, 'text/plain; charset=utf-8', 'Forbidden');
      return;
    }

    if (search && path === options.search?.path) {
      const q = new URLSearchParams(query).get(options.search.param) ?? '';
      send(res, req, 200, 'text/html; charset=utf-8', await search.render(q));
      return;
    }

    const file = await locate(root, path);
    if (file.kind === 'redirect') {
      res.setHeader('Location', `${rawPath}/${query}`);
      send(res, req, 301, 'text/plain; charset=utf-8', 'Moved permanently');
      return;
    }
    if (file.kind === 'file') {
      await sendFile(res, req, file.path, 200);
      return;
    }
    if (options.spaFallback && extname(path) === '') {
      const shell = await locate(root, '/index.html');
      if (shell.kind === 'file') {
        await sendFile(res, req, shell.path, 200);
        return;
      }
    }
    const notFound = await locate(root, '/404.html');
    if (notFound.kind === 'file') await sendFile(res, req, notFound.path, 404);
    else send(res, req, 404, 'text/html; charset=utf-8', defaultNotFound(path, language));
  }

  async function sendFile(res: ServerResponse, req: IncomingMessage, file: string, status: number) {
    const type = contentTypeFor(file);
    const bytes = await readFile(file);
    const body = isTextType(type) ? rewrite(bytes.toString('utf8'), options.rewriteHosts) : bytes;
    send(res, req, status, type, body);
  }

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    origin: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

type Located = { kind: 'file'; path: string } | { kind: 'redirect' } | { kind: 'missing' };

/** Maps a decoded URL path to a file under root: `index.html` for directories, no listings. */
async function locate(root: string, urlPath: string): Promise<Located> {
  const candidate = join(root, urlPath);
  if (!isInside(root, candidate)) return { kind: 'missing' };
  const info = await stat(candidate).catch(() => null);
  if (!info) return { kind: 'missing' };
  if (info.isDirectory()) {
    // Relative links in the index page resolve against the directory only with the trailing slash.
    if (!urlPath.endsWith('/')) return { kind: 'redirect' };
    return locate(root, `${urlPath}index.html`);
  }
  if (!info.isFile()) return { kind: 'missing' };
  // A symlink may point outside the site; resolve it before trusting the path.
  const real = await realpath(candidate);
  return isInside(root, real) ? { kind: 'file', path: real } : { kind: 'missing' };
}

function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root + sep);
}

/** `..` segments, backslashes, NUL bytes and dot-files are refused rather than normalised away. */
function isTraversal(path: string): boolean {
  if (path.includes('\0') || path.includes('\\')) return true;
  return path.split('/').some((segment) => segment === '..' || (segment.startsWith('.') && segment !== ''));
}

function rewrite(text: string, hosts: Record<string, string> | undefined): string {
  if (!hosts) return text;
  let out = text;
  for (const [host, target] of Object.entries(hosts)) {
    const origin = /^https?:\/\//.test(target) ? target.replace(/\/+$/, '') : `http://${target}`;
    out = out.replaceAll(`http://${host}/`, `${origin}/`);
  }
  return out;
}

function send(
  res: ServerResponse,
  req: IncomingMessage,
  status: number,
  type: string,
  body: string | Buffer,
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': String(bytes.length),
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

const NOT_FOUND_TEXT: Record<string, [string, string]> = {
  en: ['Page not found', 'The page you asked for does not exist.'],
  fr: ['Page introuvable', 'La page demandée n’existe pas.'],
  es: ['Página no encontrada', 'La página solicitada no existe.'],
  pt: ['Página não encontrada', 'A página pedida não existe.'],
  it: ['Pagina non trovata', 'La pagina richiesta non esiste.'],
};

function defaultNotFound(path: string, language: string): string {
  const [title, text] = NOT_FOUND_TEXT[language.slice(0, 2)] ?? NOT_FOUND_TEXT.en!;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(language)}">
<head><meta charset="utf-8"><title>${title}</title></head>
<body><main><h1>${title}</h1><p>${text} (${escapeHtml(path)})</p><p><a href="/">/</a></p></main></body>
</html>
`;
}
