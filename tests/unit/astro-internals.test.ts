/**
 * The assumptions of src/astro-internals/ (its README lists them): each helper on its own, and
 * each piece of Astro it relies on, read from the installed package, so that an Astro release
 * that changes one fails here, by name, rather than silently in a build.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AstroIntegration } from 'astro';
import { isTestedAstro, TESTED_ASTRO, untestedAstroWarning } from '../../src/astro-internals/astro-version';
import {
  clearContentStore,
  DATA_STORE_FILE,
  dataStorePlugin,
  RESOLVED_ID,
} from '../../src/astro-internals/data-store-module';
import { timeHooks, type HookTiming } from '../../src/astro-internals/integration-hooks';
import {
  entryFailure,
  isHeadInjectDirectiveWarning,
  isMarkdownFailurePrefix,
  isMarkdownFailureReport,
  isSchemaReloadFailure,
} from '../../src/astro-internals/log-wording';

const require = createRequire(import.meta.url);
/** The text of a file of an installed package, e.g. `source('astro', 'dist/content/consts.js')`. */
function source(pkg: string, file: string): string {
  // Not every package exports its package.json: find its folder from its main module.
  const main = require.resolve(pkg);
  const folder = `${path.sep}node_modules${path.sep}${pkg.split('/').join(path.sep)}${path.sep}`;
  return readFileSync(path.join(main.slice(0, main.lastIndexOf(folder) + folder.length), file), 'utf8');
}

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

describe('the content store file', () => {
  it('is the file Astro names and reads the module from', () => {
    const consts = source('astro', 'dist/content/consts.js');
    expect(consts).toContain(`const DATA_STORE_FILE = ${JSON.stringify(DATA_STORE_FILE)};`);
    expect(consts).toContain(`const DATA_STORE_VIRTUAL_ID = ${JSON.stringify(RESOLVED_ID.slice(1))};`);
    expect(source('astro', 'dist/content/vite-plugin-content-virtual-mod.js')).toContain(
      'code: `export default JSON.parse(${JSON.stringify(jsonData)})`',
    );
    expect(source('astro', 'dist/core/build/incremental-metadata.js')).toContain('kind: "content-data"');
  });

  it('is removed to clear the content cache, and only when it is there', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cache-'));
    writeFileSync(path.join(dir, DATA_STORE_FILE), '[]');
    expect(await clearContentStore(dir)).toBe(true);
    expect(existsSync(path.join(dir, DATA_STORE_FILE))).toBe(false);
    expect(await clearContentStore(dir)).toBe(false);
  });
});

describe('log wording', () => {
  const glob = source('astro', 'dist/content/loaders/glob.js');

  it('reads the glob loader’s report of an entry it could not read or render', () => {
    expect(glob).toContain('logger.error(`Error rendering ${entry}: ${error.message}`)');
    expect(glob).toContain('logger.error(`Error reading ${entry}: ${err.message}`)');
    expect(entryFailure('Error rendering guides/a.md: Failed to parse Markdown file "x":\nboom')).toEqual({
      file: 'guides/a.md',
      cause: 'Failed to parse Markdown file "x":\nboom',
    });
    expect(entryFailure('Error reading b.md: EACCES')).toEqual({ file: 'b.md', cause: 'EACCES' });
    expect(entryFailure('Something else: entirely')).toBeUndefined();
  });

  it('knows the dev server’s report of a front matter the schema refused', () => {
    expect(glob).toContain('logger.error(`Failed to reload ${entry}: ${e.message}`)');
    expect(source('astro', 'dist/core/errors/errors-data.js')).toContain('data does not match collection schema.');
    expect(isSchemaReloadFailure('Failed to reload a.md: **guides → a** data does not match collection schema.')).toBe(
      true,
    );
    expect(isSchemaReloadFailure('Failed to reload a.md: YAMLException: bad indentation')).toBe(false);
  });

  it('knows the Markdown processor’s own report of a failed render', () => {
    const processor = source('@astrojs/markdown-remark', 'dist/index.js');
    expect(processor).toContain('err = prefixError(err, `Failed to parse Markdown file "${vfile.path}"`);');
    expect(processor).toContain('console.error(err);');
    const error = new Error('Failed to parse Markdown file "guides/a.md":\nboom');
    expect(isMarkdownFailureReport([error])).toBe(true);
    expect(isMarkdownFailureReport([error, 'more'])).toBe(false);
    expect(isMarkdownFailureReport(['Failed to parse Markdown file'])).toBe(false);
    expect(isMarkdownFailurePrefix('Failed to parse Markdown file "guides/a.md":')).toBe(true);
    expect(isMarkdownFailurePrefix('boom')).toBe(false);
  });

  it('knows Rolldown’s warning about the directive Astro gives MDX modules', () => {
    expect(source('astro', 'dist/content/vite-plugin-content-assets.js')).toContain('use astro:head-inject');
    expect(
      isHeadInjectDirectiveWarning({ code: 'MODULE_LEVEL_DIRECTIVE', message: "'use astro:head-inject' is ignored" }),
    ).toBe(true);
    expect(isHeadInjectDirectiveWarning({ code: 'MODULE_LEVEL_DIRECTIVE', message: "'use client' is ignored" })).toBe(
      false,
    );
  });
});

describe('counting what a sync reused', () => {
  it('relies on the glob loader leaving an unchanged entry as it was', () => {
    const glob = source('astro', 'dist/content/loaders/glob.js');
    expect(glob).toMatch(
      /if \(existingEntry && existingEntry\.digest === digest && existingEntry\.filePath\) \{[^}]*?(?:\}[^}]*?){2}return;\s*\}/,
    );
  });
});

describe('timing integration hooks', () => {
  it('relies on Astro looking each hook up when it runs it', () => {
    expect(source('astro', 'dist/integrations/hooks.js')).toContain('const hook = integration?.hooks?.[hookName];');
  });

  it('records each hook’s name and span, and passes arguments and results through', async () => {
    const integration: AstroIntegration = {
      name: 'x',
      hooks: { 'astro:build:done': async ({ dir }) => void dir, 'astro:config:done': () => undefined },
    };
    const seen: unknown[] = [];
    integration.hooks['astro:config:done'] = (params) => void seen.push(params);
    const record: HookTiming[] = [];
    timeHooks([integration], record);
    await (integration.hooks['astro:config:done'] as unknown as (p: unknown) => Promise<void>)({ a: 1 });
    expect(seen).toEqual([{ a: 1 }]);
    expect(record).toHaveLength(1);
    expect(record[0]).toMatchObject({ integration: 'x', hook: 'astro:config:done' });
    expect(record[0]!.end).toBeGreaterThanOrEqual(record[0]!.start);
  });
});

describe('the tested Astro range', () => {
  it('holds the installed astro', () => {
    const { version } = JSON.parse(source('astro', 'package.json')) as { version: string };
    expect(isTestedAstro(version)).toBe(true);
    expect(untestedAstroWarning(version)).toBeUndefined();
  });

  it('takes the lower bound in and leaves the upper out', () => {
    const range = { from: '7.3.0', below: '7.4.0' };
    expect(['7.3.0', '7.3.5', '7.3.12', '7.3.1-beta.2'].filter((v) => isTestedAstro(v, range))).toHaveLength(4);
    expect(
      ['7.2.9', '7.4.0', '7.4.0-beta.1', '8.0.0', '6.9.9', 'latest', ''].some((v) => isTestedAstro(v, range)),
    ).toBe(false);
  });

  it('warns once, naming the version, the range and where to look', () => {
    expect(untestedAstroWarning('7.4.1')).toBe(
      `astro 7.4.1 is installed; Greenpath's reliance on Astro internals was checked with >=${TESTED_ASTRO.from} <${TESTED_ASTRO.below}. Run \`npx vitest run --project unit tests/unit/astro-internals.test.ts\` and see src/astro-internals/README.md before trusting this build.`,
    );
  });
});
