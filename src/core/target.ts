export const LEVELS = ['city', 'national'] as const;
export type Level = (typeof LEVELS)[number];

export const RENDER_MODES = ['auto', 'all', 'none'] as const;
export type RenderMode = (typeof RENDER_MODES)[number];

export interface CrawlBudget {
  /** Pages fetched from the portal itself (external one-hop pages are not counted). @default 60 */
  maxPages: number;
  /** Link depth from the home page (home = 0). @default 4 */
  maxDepth: number;
  /** Wall-clock budget for the whole site in seconds; 0 means none. @default 0 */
  maxSeconds: number;
}

export const DEFAULT_BUDGET: CrawlBudget = { maxPages: 60, maxDepth: 4, maxSeconds: 0 };

export interface Target {
  url: string;
  level: Level;
  country?: string;
  city?: string;
  language?: string;
}

/**
 * Private, loopback and link-local addresses the crawler may reach: none (`false`), all (`true`), or
 * only these `host[:port]` entries (`--allow-private 127.0.0.1:8080,intranet.example`).
 */
export type AllowPrivate = boolean | string[];
