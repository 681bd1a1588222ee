import type { FastifyInstance } from 'fastify';
import { findChromium } from '../../crawlers/browser/find-chromium.ts';
import { openStore, reviewAppRepositories, type Store } from '../../db/index.ts';
import { Highlighter } from '../evidence/highlighter.ts';
import { buildReviewApp, type ReviewAppOptions } from './app.ts';
import { loadSessionSecret } from './auth/session-secret.ts';

export interface ReviewServerOptions {
  dbFile: string;
  /** @default '127.0.0.1' */
  host?: string;
  /** 0 picks a free port. @default 8080 */
  port?: number;
  trustProxy?: boolean;
  /** @default $REDIS_URL */
  redisUrl?: string;
  /** Render highlighted evidence screenshots with Chromium when one is found. @default true */
  highlight?: boolean;
  loginLimits?: ReviewAppOptions['loginLimits'];
  /** @default $PORTAL_AUDIT_SESSION_SECRET, else the secret file beside the DB */
  sessionSecret?: string;
}

export interface RunningReviewServer {
  /** `http://host:port` */
  url: string;
  app: FastifyInstance;
  store: Store;
  /** True when highlighted screenshots are available (a Chromium was found). */
  highlighting: boolean;
  /** Users in the store at start (0: nobody can log in yet). */
  users: number;
  close(): Promise<void>;
}

/**
 * Opens the evidence store and serves the review app over it. The store must exist: a mistyped --db
 * would otherwise serve a new, empty one.
 */
export async function startReviewServer(options: ReviewServerOptions): Promise<RunningReviewServer> {
  const store = openStore(options.dbFile, { mustExist: true });
  const chromium = options.highlight === false ? null : findChromium();
  const highlighter = chromium ? new Highlighter(chromium) : null;
  let app: FastifyInstance | undefined;
  try {
    app = await buildReviewApp({
      store,
      sessionSecret: options.sessionSecret ?? loadSessionSecret(store.file),
      highlighter,
      trustProxy: options.trustProxy ?? false,
      redisUrl: options.redisUrl ?? (process.env.REDIS_URL?.trim() || undefined),
      loginLimits: options.loginLimits,
    });
    const host = options.host ?? '127.0.0.1';
    await app.listen({ host, port: options.port ?? 8080 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : (options.port ?? 8080);
    const urlHost = host.includes(':') ? `[${host}]` : host;
    const running = app;
    return {
      url: `http://${urlHost}:${port}`,
      app: running,
      store,
      highlighting: highlighter !== null,
      users: reviewAppRepositories(store).users.count(),
      async close() {
        await running.close();
        await highlighter?.close();
        store.close();
      },
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await highlighter?.close();
    store.close();
    throw error;
  }
}
