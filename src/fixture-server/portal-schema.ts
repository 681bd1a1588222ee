import { z } from 'zod';
import { SEARCH_MODES } from './site-search.ts';

/** LOSI/OSI indicator codes as published: three digits, sometimes a letter (`269a`); OSI also has `09a`. */
const INDICATOR_CODE = /^\d{2,3}[a-z]?$/;

export const IndicatorTruthSchema = z.strictObject({
  met: z.boolean(),
  /** Page path and element where a human finds the feature (or looked for it and found it missing). */
  where: z.string().min(1).optional(),
  note: z.string().min(1).optional(),
});

/** `truth.json`: the labels a fixture portal was built to have. */
export const PortalTruthSchema = z.strictObject({
  /** Identifier: the portal's folder name under fixtures/portals. */
  portal: z.string().min(1),
  /** Display name, e.g. "City of Riverton". */
  title: z.string().min(1).optional(),
  level: z.enum(['city', 'national']),
  /** Official language of the portal (BCP 47 primary tag, e.g. `en`, `fr`). */
  language: z.string().min(2),
  /** Path of the home page on the main server, e.g. `/`. */
  home: z.string().startsWith('/'),
  /** Host name used in the HTML (e.g. `127.0.0.2`) → folder under the portal dir served on that host. */
  externalHosts: z.record(z.string().min(1), z.string().min(1)).optional(),
  /** Free-text remarks on how the portal was built (traps, what was verified and how). */
  notes: z.array(z.string()).optional(),
  indicators: z.record(
    z.string().regex(INDICATOR_CODE, 'indicator code like 206 or 269a'),
    IndicatorTruthSchema,
  ),
});

export type PortalTruth = z.infer<typeof PortalTruthSchema>;
export type IndicatorTruth = z.infer<typeof IndicatorTruthSchema>;

/** `portal.json`: how the main site is served. Optional; every field optional. */
export const PortalConfigSchema = z.strictObject({
  search: z
    .strictObject({
      path: z.string().startsWith('/'),
      param: z.string().min(1),
      mode: z.enum(SEARCH_MODES),
    })
    .optional(),
  spaFallback: z.boolean().optional(),
  /** Response headers of every page of the main site (e.g. the security headers a server sends). */
  headers: z.record(z.string(), z.string()).optional(),
  /**
   * The site is not on disk: it is written at serve time from this plan file (in the portal folder)
   * by generated-site.ts, into a temporary directory that close() removes.
   */
  generated: z.string().min(1).optional(),
});

export type PortalConfig = z.infer<typeof PortalConfigSchema>;
