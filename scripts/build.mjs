// Builds the artefacts the package ships:
//  - dist/bin/cli.js and dist/bin/explorer.js: the command line, and the explorer (Ink, React, Yoga),
//    each with the engine as one classic script, which src/cli/cached-script.ts compiles with V8's code
//    cache (ES modules get none on Node 20); mathjs stays out, loaded only for scenarios with formulas
//    (plain `node` import of mathjs alone costs ~0.9 s);
//  - dist/bin/govsim.cjs and explorer-main.cjs: the small entries bin/govsim.cjs starts them from
//    (`govsim <command>`, `govsim` alone), and simulate-worker.mjs, the Monte Carlo thread;
//  - dist/**/*.js + .d.ts: the library entries `govsim` and `govsim/vitest`, emitted by tsc.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** A file's path inside the package: what stubs are named by, so that no path of the build machine ends up in the bundle. */
function packagePath(file) {
  return relative(root, file).split(sep).join('/');
}
rmSync(`${root}/dist`, { recursive: true, force: true });

// Ink and its helpers measure every text node of every frame with string-width 8; in the bundle those
// imports go to src/ui/fast-string-width.ts (same answers, fast for the explorer's characters). Copies
// of other major versions (wrap-ansi's string-width 7) keep their own answers.
const fastStringWidthFile = `${root}src/ui/fast-string-width.ts`;
const hoistedStringWidth = realpathSync(`${root}node_modules/string-width/index.js`);
// zod re-exports all of its ~50 message locales as `z.locales` (a third of the yaml+zod chunk, parsed at
// every start); govsim uses only English, which zod registers by itself, so the bundle keeps that one.
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

// string-width's module builds an Intl.Segmenter and Unicode-property regexes (emoji sets among them)
// when it loads: about 50 ms of the explorer's start, for text the fast path above answers without
// them. So every copy of it is loaded on its first call instead, through a stub that requires it then.
const fastStringWidth = {
  name: 'fast-string-width',
  setup(bundle) {
    bundle.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.pluginData === 'real') return undefined;
      const real = await bundle.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'real' });
      if (real.errors.length > 0) return real;
      if (real.path === hoistedStringWidth && args.importer !== fastStringWidthFile) return { path: fastStringWidthFile };
      return { path: packagePath(real.path), namespace: 'on-first-call' };
    });
    bundle.onLoad({ filter: /.*/, namespace: 'on-first-call' }, (args) => ({
      contents: `let loaded;\nmodule.exports = function (...args) {\n  loaded ??= require(${JSON.stringify(`./${args.path}`)}).default;\n  return loaded.apply(this, args);\n};\n`,
      resolveDir: root,
      loader: 'js',
    }));
  },
};

// slice-ansi and ansi-tokenize also build an Intl.Segmenter when they load (the first one in a process
// costs about 20 ms), to split text the explorer's own paths mostly never give them. Theirs is built on
// first use instead; they only ever call its `segment`.
const segmenterOnFirstUse = {
  name: 'segmenter-on-first-use',
  setup(bundle) {
    bundle.onLoad({ filter: /[\\/]node_modules[\\/](slice-ansi|@alcalzone[\\/]ansi-tokenize)[\\/].*\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('new Intl.Segmenter(')) return undefined;
      const lazy = 'function __segmenterOnFirstUse(...options) {\n  let real;\n  return { segment: (text) => (real ??= new Intl.Segmenter(...options)).segment(text) };\n}\n';
      return { contents: `${source.replaceAll('new Intl.Segmenter(', '__segmenterOnFirstUse(')}\n${lazy}`, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

const EXPLORER_SCRIPT = 'dist/bin/explorer.js';
const CLI_SCRIPT = 'dist/bin/cli.js';

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
  define: {
    'process.env.NODE_ENV': '"production"',
    __GOVSIM_EXPLORER_SCRIPT__: JSON.stringify(EXPLORER_SCRIPT),
    __GOVSIM_CLI_SCRIPT__: JSON.stringify(CLI_SCRIPT),
  },
};

// The scripts take Node's built-in modules from the `require` they are given, since a classic script
// can't import: a `require()` of one stays as it is, and an import reads a stub module that requires
// it and exports its names (an ES module, so no CommonJS interop copies every property of `fs` or
// `process` when the script starts).
const builtins = new Set(builtinModules);
const isBuiltin = (path) => path.startsWith('node:') || builtins.has(path);
const builtinsFromRequire = {
  name: 'builtins-from-require',
  setup(bundle) {
    bundle.onResolve({ filter: /.*/ }, (args) => {
      if (args.namespace === 'builtin' || (args.kind === 'require-call' && isBuiltin(args.path))) return { path: args.path, external: true };
      return isBuiltin(args.path) ? { path: args.path, namespace: 'builtin' } : undefined;
    });
    bundle.onLoad({ filter: /.*/, namespace: 'builtin' }, async (args) => {
      // Plain values only: a getter (process.stdin, fs.promises) would run when the script starts, and
      // its value be frozen there. Importing one by name then fails the build, and must read it off the default.
      const { default: builtin } = await import(args.path);
      const names = Object.keys(builtin).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && !Object.getOwnPropertyDescriptor(builtin, name)?.get);
      return {
        contents: `const builtin = require(${JSON.stringify(args.path)});\nexport default builtin;\nexport const { ${names.join(', ')} } = builtin;\n`,
        loader: 'js',
      };
    });
  },
};

/** One of the scripts: the entry's exports are what the script returns. */
const scriptBuild = (entry) =>
  build({
    ...common,
    entryPoints: [entry],
    write: false,
    metafile: true,
    format: 'esm',
    // mathjs stays a runtime require (src/scenarios/expression.ts); tsx is only for the sources.
    external: ['mathjs', 'tsx/esm/api'],
    plugins: [fastStringWidth, segmenterOnFirstUse, zodEnglishOnly, builtinsFromRequire],
    define: { ...common.define, 'import.meta.url': '__moduleUrl' },
  });

/**
 * The bin's entries, CommonJS so that a start never boots Node's ES module loader (about 15 ms): each
 * small (it reads a script and runs it), none importing another.
 */
const entryBuild = (entryPoints) =>
  build({
    ...common,
    entryPoints,
    outdir: 'dist/bin',
    write: false,
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    define: { ...common.define, 'import.meta.url': '__moduleUrl' },
    banner: { js: 'const __moduleUrl = require("node:url").pathToFileURL(__filename).href;' },
  });

const [entries, worker, cli, explorer] = await Promise.all([
  entryBuild({ govsim: 'src/cli/cli-main.ts', 'explorer-main': 'src/cli/explorer-main.ts' }),
  // The Monte Carlo worker thread.
  build({
    ...common,
    entryPoints: { 'simulate-worker': 'src/scenarios/simulate-worker.ts' },
    outdir: 'dist/bin',
    write: false,
    outExtension: { '.js': '.mjs' },
    format: 'esm',
  }),
  scriptBuild('src/cli/main.ts'),
  scriptBuild('src/ui/explorer.tsx'),
]);
// The scripts first, the bin's entries last: the tests take dist/bin/govsim.cjs as the sign of a finished bundle.
mkdirSync(`${root}dist/bin`, { recursive: true });
writeFileSync(`${root}${CLI_SCRIPT}`, scriptOf(cli, CLI_SCRIPT));
writeFileSync(`${root}${EXPLORER_SCRIPT}`, scriptOf(explorer, EXPLORER_SCRIPT));
for (const output of [...worker.outputFiles, ...entries.outputFiles.sort((a, b) => Number(a.path.endsWith('govsim.cjs')) - Number(b.path.endsWith('govsim.cjs')))]) {
  writeFileSync(output.path, output.contents);
}

/** The ES module esbuild made, as the function expression src/cli/cached-script.ts runs. */
function scriptOf(result, name) {
  const [output] = result.outputFiles;
  for (const [file, { imports }] of Object.entries(result.metafile.outputs)) {
    const left = imports.filter((entry) => entry.kind === 'import-statement' || entry.kind === 'dynamic-import');
    if (left.length > 0) throw new Error(`${name} (${file}): a script can't import ${left.map((entry) => entry.path).join(', ')}`);
  }
  const tail = /\nexport \{\n([^}]*)\};\n$/.exec(output.text);
  if (!tail) throw new Error(`${name}: the bundle does not end with its export list`);
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
