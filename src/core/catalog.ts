import type { Method, Rule } from './rule.ts';
import type { Level } from './target.ts';

export interface Criterion {
  code: string;
  name: string;
  /** Relative weight in the total. 1 for every criterion unless the methodology says otherwise. */
  weight: number;
  /** True when the weight is our assumption rather than a published figure. */
  inferred: boolean;
}

export interface LevelThreshold {
  level: 'very_high' | 'high' | 'middle' | 'low';
  /** Lower bound (exclusive for very_high, inclusive otherwise), on a 0..1 scale. */
  min: number;
}

export interface CatalogEntry {
  code: string;
  criterion: string;
  title: string;
  definition: string;
  method: Method;
  /** Weight of the indicator inside its criterion; 1 when absent. */
  weight?: number;
  /** Id of the rule that judges this indicator. */
  ruleId: string;
  /** True when something about this entry (name, criterion) is inferred rather than published. */
  inferred?: boolean;
}

export interface Catalog {
  id: string;
  version: string;
  title: string;
  level: Level;
  criteria: Criterion[];
  thresholds: LevelThreshold[];
  entries: CatalogEntry[];
  rules: Rule[];
  /** Free-text notes on what is inferred, printed with scores. */
  notes: string[];
}
