/**
 * npm warns a consumer about a dependency with a `prepare` script; the packed manifest leaves it out
 * (scripts/pack-manifest.mjs, run as prepack and postpack) while a clone keeps it to build dist/.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO_ROOT = new URL('../../', import.meta.url).pathname;

describe('the packed manifest', () => {
  it('has no prepare script, builds first, and the repository manifest comes back byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'govsim-pack-manifest-'));
    mkdirSync(join(dir, 'scripts'));
    cpSync(join(REPO_ROOT, 'scripts', 'pack-manifest.mjs'), join(dir, 'scripts', 'pack-manifest.mjs'));
    // A stand-in build that leaves a mark: prepack must build before it rewrites the manifest.
    writeFileSync(join(dir, 'scripts', 'build.mjs'), "import { writeFileSync } from 'node:fs';\nwriteFileSync('built', 'yes');\n");
    const original = readFileSync(join(REPO_ROOT, 'package.json'), 'utf8');
    writeFileSync(join(dir, 'package.json'), original);
    expect((JSON.parse(original) as { scripts: Record<string, string> }).scripts.prepare).toBe('node scripts/build.mjs');

    execFileSync(process.execPath, ['scripts/pack-manifest.mjs', 'prepack'], { cwd: dir, stdio: 'pipe' });
    expect(existsSync(join(dir, 'built'))).toBe(true);
    const packed = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts: Record<string, string>; name: string };
    expect(packed.name).toBe('govsim');
    expect(Object.keys(packed.scripts).filter((name) => ['preinstall', 'install', 'postinstall', 'prepare'].includes(name))).toEqual([]);

    execFileSync(process.execPath, ['scripts/pack-manifest.mjs', 'postpack'], { cwd: dir, stdio: 'pipe' });
    expect(readFileSync(join(dir, 'package.json'), 'utf8')).toBe(original);
    expect(existsSync(join(dir, 'package.json.prepack'))).toBe(false);
  });
});
