// The package's own `prepare` builds dist/ in a clone (`npm install`). An installed copy ships dist/ already,
// and npm warns a consumer about any dependency that has a `prepare` script, so the packed package.json
// leaves it out: `prepack` builds, then writes the manifest without it; `postpack` puts the file back.
import { readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const kept = 'package.json.prepack';
if (process.argv[2] === 'prepack') {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  const text = readFileSync('package.json', 'utf8');
  writeFileSync(kept, text);
  const manifest = JSON.parse(text);
  delete manifest.scripts.prepare;
  writeFileSync('package.json', `${JSON.stringify(manifest, null, 2)}\n`);
} else if (process.argv[2] === 'postpack') {
  if (existsSync(kept)) renameSync(kept, 'package.json');
} else {
  console.error('usage: node scripts/pack-manifest.mjs prepack|postpack');
  process.exit(2);
}
