/** Outputs written beside report.json and report.html when asked for (`--format sarif`, `--csv`). */
export const EXTRA_FORMATS = ['sarif', 'csv'] as const;
export type ExtraFormat = (typeof EXTRA_FORMATS)[number];
