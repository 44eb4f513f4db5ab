// `pnpm lint` runs this (depcruise) beside Biome. Two rules, both errors:
// - no import cycle anywhere (type-only imports count: a cycle through a type is still a cycle);
// - no app imports another app. The one exception is apps/embedded, the one-process launcher that puts
//   the api and the worker together (that is all it is for). Tests of an app may still start another
//   app to test across both (the api's e2e tests run the worker, the web's browser tests the api), and
//   so may its benchmarks (bench:dispatch runs the worker beside the api).
// TypeScript is parsed by a typescript 5.9 of dependency-cruiser's own (see pnpm-workspace.yaml).
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: the modules in it cannot be understood, tested or loaded one at a time.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-app-imports-app',
      severity: 'error',
      comment:
        'An app imports another app. Share code through packages/*; only apps/embedded composes apps.',
      from: { path: '^apps/([^/]+)/', pathNot: ['^apps/embedded/', '^apps/[^/]+/test/', '^apps/[^/]+/bench/'] },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    cache: { folder: 'node_modules/.cache/dependency-cruiser', strategy: 'content' },
    exclude: { path: ['node_modules', '/dist/', '/\\.data/'] },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
