// Builds the two artefacts the package ships:
//  - dist/bin/govsim.mjs: the CLI, bundled with code splitting so that Ink/React and mathjs load only
//    for the commands that need them (plain `node` import of mathjs alone costs ~0.9 s);
//  - dist/**/*.js + .d.ts: the library entries `govsim` and `govsim/vitest`, emitted by tsc.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { realpathSync, rmSync } from 'node:fs';
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

await build({
  absWorkingDir: root,
  // The Monte Carlo worker thread is an entry of its own (dist/bin/simulate-worker.mjs), sharing chunks with the CLI.
  entryPoints: { govsim: 'src/cli/main.ts', 'simulate-worker': 'src/scenarios/simulate-worker.ts' },
  outdir: 'dist/bin',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  alias: { 'react-devtools-core': './scripts/empty.js' },
  plugins: [fastStringWidth, zodEnglishOnly],
  define: { 'process.env.NODE_ENV': '"production"' },
  // yaml is CommonJS and calls require("process"); ESM output needs a real require.
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
});

execFileSync(process.execPath, [`${root}/node_modules/typescript-7/bin/tsc`, '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});
