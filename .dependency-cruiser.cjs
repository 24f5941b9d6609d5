// Layer rules from STYLE.md and the README's "Architecture", checked on every `npm test`.

/**
 * The libs from the bottom up. A lib imports only libs of lower layers: never one of its own
 * layer, never one above. Since every import then goes down, no two libs can import each other,
 * however indirectly — no lib-level cycle — whatever the files in between.
 * A new lib gets a layer here, or the `every-lib-has-a-layer` rule fails.
 */
const LAYERS = [
  ['config', 'errors'], // what every process reads first
  ['database', 'queue', 'logging', 'auth'], // connections, logs, request-time auth building blocks
  ['world'], // the sandbox world's generation (fences the old world's jobs)
  ['clock'], // time, due tasks
  ['audit', 'outbox', 'policy', 'geo', 'idempotency', 'rate-limit'], // leaves: each knows no other context
  ['identity'],
  ['agencies', 'cameras'],
  ['requests', 'demo-town'], // demo-town: Porchlight Falls, loaded by `npm start`'s seed and the sandbox
  ['overrides'], // warrant and emergency disclosures; consent's footage reaches them through one read function
  ['consent'],
  ['feed'], // the neighbours feed; notifications pushes its posts to subscribers
  ['notifications'],
  ['sandbox', 'health', 'queue-board', 'transparency'], // composed on top
  ['comparisons'], // the simulator's compare from the console, behind the sandbox key
];

/*
 * When a lib needs something of a lib beside or above it, it declares a port (an abstract class)
 * and the app that composes both binds it: policy's PolicyChangeRecorder is bound to the audit log
 * in apps/api/src/policy-audit.module.ts; auth's RequestAuthenticator is provided by identity.
 *
 * Data crosses the same boundaries without imports, so these rules cannot see it: a context
 * writes only its own tables, and reads another's through the owner's exported read function or
 * a view the owner publishes (`<owner>_<noun>`, created and commented in the owner's migration).
 * test/architecture/table-ownership.spec.ts checks the SQL for that.
 */
const alternation = (libs) => `(${libs.join('|')})`;
const layerRules = LAYERS.map((layer, index) => {
  const aboveOrBeside = LAYERS.slice(index).flat();
  return layer.map((lib) => ({
    name: `layer-${index}-${lib}-imports-only-lower-layers`,
    severity: 'error',
    comment: `${lib} (layer ${index}: ${layer.join(', ')}) imports only libs of layers 0–${index - 1}.`,
    from: { path: `^libs/${lib}/` },
    to: {
      path: `^libs/${alternation(aboveOrBeside.filter((other) => other !== lib))}/`,
    },
  }));
}).flat();

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'every-lib-has-a-layer',
      severity: 'error',
      comment: 'Each lib is placed in LAYERS, so the layer rules cover it.',
      from: { path: `^libs/(?!${alternation(LAYERS.flat())}/)` },
      to: {},
    },
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
      comment: 'Another lib is imported through its index (@app/<lib>), never by a deep path.',
      from: { path: '^libs/([^/]+)/' },
      to: {
        path: '^libs/([^/]+)/src/.+',
        pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$'],
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
