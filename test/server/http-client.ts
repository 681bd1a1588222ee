import { request as httpRequest } from 'node:http';

/** A tiny cookie-keeping HTTP client for the review app (no redirects followed). */
export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  location: string | null;
}

export class Client {
  readonly cookies = new Map<string, string>();
  /** The raw Set-Cookie headers of the last response. */
  lastSetCookie: string[] = [];

  constructor(readonly base: string) {}

  async request(
    path: string,
    init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {},
  ): Promise<Reply> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(this.base + path, {
      method: init.method ?? 'GET',
      headers,
      body,
      redirect: 'manual',
    });
    this.lastSetCookie = res.headers.getSetCookie();
    for (const cookie of this.lastSetCookie) {
      const [pair] = cookie.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return {
      status: res.status,
      headers: res.headers,
      text: await res.text(),
      location: res.headers.get('location'),
    };
  }

  get(path: string): Promise<Reply> {
    return this.request(path);
  }

  post(path: string, form: Record<string, string>, headers?: Record<string, string>): Promise<Reply> {
    return this.request(path, { method: 'POST', form, headers });
  }

  /** GET with the path sent exactly as written (fetch would resolve `..` segments first). */
  rawGet(path: string): Promise<{ status: number; text: string }> {
    const url = new URL(this.base);
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        { host: url.hostname, port: url.port, path, method: 'GET', headers: cookie ? { cookie } : {} },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d) => (text += d));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  /** The CSRF token of the first form on a page. */
  async csrf(path = '/'): Promise<string> {
    const page = await this.get(path);
    const m = /name="_csrf" value="([^"]+)"/.exec(page.text);
    if (!m) throw new Error(`No CSRF token on ${path} (HTTP ${page.status})`);
    return m[1]!;
  }

  async login(name: string, password: string): Promise<Reply> {
    const token = await this.csrf('/login');
    return this.post('/login', { _csrf: token, name, password, next: '/' });
  }
}
