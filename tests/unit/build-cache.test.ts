import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheDirFor } from '~/node/build-cache';

describe('build cache folders', () => {
  it('keep Astro’s default for dist/ and give every other output folder its own', () => {
    expect(cacheDirFor(undefined)).toBe('./node_modules/.astro');
    expect(cacheDirFor('out/a')).toBe(cacheDirFor(path.resolve('out/a')));
    expect(cacheDirFor('out/a')).not.toBe(cacheDirFor('out/b'));
    expect(cacheDirFor('out/a')).toMatch(/^\.\/\.greenpath\/cache\/[0-9a-f]{12}$/);
  });
});
