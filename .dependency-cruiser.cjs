// Layer rules from STYLE.md, checked on every `npm test`.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Dependencies point one way; no cycles between modules.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      comment: 'Apps compose libs; a lib never reaches into an app.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'libs-use-public-surface',
      severity: 'error',
      comment:
        'Another lib is imported through its index (@app/<lib>), or its HTTP entry (@app/<lib>/http) ' +
        'when that lib sits below identity, never by a deep path.',
      from: { path: '^libs/([^/]+)/' },
      to: {
        path: '^libs/([^/]+)/src/.+',
        pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$', '^libs/[^/]+/src/http/index\\.ts$'],
      },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'domain/ holds pure TypeScript: no Nest, TypeORM, Fastify, BullMQ or other libs.',
      from: { path: '/domain/' },
      to: { path: ['node_modules/(@nestjs|typeorm|fastify|bullmq|ioredis|pg)/', '^libs/[^/]+/src/index\\.ts$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)test/', '\\.(spec|int-spec|e2e-spec)\\.ts$'] },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
