/** Import rules of DESIGN.md: crawlers and rules never import each other; nothing imports the CLI or server. */
module.exports = {
  forbidden: [
    {
      name: 'crawlers-only-core',
      comment: 'crawlers/ may import only src/core',
      severity: 'error',
      from: { path: '^crawlers/' },
      to: { path: '^(src/(?!core/)|rules/|queue/|db/|test/|fixtures/)' },
    },
    {
      name: 'rules-only-core',
      comment: 'rules/ may import only src/core',
      severity: 'error',
      from: { path: '^rules/' },
      to: { path: '^(src/(?!core/)|crawlers/|queue/|db/|test/|fixtures/)' },
    },
    {
      name: 'detectors-know-no-edition',
      comment: 'a detector finds a feature for any edition: rules/detectors never imports rules/catalogs',
      severity: 'error',
      from: { path: '^rules/(detectors|_shared)/' },
      to: { path: '^rules/catalogs/' },
    },
    {
      name: 'db-only-core',
      comment: 'db/ may import only src/core',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: '^(src/(?!core/)|crawlers/|rules/|queue/|test/|fixtures/)' },
    },
    {
      name: 'queue-core-db-crawlers',
      comment: 'queue/ may import src/core, db/ and crawlers/',
      severity: 'error',
      from: { path: '^queue/' },
      to: { path: '^(src/(?!core/)|rules/|test/|fixtures/)' },
    },
    {
      name: 'core-is-the-kernel',
      comment: 'src/core imports nothing of the project outside itself',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^(src/(?!core/)|crawlers/|rules/|queue/|db/|test/)' },
    },
    {
      name: 'nothing-imports-entry-points',
      comment: 'the CLI and the review server are entry points: nothing imports them',
      severity: 'error',
      from: { pathNot: '^(src/cli/|src/server/|test/)' },
      to: { path: '^src/(cli|server)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.mjs', '.js'] },
  },
};
