import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runEval } from '../../src/eval/run-eval.ts';
import { PORTALS_ROOT } from '../../src/fixture-server/portal-fixture.ts';

/**
 * The verdicts (outcome and confidence) of every labelled indicator on every fixture portal, crawled
 * without rendering, as the code-built catalogs gave them before editions became tables. A deliberate
 * change of a detector or a row changes this file: regenerate it with
 * `UPDATE_VERDICTS=1 npx vitest run test/rules/edition-verdicts.test.ts` and review the diff.
 */
const GOLDEN = fileURLToPath(new URL('./edition-verdicts.golden.json', import.meta.url));

describe('the edition tables judge the fixture portals as before', () => {
  it('gives every labelled indicator the same outcome and confidence', async () => {
    const portals = readdirSync(PORTALS_ROOT, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const report = await runEval({
      targets: portals.map((p) => ({ dir: join(PORTALS_ROOT, p) })),
      render: 'none',
    });
    const verdicts: Record<string, Record<string, string>> = {};
    for (const r of report.results) {
      verdicts[r.portal] ??= {};
      verdicts[r.portal]![r.ruleId] = `${r.outcome} ${r.confidence}`;
    }
    if (process.env.UPDATE_VERDICTS) writeFileSync(GOLDEN, `${JSON.stringify(verdicts, null, 1)}\n`);
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as typeof verdicts;
    expect(Object.keys(verdicts)).toEqual(Object.keys(golden));
    for (const portal of Object.keys(golden)) expect(verdicts[portal], portal).toEqual(golden[portal]);
  }, 300_000);
});
