import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPORT_SCHEMA_PATH, reportJsonSchemaText } from '../../src/report/report-schema.ts';

describe('schemas/report.schema.json', () => {
  it('is the JSON Schema generated from the zod schema the code uses (run `npm run schema` after a change)', () => {
    expect(readFileSync(REPORT_SCHEMA_PATH, 'utf8')).toBe(reportJsonSchemaText());
  });
});
