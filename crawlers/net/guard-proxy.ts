import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { FetchStatus } from '../../src/core/index.ts';
import { classifyError } from '../http/classify.ts';
import { bareHost, type NetworkPolicy } from './network-policy.ts';

/** Set on the proxy's own answer when it did not reach the site: the fetch status, and why. */
export const REFUSED_STATUS_HEADER = 'x-portal-audit-status';
export const REFUSED_REASON_HEADER = 'x-portal-audit-reason';

const CONNECT_TIMEOUT_MS = 10_000;
/** A tunnel or upstream request with no traffic for this long is closed. */
const IDLE_TIMEOUT_MS = 60_000;
const MAX_REMEMBERED = 1000;
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authorization',
  'proxy-authenticate',
  'te',
  'trailer',
  'upgrade',
]);

/** Why the proxy did not connect a request to its site. */
export interface ProxyRefusal {
  status: FetchStatus;
  reason: string;
  /** performance.now() of the refusal. */
  at: number;
}

/**
 * The browser's only way out (Chromium runs with `--proxy-server` pointing here and no bypass, not
 * even for loopback): a forward proxy on 127.0.0.1 that resolves every host through the network
 * policy, connects to the very address the policy approved, and refuses the rest — plain HTTP
 * requests, HTTPS and WebSocket `CONNECT` tunnels and `Upgrade` requests alike. The browser never
 * resolves a name itself, so what it reaches is what was checked.
 */
export class GuardProxy {
  /** Connections the proxy made to sites (tests). */
  connectionsMade = 0;
  readonly #server: Server;
  readonly #policy: NetworkPolicy;
  readonly #agent = new Agent({ keepAlive: true, maxSockets: 16, timeout: IDLE_TIMEOUT_MS });
  readonly #sockets = new Set<Duplex>();
  readonly #refusals = new Map<string, ProxyRefusal>();
  #port = 0;

  private constructor(policy: NetworkPolicy) {
    this.#policy = policy;
    this.#server = createServer({ requestTimeout: 0, headersTimeout: CONNECT_TIMEOUT_MS });
    this.#server.on('request', (req, res) => void this.#forward(req, res));
    this.#server.on('connect', (req, socket, head) => void this.#tunnel(req, socket, head));
    this.#server.on('upgrade', (req, socket, head) => void this.#upgrade(req, socket, head));
    this.#server.on('connection', (socket: Socket) => this.#track(socket));
  }

  static async start(policy: NetworkPolicy): Promise<GuardProxy> {
    const proxy = new GuardProxy(policy);
    await new Promise<void>((resolve, reject) => {
      proxy.#server.once('error', reject);
      proxy.#server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = proxy.#server.address();
    proxy.#port = typeof address === 'object' && address ? address.port : 0;
    return proxy;
  }

  /** `--proxy-server` value for Chromium. */
  get url(): string {
    return `http://127.0.0.1:${this.#port}`;
  }

  /** Chromium flags that send every request, loopback included, through this proxy. */
  get chromiumArgs(): string[] {
    return [`--proxy-server=${this.url}`, '--proxy-bypass-list=<-loopback>'];
  }

  /** The last refusal of a connection to `url`'s host and port since `since` (performance.now()). */
  refusalFor(url: string, since: number): ProxyRefusal | null {
    let key: string;
    try {
      key = endpointKey(new URL(url));
    } catch {
      return null;
    }
    const refusal = this.#refusals.get(key);
    return refusal && refusal.at >= since ? refusal : null;
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    this.#agent.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let target: URL;
    try {
      target = new URL(req.url ?? '');
      if (target.protocol !== 'http:') throw new Error('not http');
    } catch {
      this.#refuseResponse(res, null, { status: 'error', reason: 'Not a proxy request' }, 400);
      return;
    }
    const port = Number(target.port || 80);
    const destination = await this.#policy.resolve(target.hostname, port);
    if (!destination.ok) {
      this.#refuseResponse(res, target, destination, 403);
      return;
    }
    this.connectionsMade++;
    const upstream = httpRequest({
      host: destination.address,
      family: destination.family,
      port,
      method: req.method,
      path: `${target.pathname}${target.search}`,
      headers: endToEndHeaders(req),
      agent: this.#agent,
      setHost: false,
      timeout: IDLE_TIMEOUT_MS,
    });
    upstream.on('timeout', () => upstream.destroy(Object.assign(new Error('idle'), { code: 'ETIMEDOUT' })));
    upstream.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEndHeaders(answer));
      answer.pipe(res);
      answer.on('error', () => res.destroy());
    });
    upstream.on('error', (error) => {
      const { status, error: reason } = classifyError(error);
      if (res.headersSent) res.destroy();
      else this.#refuseResponse(res, target, { status, reason }, 502);
    });
    req.on('aborted', () => upstream.destroy());
    req.pipe(upstream);
  }

  async #tunnel(req: IncomingMessage, client: Duplex, head: Buffer): Promise<void> {
    const endpoint = parseAuthority(req.url ?? '');
    if (!endpoint) {
      client.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    await this.#splice(client, endpoint, head, null);
  }

  async #upgrade(req: IncomingMessage, client: Duplex, head: Buffer): Promise<void> {
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      client.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    const endpoint = { host: target.hostname, port: Number(target.port || 80) };
    await this.#splice(client, endpoint, head, requestHead(req, target));
  }

  /**
   * Connects `client` to the approved address of `endpoint`: a CONNECT tunnel (`preamble` null, the
   * client is told the tunnel is open) or an upgrade request replayed to the site (`preamble`).
   */
  async #splice(
    client: Duplex,
    endpoint: { host: string; port: number },
    head: Buffer,
    preamble: string | null,
  ): Promise<void> {
    this.#track(client);
    const destination = await this.#policy.resolve(endpoint.host, endpoint.port);
    if (!destination.ok) {
      this.#remember(endpoint, destination);
      client.end(refusalHead(403, destination));
      return;
    }
    this.connectionsMade++;
    const upstream = connect({
      host: destination.address,
      port: endpoint.port,
      family: destination.family,
      timeout: CONNECT_TIMEOUT_MS,
    });
    this.#track(upstream);
    upstream.once('timeout', () =>
      upstream.destroy(Object.assign(new Error('connect timeout'), { code: 'ETIMEDOUT' })),
    );
    upstream.once('error', (error) => {
      const { status, error: reason } = classifyError(error);
      this.#remember(endpoint, { status, reason });
      if (client.writable) client.end(refusalHead(502, { status, reason }));
      client.destroy();
    });
    upstream.once('connect', () => {
      upstream.setTimeout(IDLE_TIMEOUT_MS);
      upstream.removeAllListeners('timeout');
      upstream.once('timeout', () => {
        upstream.destroy();
        client.destroy();
      });
      if (preamble === null) client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      else upstream.write(preamble);
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    client.once('error', () => upstream.destroy());
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
  }

  #refuseResponse(
    res: ServerResponse,
    target: URL | null,
    refusal: { status: FetchStatus; reason: string },
    code: number,
  ): void {
    if (target) this.#remember({ host: target.hostname, port: Number(target.port || 80) }, refusal);
    res.writeHead(code, {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      [REFUSED_STATUS_HEADER]: refusal.status,
      [REFUSED_REASON_HEADER]: encodeURIComponent(refusal.reason.slice(0, 500)),
    });
    res.end(`portal-audit did not connect: ${refusal.reason}\n`);
  }

  #remember(
    endpoint: { host: string; port: number },
    refusal: { status: FetchStatus; reason: string },
  ): void {
    if (this.#refusals.size >= MAX_REMEMBERED) this.#refusals.clear();
    this.#refusals.set(`${bareHost(endpoint.host)}:${endpoint.port}`, { ...refusal, at: performance.now() });
  }

  #track(socket: Duplex): void {
    if (this.#sockets.has(socket)) return;
    this.#sockets.add(socket);
    socket.once('close', () => this.#sockets.delete(socket));
    socket.on('error', () => {});
  }
}

function endpointKey(url: URL): string {
  const port = Number(url.port || (url.protocol === 'https:' || url.protocol === 'wss:' ? 443 : 80));
  return `${bareHost(url.hostname)}:${port}`;
}

/** `host:port` of a CONNECT request (`[v6]:port` for IPv6). */
function parseAuthority(authority: string): { host: string; port: number } | null {
  const match = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(authority);
  if (!match?.[1] || !match[2]) return null;
  return { host: match[1], port: Number(match[2]) };
}

/** A message's headers without the hop-by-hop ones, which concern only one connection. */
function endToEndHeaders(message: IncomingMessage): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
  }
  return headers;
}

/** The upgrade request as the site must see it: origin-form path, the client's own headers. */
function requestHead(req: IncomingMessage, target: URL): string {
  const lines = [`${req.method} ${target.pathname}${target.search} HTTP/1.1`];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] ?? '';
    if (/^proxy-/i.test(name)) continue;
    lines.push(`${name}: ${req.rawHeaders[i + 1] ?? ''}`);
  }
  return `${lines.join('\r\n')}\r\n\r\n`;
}

function refusalHead(code: number, refusal: { status: FetchStatus; reason: string }): string {
  const text = code === 403 ? 'Forbidden' : 'Bad Gateway';
  return (
    `HTTP/1.1 ${code} ${text}\r\n${REFUSED_STATUS_HEADER}: ${refusal.status}\r\n` +
    `${REFUSED_REASON_HEADER}: ${encodeURIComponent(refusal.reason.slice(0, 500))}\r\n` +
    'content-length: 0\r\nconnection: close\r\n\r\n'
  );
}
