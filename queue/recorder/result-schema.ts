import { z } from 'zod';
import { EVIDENCE_KINDS, type IndicatorResult, METHODS, OUTCOMES } from '../../src/core/index.ts';
import { InvalidRecordError } from './record-schema.ts';

const evidence = z.looseObject({
  pageUrl: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  selector: z.string().optional(),
  snippet: z.string().optional(),
  highlight: z.object({ start: z.number().int(), end: z.number().int() }).optional(),
  linkPath: z.array(z.looseObject({ url: z.string(), text: z.string() })).optional(),
  screenshot: z.string().optional(),
  note: z.string().optional(),
});

const indicatorResult = z.looseObject({
  ruleId: z.string().min(1),
  code: z.string(),
  criterion: z.string(),
  method: z.enum(METHODS),
  ruleVersion: z.number().int(),
  outcome: z.enum(OUTCOMES),
  confidence: z.number().min(0).max(1),
  message: z.string(),
  evidence: z.array(evidence),
});

const indicatorResults = z.array(indicatorResult).superRefine((results, ctx) => {
  const seen = new Set<string>();
  for (const r of results) {
    if (seen.has(r.ruleId)) ctx.addIssue({ code: 'custom', message: `rule ${r.ruleId} appears twice` });
    seen.add(r.ruleId);
  }
});

export function parseIndicatorResults(input: unknown): IndicatorResult[] {
  const parsed = indicatorResults.safeParse(input);
  if (!parsed.success)
    throw new InvalidRecordError(`Invalid indicator results: ${z.prettifyError(parsed.error)}`);
  return parsed.data as IndicatorResult[];
}
