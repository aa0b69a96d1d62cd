// Builds the artefacts the package ships:
//  - dist/bin/govsim.mjs: the CLI, bundled with code splitting so that mathjs loads only for the
//    commands that need it (plain `node` import of mathjs alone costs ~0.9 s); explorer-main.mjs, the
//    entry of `govsim` alone; simulate-worker.mjs, the Monte Carlo thread;
//  - dist/bin/explorer.js: the explorer (Ink, React, Yoga and the engine) as one classic script, which
//    src/cli/cached-script.ts compiles with V8's code cache (ES modules get none on Node 20);
//  - dist/**/*.js + .d.ts: the library entries `govsim` and `govsim/vitest`, emitted by tsc.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { realpathSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(`${root}/dist`, { recursive: true, force: true });

// Ink and its helpers measure every text node of every frame with string-width 8; in the bundle those
// imports go to src/ui/fast-string-width.ts (same answers, fast for the explorer's characters). Copies
// of other major versions (wrap-ansi's string-width 7) are left as they are.
const fastStringWidthFile = `${root}src/ui/fast-string-width.ts`;
const hoistedStringWidth = realpathSync(`${root}node_modules/string-width/index.js`);
// zod re-exports all of its ~50 message locales as `z.locales` (a third of the yaml+zod chunk, parsed at
// every start); govsim uses only English, which zod registers by itself, so the bundle keeps that one.
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(bundle) {
    bundle.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.split(sep).join('/').includes('/node_modules/zod/') ? { path: join(dirname(args.importer), '../locales/index.js'), namespace: 'zod-locales' } : undefined,
    );
    bundle.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(join(dirname(args.path), 'en.js'))};`,
      resolveDir: dirname(args.path),
    }));
  },
};

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

const EXPLORER_SCRIPT = 'dist/bin/explorer.js';

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  alias: { 'react-devtools-core': './scripts/empty.js' },
  define: { 'process.env.NODE_ENV': '"production"', __GOVSIM_EXPLORER_SCRIPT__: JSON.stringify(EXPLORER_SCRIPT) },
};

// The explorer script takes Node's built-in modules from the `require` it is given: as CommonJS stubs
// here, so that the output holds no import statement (a classic script can't have one).
const builtins = new Set(builtinModules);
const builtinsFromRequire = {
  name: 'builtins-from-require',
  setup(bundle) {
    bundle.onResolve({ filter: /.*/ }, (args) => {
      if (args.namespace === 'builtin') return { path: args.path, external: true };
      return args.path.startsWith('node:') || builtins.has(args.path) ? { path: args.path, namespace: 'builtin' } : undefined;
    });
    bundle.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

const [, explorer] = await Promise.all([
  build({
    ...common,
    // The Monte Carlo worker thread is an entry of its own, sharing chunks with the CLI.
    entryPoints: { govsim: 'src/cli/main.ts', 'explorer-main': 'src/cli/explorer-main.ts', 'simulate-worker': 'src/scenarios/simulate-worker.ts' },
    outdir: 'dist/bin',
    outExtension: { '.js': '.mjs' },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    plugins: [fastStringWidth, zodEnglishOnly],
    // yaml is CommonJS and calls require("process"); ESM output needs a real require.
    banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
  }),
  build({
    ...common,
    entryPoints: ['src/ui/explorer.tsx'],
    write: false,
    metafile: true,
    format: 'esm',
    // mathjs stays a runtime require (src/scenarios/expression.ts); tsx is only for the sources.
    external: ['mathjs', 'tsx/esm/api'],
    plugins: [fastStringWidth, zodEnglishOnly, builtinsFromRequire],
    define: { ...common.define, 'import.meta.url': '__moduleUrl' },
  }),
]);
writeFileSync(`${root}${EXPLORER_SCRIPT}`, explorerScript(explorer));

/** The ES module esbuild made, as the function expression src/cli/cached-script.ts runs. */
function explorerScript(result) {
  const [output] = result.outputFiles;
  for (const [file, { imports }] of Object.entries(result.metafile.outputs)) {
    const left = imports.filter((entry) => entry.kind === 'import-statement' || entry.kind === 'dynamic-import');
    if (left.length > 0) throw new Error(`${file}: a script can't import ${left.map((entry) => entry.path).join(', ')}`);
  }
  const tail = /\nexport \{\n([^}]*)\};\n$/.exec(output.text);
  if (!tail) throw new Error('the explorer bundle does not end with its export list');
  const exported = tail[1].split(',').map((item) => item.trim()).filter(Boolean).map((item) => {
    const [local, name = local] = item.split(/\s+as\s+/);
    return `${name}: ${local}`;
  });
  const body = output.text.slice(0, tail.index);
  return `(async function (require, __moduleUrl) {\n"use strict";\n${body}\nreturn { ${exported.join(', ')} };\n})\n`;
}

execFileSync(process.execPath, [`${root}/node_modules/typescript-7/bin/tsc`, '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});
