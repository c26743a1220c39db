/**
 * Reproducible builds: two clean builds of the same sources, in time zones a day apart and with
 * different locales, write byte-identical files. Each build has its own output folder and so its
 * own fresh content cache (astro.config.ts keys the cache by output folder).
 */
import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSiteOrThrow } from './support/build';
import { hashTree } from './support/site';

const outputs: string[] = [];
afterAll(async () => {
  for (const dir of outputs) await rm(dir, { recursive: true, force: true });
});

describe('two clean builds of the fixture library', () => {
  it('give identical files in every time zone and locale', async () => {
    const east = await buildSiteOrThrow({
      name: 'reproducible-east',
      guidesDir: 'tests/fixtures/site',
      env: { TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
    });
    outputs.push(east);
    const west = await buildSiteOrThrow({
      name: 'reproducible-west',
      guidesDir: 'tests/fixtures/site',
      env: { TZ: 'Pacific/Pago_Pago', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
    });
    outputs.push(west);
    const [a, b] = [await hashTree(east), await hashTree(west)];
    const differing = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((file) => a[file] !== b[file]);
    expect(differing).toEqual([]);
    expect(Object.keys(a).length).toBeGreaterThan(20);
  }, 240_000);
});
