import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserRenderer } from '../../../crawlers/browser/browser-renderer.ts';
import type { RenderOptions } from '../../../crawlers/contracts.ts';
import { httpFetch } from '../../../crawlers/http/http-fetcher.ts';
import { NetworkPolicy, type ResolvedAddress } from '../../../crawlers/net/network-policy.ts';
import { type PageServer, startPageServer } from './page-server.ts';

/**
 * The browser's private-address guard, proved on loopback: the audited site is the one allowed
 * host:port, and a "victim" service on another loopback port, reached by IP, `localhost`,
 * `localhost.` and `[::1]`, through every way a page can make a request, must see no connection.
 */

interface Victim {
  port: number;
  connections: number;
  close(): Promise<void>;
}

/** A TCP service on 127.0.0.1 and ::1 (same port when ::1 is available) that counts connections. */
async function startVictim(): Promise<Victim> {
  const victim = { port: 0, connections: 0, close: async () => {} };
  const sockets = new Set<Socket>();
  const onConnection = (socket: Socket) => {
    victim.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.end('HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: 6\r\n\r\nsecret');
  };
  const listen = (host: string, port: number) =>
    new Promise<Server | null>((resolve) => {
      const server = createServer(onConnection);
      server.once('error', () => resolve(null));
      server.listen(port, host, () => resolve(server));
    });
  const v4 = await listen('127.0.0.1', 0);
  if (!v4) throw new Error('cannot listen on 127.0.0.1');
  const address = v4.address();
  victim.port = typeof address === 'object' && address ? address.port : 0;
  const v6 = await listen('::1', victim.port);
  victim.close = async () => {
    for (const socket of sockets) socket.destroy();
    await Promise.all(
      [v4, v6].filter(Boolean).map((s) => new Promise<void>((resolve) => s!.close(() => resolve()))),
    );
  };
  return victim;
}

const QUICK = { axe: false, screenshot: false, mobile: false, timeoutMs: 15_000 } as const;

describe('guard proxy: only the allowed host:port is reachable on a private network', () => {
  let victim: Victim;
  let site: PageServer;
  let renderer: BrowserRenderer;
  let options: RenderOptions;
  let hosts: string[];

  beforeAll(async () => {
    victim = await startVictim();
    const v = victim.port;
    hosts = [`127.0.0.1:${v}`, `localhost:${v}`, `localhost.:${v}`, `[::1]:${v}`, `sub.localhost:${v}`];
    const embeds = hosts
      .map(
        (h, i) =>
          `<img src="http://${h}/i${i}.png" alt=""><iframe title="f${i}" src="http://${h}/f${i}"></iframe>` +
          `<link rel="stylesheet" href="https://${h}/s${i}.css">`,
      )
      .join('');
    const script = `
      const hosts = ${JSON.stringify(hosts)};
      const tries = [];
      for (const h of hosts) {
        tries.push(fetch('http://' + h + '/api', { mode: 'no-cors' }).catch(() => {}));
        tries.push(fetch('https://' + h + '/api', { mode: 'no-cors' }).catch(() => {}));
        for (const scheme of ['ws', 'wss']) {
          tries.push(new Promise((resolve) => {
            try {
              const ws = new WebSocket(scheme + '://' + h + '/socket');
              ws.onopen = ws.onerror = ws.onclose = resolve;
            } catch { resolve(); }
          }));
        }
      }
      Promise.all(tries).then(() => { document.getElementById('state').textContent = 'all tried'; });`;
    site = await startPageServer({
      '/embeds.html': {
        body: `<!doctype html><html lang="en"><title>Embeds</title><main><h1>Public page</h1><p id="state">trying</p>${embeds}</main><script>${script}</script></html>`,
      },
      '/redirect-ip': { status: 302, headers: { location: `http://127.0.0.1:${v}/` }, body: '' },
      '/redirect-localhost': { status: 302, headers: { location: `http://localhost:${v}/` }, body: '' },
      '/redirect-dot': { status: 302, headers: { location: `http://localhost.:${v}/` }, body: '' },
      '/redirect-v6': { status: 302, headers: { location: `http://[::1]:${v}/` }, body: '' },
      '/redirect-https': { status: 302, headers: { location: `https://localhost.:${v}/` }, body: '' },
      '/script-redirect.html': {
        body: `<!doctype html><html lang="en"><title>Moves</title><script>location.href = 'http://localhost.:${v}/';</script></html>`,
      },
    });
    renderer = new BrowserRenderer({ blockNonLoopback: true });
    options = {
      userAgent: 'portal-audit-test',
      ...QUICK,
      network: new NetworkPolicy({ allowPrivate: [`127.0.0.1:${site.port}`] }),
    };
  });

  afterAll(async () => {
    await renderer?.close();
    await site?.close();
    await victim?.close();
  });

  it('renders the allowed page while its images, frames, styles, fetches and WebSockets reach nothing else', async () => {
    const page = await renderer.render(site.url('/embeds.html'), { ...options, timeoutMs: 20_000 });
    expect(page.status, page.error).toBe('ok');
    expect(page.visibleText).toContain('Public page');
    expect(page.visibleText).toContain('all tried');
    expect(victim.connections).toBe(0);
  });

  it.each([
    ['/redirect-ip', 'by IP'],
    ['/redirect-localhost', 'localhost'],
    ['/redirect-dot', 'localhost. (trailing dot)'],
    ['/redirect-v6', '[::1]'],
    ['/redirect-https', 'https to localhost. (a CONNECT tunnel)'],
  ])('refuses a redirect to another loopback port (%s, %s) and keeps none of it', async (path) => {
    const page = await renderer.render(site.url(path), options);
    expect(page.status, page.error).toBe('private_address');
    expect(page.error).toMatch(/allow-private/);
    expect(page.html).toBeNull();
    expect(page.visibleText).toBe('');
    expect(victim.connections).toBe(0);
  });

  it('refuses a navigation made by script to localhost.', async () => {
    const page = await renderer.render(site.url('/script-redirect.html'), options);
    expect(page.status, page.error).toBe('private_address');
    expect(page.html).toBeNull();
    expect(victim.connections).toBe(0);
  });

  it('refuses the same hosts in the HTTP fetcher, whatever their spelling', async () => {
    for (const host of hosts) {
      const out = await httpFetch(`http://${host}/`, {
        userAgent: 'portal-audit-test',
        network: options.network!,
        timeoutMs: 5000,
      });
      expect(out.status, `${host}: ${out.error}`).toBe('private_address');
    }
    const allowed = await httpFetch(site.url('/embeds.html'), {
      userAgent: 'portal-audit-test',
      network: options.network!,
    });
    expect(allowed.status).toBe('ok');
    expect(victim.connections).toBe(0);
  });
});

describe('guard proxy: name resolution', () => {
  let victim: Victim;
  let site: PageServer;
  let renderer: BrowserRenderer;

  beforeAll(async () => {
    victim = await startVictim(); // 127.0.0.1:<port>: private here
    // The "public" site, on the same port at another loopback address that this policy calls public.
    site = await startPageServer(
      {
        '/': {
          body: `<!doctype html><html lang="en"><title>Rebind</title><main><h1>Rebinding page</h1><p id="state">waiting</p></main><script>
            fetch('/secret').then((r) => r.text()).then((t) => { document.getElementById('state').textContent = 'got ' + t; })
              .catch(() => { document.getElementById('state').textContent = 'refused'; });
          </script></html>`,
          headers: { connection: 'close' },
        },
      },
      '127.0.0.2',
      victim.port,
    );
    renderer = new BrowserRenderer({ blockNonLoopback: true });
  });

  afterAll(async () => {
    await renderer?.close();
    await site?.close();
    await victim?.close();
  });

  it('connects to the address it checked: a name that rebinds to a private address after the first lookup reaches nothing private', async () => {
    let lookups = 0;
    const rebinding = async (hostname: string): Promise<ResolvedAddress[]> => {
      if (hostname !== 'portal.rebind.test')
        throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
      lookups++;
      return [{ address: lookups === 1 ? '127.0.0.2' : '127.0.0.1', family: 4 }];
    };
    const network = new NetworkPolicy({
      lookup: rebinding,
      isPrivate: (address) => address !== '127.0.0.2',
    });
    const page = await renderer.render(`http://portal.rebind.test:${victim.port}/`, {
      userAgent: 'portal-audit-test',
      ...QUICK,
      network,
    });
    expect(page.status, page.error).toBe('ok');
    expect(page.visibleText).toContain('Rebinding page');
    expect(page.visibleText).toMatch(
      /did not connect: Refused portal\.rebind\.test, which resolves to 127\.0\.0\.1/,
    );
    expect(page.visibleText).not.toContain('secret');
    expect(lookups).toBeGreaterThanOrEqual(2);
    expect(victim.connections).toBe(0);
  });

  it('refuses a name that does not resolve (no lookup failure is let through)', async () => {
    const network = new NetworkPolicy({
      lookup: async () => {
        throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
      },
    });
    const page = await renderer.render('http://nowhere.example/', {
      userAgent: 'portal-audit-test',
      ...QUICK,
      network,
    });
    expect(page.status, page.error).toBe('dns_error');
    const out = await httpFetch('http://nowhere.example/', { userAgent: 'portal-audit-test', network });
    expect(out.status, out.error).toBe('dns_error');
  });
});
