// `npm run bench -- <name>`: runs one benchmark (not part of `npm test`).
import 'reflect-metadata';

const benchmarks: Record<string, (args: string[]) => Promise<unknown>> = {
  coverage: () => import('./coverage.js').then((bench) => bench.run()),
  requests: () => import('./requests.js').then((bench) => bench.run()),
  fanout: () => import('./fanout.js').then((bench) => bench.run()),
  retention: () => import('./retention.js').then((bench) => bench.run()),
  feed: () => import('./feed.js').then((bench) => bench.run()),
  transparency: () => import('./transparency.js').then((bench) => bench.run()),
  reset: () => import('./reset.js').then((bench) => bench.run()),
  http: (args) => import('./http.js').then((bench) => bench.run(args)),
  sim: (args) => import('./sim.js').then((bench) => bench.run(args)),
  load: () => import('./load.js').then((bench) => bench.run()),
};

const name = process.argv[2] ?? '';
const benchmark = benchmarks[name];
if (!benchmark) {
  process.stderr.write(`usage: npm run bench -- <${Object.keys(benchmarks).join('|')}>\n`);
  process.exit(2);
}
await benchmark(process.argv.slice(3));
