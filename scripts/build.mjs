// Builds the two artefacts the package ships:
//  - dist/bin/govsim.mjs: the CLI, bundled with code splitting so that Ink/React and mathjs load only
//    for the commands that need them (plain `node` import of mathjs alone costs ~0.9 s);
//  - dist/**/*.js + .d.ts: the library entries `govsim` and `govsim/vitest`, emitted by tsc.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(`${root}/dist`, { recursive: true, force: true });

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
  define: { 'process.env.NODE_ENV': '"production"' },
  // yaml is CommonJS and calls require("process"); ESM output needs a real require.
  banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
});

execFileSync(process.execPath, [`${root}/node_modules/typescript-7/bin/tsc`, '-p', 'tsconfig.build.json'], {
  cwd: root,
  stdio: 'inherit',
});
