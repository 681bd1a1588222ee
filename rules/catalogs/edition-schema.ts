import { z } from 'zod';
import { LEVELS, METHODS } from '../../src/core/index.ts';

/** One published indicator: who it is (code, criterion, texts) and which detector judges it. */
export const IndicatorRowSchema = z
  .object({
    code: z.string().trim().min(1),
    criterion: z.string().trim().min(1),
    title: z.string().trim().min(1),
    definition: z.string().trim().min(1),
    method: z.enum(METHODS),
    /** A detector's name: its file stem under rules/detectors/. */
    detector: z.string().trim().min(1),
    /** The rule id is `<edition>/<code>-<slug>`; the slug defaults to the detector's name. */
    slug: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by "-"')
      .optional(),
    /** Weight inside its criterion (1 unless the edition says otherwise). */
    weight: z.number().positive().optional(),
    /** Something about the row (title, criterion) is our reading rather than published. */
    inferred: z.boolean().optional(),
  })
  .strict();

export const EditionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by "-", e.g. losi-2024-br'),
    version: z.string().trim().min(1),
    title: z.string().trim().min(1),
    level: z.enum(LEVELS),
    criteria: z
      .array(
        z
          .object({
            code: z.string().trim().min(1),
            name: z.string().trim().min(1),
            weight: z.number().min(0),
            inferred: z.boolean(),
          })
          .strict(),
      )
      .min(1),
    thresholds: z
      .array(
        z
          .object({ level: z.enum(['very_high', 'high', 'middle', 'low']), min: z.number().min(0).max(1) })
          .strict(),
      )
      .min(1),
    /** What is inferred or adapted; the counts of indicators are added from the rows. */
    notes: z.array(z.string().trim().min(1)).default([]),
    indicators: z.array(IndicatorRowSchema).min(1),
  })
  .strict();

export type IndicatorRow = z.infer<typeof IndicatorRowSchema>;
export type EditionTable = z.infer<typeof EditionSchema>;
