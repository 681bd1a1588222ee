import { z } from 'zod';
import {
  ARTIFACT_KINDS,
  type CrawlRecord,
  type SiteArtifactKind,
  type SiteArtifacts,
  STOP_REASONS,
} from '../../src/core/index.ts';
import {
  capturedFormSchema,
  fetchStatusSchema,
  pageCaptureSchema,
  pagePerformanceSchema,
} from './capture-schema.ts';

/**
 * Validation of crawl records at the recorder's boundary. In fleet mode records arrive as JSON
 * through a queue, so artifact bytes may be a Uint8Array, a base64 string, or Node's JSON form of a
 * Buffer ({ type: 'Buffer', data: [...] }); all become a Uint8Array.
 */

const bytes = z.union([
  z.instanceof(Uint8Array),
  z.string().transform((s): Uint8Array => Buffer.from(s, 'base64')),
  z
    .object({ type: z.literal('Buffer'), data: z.array(z.number().int().min(0).max(255)) })
    .transform((b) => new Uint8Array(b.data)),
]);

const artifactBytes = z.object({
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'an artifact hash is 64 lowercase hex characters'),
  kind: z.enum(ARTIFACT_KINDS),
  mediaType: z.string().min(1),
  data: bytes,
});

const runId = z.number().int().positive();

const searchProbeResult = z.looseObject({
  query: z.string(),
  resultsUrl: z.string(),
  status: fetchStatusSchema,
  httpStatus: z.number().int().nullable(),
  title: z.string(),
  textLength: z.number(),
  queryOccurrences: z.number(),
  mainLinkCount: z.number(),
  snippet: z.string(),
  screenshot: z.string().nullable().optional(),
  refinements: z
    .looseObject({
      forms: z.array(capturedFormSchema),
      queryLinks: z.array(z.looseObject({ text: z.string(), href: z.string(), region: z.string() })),
    })
    .optional(),
});

const tlsFacts = z.looseObject({
  protocol: z.string().nullable(),
  cipher: z.string().nullable(),
  issuer: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  daysToExpiry: z.number().nullable(),
  nameMatches: z.boolean(),
  chainTrusted: z.boolean(),
  verifyError: z.string().optional(),
});

const siteArtifactSchemas = {
  transport: z.looseObject({
    checkedAt: z.string(),
    hosts: z.array(
      z.looseObject({
        host: z.string(),
        role: z.enum(['portal', 'service']),
        https: z.boolean(),
        httpRedirectsToHttps: z.boolean().nullable(),
        tls: tlsFacts.nullable(),
        hsts: z
          .looseObject({ maxAgeSeconds: z.number(), includeSubDomains: z.boolean(), preload: z.boolean() })
          .nullable(),
        error: z.string().optional(),
      }),
    ),
    securityTxt: z.looseObject({
      url: z.string(),
      found: z.boolean(),
      contacts: z.array(z.string()),
      expires: z.string().nullable(),
      expired: z.boolean().nullable(),
    }),
  }),
  mobileSpeed: z.looseObject({
    url: z.string(),
    viewport: z.object({ width: z.number().int().positive(), height: z.number().int().positive() }),
    status: fetchStatusSchema,
    error: z.string().optional(),
    performance: pagePerformanceSchema.nullable(),
  }),
  robots: z.looseObject({
    url: z.string(),
    httpStatus: z.number().int().nullable(),
    found: z.boolean(),
    sitemaps: z.array(z.string()),
    homeDisallowed: z.boolean(),
  }),
  sitemap: z.looseObject({
    xml: z.array(
      z.looseObject({ url: z.string(), httpStatus: z.number().int().nullable(), urlCount: z.number() }),
    ),
    urlCount: z.number(),
  }),
  searchProbe: z.looseObject({
    pageUrl: z.string(),
    formSelector: z.string(),
    inputName: z.string(),
    via: z.enum(['http', 'browser']),
    real: searchProbeResult,
    nonsense: searchProbeResult,
  }),
  markupValidation: z.looseObject({
    validator: z.literal('vnu'),
    version: z.string().nullable(),
    available: z.boolean(),
    reason: z.string().optional(),
    pages: z.array(
      z.looseObject({
        url: z.string(),
        errors: z.number(),
        warnings: z.number(),
        messages: z.array(
          z.looseObject({
            type: z.enum(['error', 'warning', 'info']),
            message: z.string(),
            line: z.number().optional(),
            extract: z.string().optional(),
          }),
        ),
      }),
    ),
  }),
} satisfies Record<SiteArtifactKind, z.ZodType>;

const siteArtifactKind = z.enum(
  Object.keys(siteArtifactSchemas) as [SiteArtifactKind, ...SiteArtifactKind[]],
);

const crawlEnd = z.object({
  outcome: fetchStatusSchema,
  stopReason: z.enum(STOP_REASONS),
  homeUrl: z.string(),
  finalHomeUrl: z.string().nullable(),
  pages: z.number().int().nonnegative(),
  statuses: z.partialRecord(fetchStatusSchema, z.number().int().nonnegative()),
  startedAt: z.string(),
  finishedAt: z.string(),
  spa: z.boolean(),
  message: z.string().optional(),
});

const pageRecord = z.object({
  type: z.literal('page'),
  runId,
  capture: pageCaptureSchema,
  artifacts: z.array(artifactBytes).default([]),
});

const siteArtifactRecord = z.object({
  type: z.literal('site-artifact'),
  runId,
  kind: siteArtifactKind,
  data: z.unknown(),
  artifacts: z.array(artifactBytes).default([]),
});

const crawlEndRecord = z.object({ type: z.literal('crawl-end'), runId, end: crawlEnd });

export class InvalidRecordError extends Error {
  override name = 'InvalidRecordError';
}

/** Parses an untrusted record into a CrawlRecord, or throws InvalidRecordError saying what is wrong. */
export function parseCrawlRecord(input: unknown): CrawlRecord {
  const type = typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined;
  switch (type) {
    case 'page': {
      const r = check(pageRecord, input, 'page record');
      return { ...r, capture: r.capture, artifacts: r.artifacts };
    }
    case 'site-artifact': {
      const r = check(siteArtifactRecord, input, 'site-artifact record');
      const data = check(siteArtifactSchemas[r.kind], r.data, `${r.kind} site artifact`);
      return {
        type: 'site-artifact',
        runId: r.runId,
        kind: r.kind,
        data: data as NonNullable<SiteArtifacts[SiteArtifactKind]>,
        artifacts: r.artifacts,
      };
    }
    case 'crawl-end': {
      const r = check(crawlEndRecord, input, 'crawl-end record');
      return { ...r, end: r.end };
    }
    default:
      throw new InvalidRecordError(`Unknown crawl record type: ${JSON.stringify(type)}`);
  }
}

function check<T extends z.ZodType>(schema: T, input: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    throw new InvalidRecordError(`Invalid ${what}: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
