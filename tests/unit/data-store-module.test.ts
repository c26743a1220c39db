import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataStorePlugin, RESOLVED_ID } from '../../src/integrations/data-store-module';

const evaluate = async (code: string) =>
  ((await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { default: unknown }).default;

describe('the data store module of a build', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'store-'));
  const store = path.join(dir, 'data-store.json');
  const json = JSON.stringify([{ guides: 1 }, ['<p>“Rendered” guide</p>', 'x'.repeat(1000)]]);
  writeFileSync(store, json);
  // What Astro's plugin loads: the whole store as one string literal.
  const astroModule = `export default JSON.parse(${JSON.stringify(json)})`;

  it('reads the store when it runs, to the same value as Astro’s module', async () => {
    const result = dataStorePlugin(store).transform(astroModule, RESOLVED_ID);
    expect(result?.code.length).toBeLessThan(200);
    expect(result?.meta).toEqual({ astroIncremental: { kind: 'content-data' } });
    expect(await evaluate(result?.code ?? '')).toEqual(await evaluate(astroModule));
  });

  it('leaves every other module, another form of it, and a missing store to Astro', () => {
    expect(dataStorePlugin(store).transform(astroModule, '\0astro:content')).toBeUndefined();
    expect(dataStorePlugin(store).transform('export default new Map()', RESOLVED_ID)).toBeUndefined();
    expect(dataStorePlugin(path.join(dir, 'missing.json')).transform(astroModule, RESOLVED_ID)).toBeUndefined();
  });
});
