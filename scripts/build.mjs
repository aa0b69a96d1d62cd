// The build: esbuild bundles the command line, the explorer and the library, tsc emits declarations, and the bundled
// data is validated once, here, into dist/snapshot.json (see src/platform/snapshot-file.ts).
//
//  - dist/bin/cli.cjs: `govsim <command>` (CommonJS: a command never boots the ES module loader);
//  - dist/bin/explorer-main.cjs: `govsim` alone, without the command-line parser;
//  - dist/bin/explorer.mjs: Ink, React, Yoga and the explorer (an ES module: Yoga awaits at top level),
//    imported by either of the two above;
//  - dist/bin/compile-cache.cjs: what bin/govsim.cjs runs first (src/platform/compile-cache.ts);
//  - dist/bin/simulate-worker.mjs: the Monte Carlo thread;
//  - dist/index.mjs, dist/testing/matchers.mjs, dist/chunks: the library entries `govsim` and
//    `govsim/vitest` (see below), with declarations (dist/**/*.d.ts) emitted by tsc;
//  - dist/snapshot.json: the bundled dataset and scenarios, validated, with a hash of their files.
// mathjs and the YAML parser stay out of the bundles, required on first use from node_modules
// (src/scenarios/expression.ts: scenarios with formulas; src/dataset/data-file.ts: a YAML file the
// snapshot does not cover).
//
// Two plugins (measured on Node 20 as CPU time, which a loaded machine disturbs far less than wall
// time; median of 7, `node -e 0` taking 50 ms):
//  - zod-english-only: the CLI bundle 1.31 → 0.93 MB, `govsim councils` 95 → 89 ms;
//  - fast-string-width: for every frame the explorer draws (Ink measures each text node with
//    string-width); no start-up gain by itself (the explorer bundle's import: 154–160 ms either way).
// No source rewrites: deferring the Intl.Segmenter that string-width, slice-ansi and ansi-tokenize
// build when they load would save the first one's cost, 6–7 ms, not worth patching their code.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { realpathSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** A file's path inside the package, so that no path of the build machine ends up in the bundle. */
const packagePath = (file) => relative(root, file).split(sep).join('/');

rmSync(`${root}dist`, { recursive: true, force: true });

// zod re-exports all of its message locales as `z.locales`; govsim uses only English, which zod
// registers by itself, so the bundle keeps that one.
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(bundle) {
    bundle.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.split(sep).join('/').includes('/node_modules/zod/') ? { path: packagePath(join(dirname(args.importer), '../locales/index.js')), namespace: 'zod-locales' } : undefined,
    );
    bundle.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(`./${dirname(args.path)}/en.js`)};`,
      resolveDir: root,
    }));
  },
};

// Ink and its helpers import string-width 8, which builds an Intl.Segmenter and Unicode-property regexes
// when it loads and sends any non-ASCII text through them; those imports go to src/ui/fast-string-width.ts
// (same answers, fast for the explorer's characters), which loads the real one on its first slow call.
const fastStringWidthFile = `${root}src/ui/fast-string-width.ts`;
const hoistedStringWidth = realpathSync(`${root}node_modules/string-width/index.js`);
const fastStringWidth = {
  name: 'fast-string-width',
  setup(bundle) {
    bundle.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.pluginData === 'real' || args.importer === fastStringWidthFile) return undefined;
      const real = await bundle.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'real' });
      return real.path === hoistedStringWidth ? { path: fastStringWidthFile } : real;
    });
  },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  outdir: 'dist/bin',
  // mathjs: see above; tsx is only for the sources; react-devtools-core only runs with DEV=true.
  external: ['mathjs', 'tsx/esm/api'],
  alias: { 'react-devtools-core': './scripts/empty.js' },
  plugins: [zodEnglishOnly, fastStringWidth],
  define: { 'process.env.NODE_ENV': '"production"', __GOVSIM_EXPLORER_BUNDLE__: '"dist/bin/explorer.mjs"' },
};

/** CommonJS entries: `import.meta.url` is the bundle's own URL. */
const commonJs = {
  ...common,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  define: { ...common.define, 'import.meta.url': '__moduleUrl' },
  banner: { js: 'const __moduleUrl = require("node:url").pathToFileURL(__filename).href;' },
};

/** ES module entries: CommonJS dependencies (signal-exit, …) require Node's built-ins through a real `require`. */
const esModule = {
  ...common,
  format: 'esm',
  outExtension: { '.js': '.mjs' },
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
};

await Promise.all([
  build({ ...commonJs, entryPoints: { cli: 'src/cli/cli-main.ts', 'explorer-main': 'src/cli/explorer-main.ts', 'compile-cache': 'src/platform/compile-cache.ts' } }),
  build({ ...esModule, entryPoints: { explorer: 'src/ui/explorer.tsx', 'simulate-worker': 'src/scenarios/simulate-worker.ts' } }),
]);

// The library: one ES module per entry with shared chunks, zod inside with English only. tsc's one
// file per module took `import('govsim')` to 150 ms of CPU on Node 20 against 94 ms so (node -e 0: 50;
// median of 7): Node's module loader and zod's locales. tsc emits the declarations.
// The snapshot's maker is an entry too, run below and then removed.
await build({
  ...esModule,
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  external: [...common.external, 'vitest'],
  // As tsc's output did: a library user's NODE_ENV decides (immer's messages).
  define: {},
  entryPoints: { index: 'src/index.ts', 'testing/matchers': 'src/testing/matchers.ts', 'snapshot-build': 'src/scenarios/snapshot-build.ts' },
});
execFileSync(process.execPath, [`${root}node_modules/typescript-7/bin/tsc`, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });

// Last: the tests take dist/snapshot.json as the sign of a finished build.
const { bundledSnapshot } = await import(pathToFileURL(`${root}dist/snapshot-build.mjs`).href);
writeFileSync(`${root}dist/snapshot.json`, JSON.stringify(bundledSnapshot()));
rmSync(`${root}dist/snapshot-build.mjs`);
