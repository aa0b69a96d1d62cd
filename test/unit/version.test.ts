import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/cli/version.js';
import { absoluteMajority } from '../../src/model/council.js';

describe('package metadata', () => {
  it('CLI version matches package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
});

describe('absolute majority (Law 21/2008 art. 1: half of the members + 1)', () => {
  it.each([
    [16, 9], // Kirkuk "8+1" of 16
    [13, 7], // Karbala 7 of 13 called an absolute majority
    [15, 8], // Diyala quorum 8 of 15
    [52, 27], // Baghdad
    [23, 12], // Basra
  ])('%i members need %i', (members, needed) => {
    expect(absoluteMajority(members)).toBe(needed);
  });
});
