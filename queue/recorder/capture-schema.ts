import { z } from 'zod';
import type { PageCapture } from '../../src/core/index.ts';
import { CONSENT_ACTIONS, FETCH_STATUSES, REGIONS, VIEW_SOURCES } from '../../src/core/index.ts';

/**
 * zod mirror of PageCapture (src/core/capture.ts) for records arriving from a queue. Objects are
 * loose: an optional field added to the contract later is kept rather than silently dropped.
 */

const linkStep = z.looseObject({ url: z.string(), text: z.string() });

const link = z.looseObject({
  href: z.string(),
  rawHref: z.string(),
  text: z.string(),
  region: z.enum(REGIONS),
  external: z.boolean(),
  placeholder: z.boolean(),
  selector: z.string(),
  rel: z.string().optional(),
});

const formField = z.looseObject({
  tag: z.enum(['input', 'select', 'textarea', 'button']),
  type: z.string(),
  name: z.string(),
  id: z.string().optional(),
  label: z.string(),
  required: z.boolean(),
  options: z.array(z.string()).optional(),
});

export const capturedFormSchema = z.looseObject({
  selector: z.string(),
  action: z.string(),
  method: z.enum(['get', 'post', 'dialog']),
  region: z.enum(REGIONS),
  isSearch: z.boolean(),
  fields: z.array(formField),
  submitText: z.string(),
  heading: z.string().optional(),
});

const meta = z.looseObject({
  htmlLang: z.string().nullable(),
  viewport: z.string().nullable(),
  description: z.string().nullable(),
  generator: z.string().nullable(),
  canonical: z.string().nullable(),
  hreflang: z.array(z.looseObject({ lang: z.string(), href: z.string() })),
  feeds: z.array(z.looseObject({ type: z.string(), href: z.string(), title: z.string() })),
});

const axeNode = z.looseObject({
  selector: z.string(),
  html: z.string(),
  failureSummary: z.string().optional(),
});

const axeFinding = z.looseObject({
  ruleId: z.string(),
  impact: z.enum(['minor', 'moderate', 'serious', 'critical']).nullable(),
  help: z.string(),
  helpUrl: z.string(),
  tags: z.array(z.string()),
  nodeCount: z.number().int().nonnegative(),
  nodes: z.array(axeNode),
});

const axeSummary = z.looseObject({
  engine: z.literal('axe-core'),
  engineVersion: z.string(),
  tags: z.array(z.string()),
  violations: z.array(axeFinding),
  incomplete: z.array(axeFinding),
  passes: z.number().int().nonnegative(),
  inapplicable: z.number().int().nonnegative(),
});

export const pagePerformanceSchema = z.looseObject({
  ttfbMs: z.number().nonnegative().nullable(),
  lcpMs: z.number().nonnegative().nullable(),
  lcpElement: z.string().nullable(),
  cls: z.number().nonnegative(),
  tbtMs: z.number().nonnegative(),
  requests: z.number().int().nonnegative(),
  transferBytes: z.number().nonnegative(),
  thirdParty: z
    .array(
      z.looseObject({
        host: z.string(),
        requests: z.number().int().nonnegative(),
        bytes: z.number().nonnegative(),
      }),
    )
    .max(50),
  mixedContent: z
    .array(z.looseObject({ url: z.string(), resourceType: z.string(), active: z.boolean() }))
    .max(20),
  cookies: z
    .array(
      z.looseObject({
        name: z.string(),
        domain: z.string(),
        secure: z.boolean(),
        httpOnly: z.boolean(),
        sameSite: z.enum(['Strict', 'Lax', 'None']).nullable(),
        thirdParty: z.boolean(),
        expiresInDays: z.number().nullable(),
      }),
    )
    .max(50),
});

const render = z.looseObject({
  screenshot: z.string().nullable(),
  consoleErrors: z.array(z.string()),
  mobile: z
    .looseObject({ viewportWidth: z.number(), scrollWidth: z.number(), horizontalScroll: z.boolean() })
    .nullable(),
  axe: axeSummary.nullable(),
  renderMs: z.number(),
  consent: z
    .looseObject({ cmp: z.string(), action: z.enum(CONSENT_ACTIONS), handler: z.string() })
    .optional(),
  performance: pagePerformanceSchema.optional(),
});

const viewLink = z.looseObject({
  url: z.string(),
  text: z.string(),
  via: z.enum(VIEW_SOURCES),
  selector: z.string().optional(),
});

export const fetchStatusSchema = z.enum(FETCH_STATUSES);

export const pageCaptureSchema = z.looseObject({
  url: z.string().min(1),
  finalUrl: z.string(),
  redirects: z.array(z.string()),
  status: fetchStatusSchema,
  httpStatus: z.number().int().nullable(),
  error: z.string().optional(),
  headers: z.record(z.string(), z.string()),
  contentType: z.string().nullable(),
  bytes: z.number().nonnegative(),
  fetchedAt: z.string(),
  fetchMs: z.number().nonnegative(),
  site: z.enum(['portal', 'external']),
  depth: z.number().int().nonnegative(),
  linkPath: z.array(linkStep),
  htmlHash: z.string().nullable(),
  title: z.string(),
  text: z.string(),
  lang: z.looseObject({ declared: z.string().nullable(), detected: z.string().nullable() }),
  headings: z.array(z.looseObject({ level: z.number().int(), text: z.string() })),
  links: z.array(link),
  forms: z.array(capturedFormSchema),
  meta,
  embeds: z.looseObject({ scripts: z.array(z.string()), iframes: z.array(z.string()) }),
  rendered: z.boolean(),
  render: render.optional(),
  views: z.array(viewLink).optional(),
  fetchedFor: z.literal('link-check').optional(),
});

/** Fails to compile when PageCapture (src/core) gains or changes a field this mirror does not have. */
type CaptureFits = z.infer<typeof pageCaptureSchema> extends PageCapture ? true : never;
const captureFits: CaptureFits = true;
void captureFits;
