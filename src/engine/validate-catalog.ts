import type { Catalog } from '../core/index.ts';

/** Throws one error listing every inconsistency of a catalog (ids, codes, criteria, rules, texts). */
export function validateCatalog(catalog: Catalog): void {
  const problems: string[] = [];
  const duplicates = (values: string[]) => [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];

  if (!catalog.id.trim()) problems.push('catalog id is empty');
  if (!catalog.version.trim()) problems.push('catalog version is empty');
  const criteria = new Set(catalog.criteria.map((c) => c.code));
  for (const code of duplicates(catalog.criteria.map((c) => c.code)))
    problems.push(`duplicate criterion ${code}`);
  for (const criterion of catalog.criteria) {
    if (!criterion.name.trim()) problems.push(`criterion ${criterion.code} has no name`);
    if (!(criterion.weight >= 0)) problems.push(`criterion ${criterion.code} has an invalid weight`);
  }

  for (const code of duplicates(catalog.entries.map((e) => e.code)))
    problems.push(`duplicate indicator code ${code}`);
  for (const id of duplicates(catalog.entries.map((e) => e.ruleId)))
    problems.push(`rule ${id} is used by several entries`);
  for (const id of duplicates(catalog.rules.map((r) => r.meta.id))) problems.push(`duplicate rule id ${id}`);

  const rules = new Map(catalog.rules.map((r) => [r.meta.id, r]));
  for (const entry of catalog.entries) {
    const label = `indicator ${entry.code || '(no code)'}`;
    if (!entry.code.trim()) problems.push('an entry has an empty code');
    if (!entry.title.trim()) problems.push(`${label} has an empty title`);
    if (!entry.definition.trim()) problems.push(`${label} has an empty definition`);
    if (!criteria.has(entry.criterion)) problems.push(`${label} has unknown criterion ${entry.criterion}`);
    const rule = rules.get(entry.ruleId);
    if (!rule) {
      problems.push(`${label} names rule ${entry.ruleId}, which the catalog does not include`);
      continue;
    }
    if (rule.meta.code !== entry.code)
      problems.push(`${label} uses rule ${rule.meta.id} whose code is ${rule.meta.code}`);
  }
  const used = new Set(catalog.entries.map((e) => e.ruleId));
  for (const rule of catalog.rules) {
    if (!used.has(rule.meta.id)) problems.push(`rule ${rule.meta.id} has no catalog entry`);
    if (!rule.meta.title.trim()) problems.push(`rule ${rule.meta.id} has an empty title`);
    if (!rule.meta.definition.trim()) problems.push(`rule ${rule.meta.id} has an empty definition`);
    if (typeof rule.detect !== 'function') problems.push(`rule ${rule.meta.id} has no detect function`);
  }

  const levels = catalog.thresholds.map((t) => t.level);
  for (const level of duplicates(levels)) problems.push(`duplicate threshold ${level}`);
  for (const t of catalog.thresholds)
    if (!(t.min >= 0 && t.min <= 1)) problems.push(`threshold ${t.level} is outside 0..1`);

  if (problems.length > 0) {
    throw new Error(
      `Catalog ${catalog.id || '(no id)'} ${catalog.version} is invalid:\n- ${problems.join('\n- ')}`,
    );
  }
}
