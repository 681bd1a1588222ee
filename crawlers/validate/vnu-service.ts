import { type ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { request } from 'undici';
import { type MarkupValidationArtifact, unavailableMarkup } from '../../src/core/index.ts';
import { freePort } from '../http/free-port.ts';
import { asUtf8Document, defaultJava, javaNotFound, pageMarkupResult, VNU_JAR, vnuOutput } from './vnu.ts';

export interface NuCheckerServiceOptions {
  /** Java executable. @default `$JAVA_HOME/bin/java` when JAVA_HOME is set, else `java` from PATH */
  javaPath?: string;
  /** Waiting for the checker to answer after its start. @default 60_000 */
  startTimeoutMs?: number;
  /** One page's check. @default 30_000 */
  pageTimeoutMs?: number;
}

/** Heap of the checker's JVM: portal pages need little, and the default (¼ of RAM) would dwarf the worker. */
const MAX_HEAP = '-Xmx384m';
/** Kept from the checker's own output, to say why it did not start. */
const MAX_LOG_CHARS = 2000;

/**
 * The W3C Nu checker kept running for a long-lived process (a fleet worker, an in-process campaign):
 * one JVM started on first use, serving HTTP on 127.0.0.1, instead of a JVM per site, whose start
 * cost more CPU than crawling the site over HTTP. The JVM runs under a small shell that ends it when
 * this process ends, even by SIGKILL. A checker that died is started again on the next use.
 * `validate` has the signature of `validateMarkup` and, like it, never throws.
 */
export class NuCheckerService {
  #base: Promise<string> | null = null;
  #child: ChildProcess | null = null;
  #log = '';
  #closed = false;

  constructor(private readonly options: NuCheckerServiceOptions = {}) {}

  validate = async (pages: { url: string; html: string }[]): Promise<MarkupValidationArtifact> => {
    if (pages.length === 0) return { validator: 'vnu', version: null, available: true, pages: [] };
    let base: string;
    try {
      base = await this.endpoint();
    } catch (error) {
      return unavailableMarkup(error instanceof Error ? error.message : String(error));
    }
    try {
      let version: string | null = null;
      const results: MarkupValidationArtifact['pages'] = [];
      for (const page of pages) {
        const report = await this.#check(base, page.html);
        version ??= report.version ?? null;
        results.push(pageMarkupResult(page.url, report.messages));
      }
      return { validator: 'vnu', version, available: true, pages: results };
    } catch (error) {
      // The checker may have died: the next site starts it again.
      this.#stop();
      return unavailableMarkup(
        `Markup validation failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };

  /** The running checker's URL (started if need be); rejects when it cannot start. */
  endpoint(): Promise<string> {
    return this.#started();
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#stop();
  }

  async #check(base: string, html: string) {
    const response = await request(`${base}/?out=json`, {
      method: 'POST',
      // The checker refuses requests without a User-Agent.
      headers: { 'content-type': 'text/html; charset=utf-8', 'user-agent': 'portal-audit' },
      body: asUtf8Document(html),
      headersTimeout: this.options.pageTimeoutMs ?? 30_000,
      bodyTimeout: this.options.pageTimeoutMs ?? 30_000,
    });
    const text = await response.body.text();
    if (response.statusCode !== 200) throw new Error(`the Nu checker answered HTTP ${response.statusCode}`);
    const parsed = vnuOutput.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error(`unreadable Nu checker output: ${text.slice(0, 300)}`);
    return parsed.data;
  }

  #started(): Promise<string> {
    if (this.#closed) return Promise.reject(new Error('The Nu checker service is closed'));
    if (!this.#base) {
      this.#base = this.#start();
      this.#base.catch(() => {
        this.#base = null;
      });
    }
    return this.#base;
  }

  async #start(): Promise<string> {
    const java = this.options.javaPath ?? defaultJava();
    const port = await freePort();
    this.#log = '';
    // The shell ends the JVM when it is told to, when the JVM ends, or when this process is gone.
    const script = `"$JAVA" -Xss1024k ${MAX_HEAP} -Dnu.validator.servlet.bind-address=127.0.0.1 -cp "$VNU_JAR" nu.validator.servlet.Main "$PORT" &
j=$!
trap 'kill $j 2>/dev/null; exit 0' TERM INT
while kill -0 "$OWNER" 2>/dev/null && kill -0 $j 2>/dev/null; do sleep 1; done
kill $j 2>/dev/null
wait $j`;
    const child = spawn('sh', ['-c', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, JAVA: java, VNU_JAR, PORT: String(port), OWNER: String(process.pid) },
    });
    this.#child = child;
    const keep = (chunk: Buffer) => {
      this.#log = (this.#log + chunk.toString('utf8')).slice(-MAX_LOG_CHARS);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let exited = false;
    child.on('exit', () => {
      exited = true;
      if (this.#child === child) {
        this.#child = null;
        this.#base = null;
      }
    });
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + (this.options.startTimeoutMs ?? 60_000);
    while (Date.now() < deadline) {
      if (exited) {
        if (/not found|No such file/i.test(this.#log)) throw new Error(javaNotFound(java));
        throw new Error(`The Nu checker did not start: ${lastLines(this.#log)}`);
      }
      try {
        // Any answer means it listens.
        const response = await request(`${base}/`, { headersTimeout: 2000, bodyTimeout: 2000 });
        await response.body.dump();
        return base;
      } catch {
        // Not listening yet.
      }
      await sleep(200);
    }
    this.#stop();
    throw new Error(
      `The Nu checker did not answer within ${this.options.startTimeoutMs ?? 60_000} ms: ${lastLines(this.#log)}`,
    );
  }

  #stop(): void {
    this.#child?.kill('SIGTERM');
    this.#child = null;
    this.#base = null;
  }
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' | ') || 'no output';
}
