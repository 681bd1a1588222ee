import { z } from 'zod';
import { packagePath } from '../core/index.ts';
import { auditReportSchema } from './report-types.ts';

/** Where the committed JSON Schema of report.json lives (`npm run schema` writes it). */
export const REPORT_SCHEMA_PATH = packagePath('schemas', 'report.schema.json');

/** The JSON Schema of report.json, generated from the zod schema the code uses. */
export function reportJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(auditReportSchema, { target: 'draft-2020-12', io: 'input' }),
    $id: 'https://portal-audit.invalid/schemas/report.schema.json',
    title: 'portal-audit report.json',
  };
}

/** The schema as committed: formatted JSON with a final newline. */
export function reportJsonSchemaText(): string {
  return `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
}
