import { z } from 'zod';

/**
 * The posture of a portal — security, privacy, speed — defined once: types are inferred from these
 * schemas and report.json's `posture` object is generated from them. Kept apart from the LOSI/OSI
 * score: it does not change the survey's method.
 */

/** `unknown`: the captures cannot tell (no rendered page, the check was not run). */
export const POSTURE_LEVELS = ['pass', 'attention', 'fail', 'unknown'] as const;
export type PostureLevel = (typeof POSTURE_LEVELS)[number];

export const postureFindingSchema = z.object({
  /** Stable name of the check ('hsts', 'csp', 'lcp', …). */
  check: z.string(),
  title: z.string(),
  level: z.enum(POSTURE_LEVELS),
  /** What was observed, in one plain sentence. */
  detail: z.string(),
  /** What passes, and whose threshold it is. */
  threshold: z.string(),
  /** Where it was seen: a URL (page or host) and the value there. */
  evidence: z.array(z.object({ url: z.string(), value: z.string() })),
});

export const thirdPartyHostSchema = z.object({
  host: z.string(),
  pages: z.number().int(),
  requests: z.number().int(),
  bytes: z.number(),
  /** As the tracker database names it, when it lists the host. */
  tracker: z
    .object({ name: z.string(), category: z.string(), organization: z.string().nullable() })
    .nullable(),
});

export const pageSpeedSchema = z.object({
  url: z.string(),
  lcpMs: z.number().nullable(),
  lcpElement: z.string().nullable(),
  cls: z.number(),
  tbtMs: z.number(),
  ttfbMs: z.number().nullable(),
  transferBytes: z.number(),
  requests: z.number().int(),
});

export const postureSchema = z.object({
  security: z.object({
    findings: z.array(postureFindingSchema),
    /** Each host checked: the portal and the service hosts it links to. */
    hosts: z.array(
      z.object({
        host: z.string(),
        role: z.enum(['portal', 'service']),
        https: z.boolean(),
        protocol: z.string().nullable(),
        issuer: z.string().nullable(),
        validTo: z.string().nullable(),
        daysToExpiry: z.number().nullable(),
        trusted: z.boolean().nullable(),
        hsts: z.boolean(),
      }),
    ),
  }),
  privacy: z.object({
    findings: z.array(postureFindingSchema),
    thirdPartyHosts: z.array(thirdPartyHostSchema),
    /** The tracker database used, e.g. '@ghostery/trackerdb 1.0.945'. */
    trackerDatabase: z.string(),
  }),
  speed: z.object({
    findings: z.array(postureFindingSchema),
    /** 75th percentile over the rendered portal pages, as the Web Vitals thresholds are meant. */
    p75: z.object({ lcpMs: z.number().nullable(), cls: z.number().nullable(), tbtMs: z.number().nullable() }),
    /** Every rendered portal page, slowest LCP first. */
    pages: z.array(pageSpeedSchema),
    /** The home page loaded once more at a phone's width; null when it was not (no browser, older capture). */
    phone: pageSpeedSchema.extend({ viewportWidth: z.number().int() }).nullable(),
    conditions: z.string(),
  }),
});

export type PostureFinding = z.infer<typeof postureFindingSchema>;
export type Posture = z.infer<typeof postureSchema>;
export type ThirdPartyHostSummary = z.infer<typeof thirdPartyHostSchema>;
export type PageSpeed = z.infer<typeof pageSpeedSchema>;
