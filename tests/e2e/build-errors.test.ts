import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, buildSiteOrThrow, outputLines, ROOT } from './support/build';
import { BROKEN_ERRORS, BROKEN_WARNING } from '../fixtures/broken-expected';
import { hashTree } from './support/site';

const scratch = path.join(ROOT, '.greenpath/test-guides/render-error');
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('a build of good guides', () => {
  it('warns only about the guides: no warning that every build prints, such as Astro’s Shiki and CSP one', async () => {
    const result = await buildSite({ name: 'good', guidesDir: 'tests/fixtures/site' });
    expect(result.code).toBe(0);
    const warnings = outputLines(result.output).filter((line) => line.startsWith('[WARN]'));
    expect(warnings.length).toBeGreaterThan(0);
    expect(
      warnings.filter((line) => !line.startsWith('[WARN] [greenpath:content-guard] tests/fixtures/site/')),
    ).toEqual([]);
  });
});

describe('a build of broken guides', () => {
  it('prints every error of every file in one run, exits non-zero and leaves the last good build untouched', async () => {
    const good = await buildSiteOrThrow({ name: 'survivor', guidesDir: 'tests/fixtures/site' });
    const before = await hashTree(good);
    const result = await buildSite({ name: 'survivor', guidesDir: 'tests/fixtures/broken', clean: false });
    expect(result.code).not.toBe(0);
    const reported = result.output.split('\n').filter((line) => line.startsWith('tests/fixtures/broken/'));
    expect(reported).toEqual(BROKEN_ERRORS);
    expect(result.output).toContain('8 content errors in the guides; nothing was built');
    expect(result.output).toContain(BROKEN_WARNING);
    expect(await hashTree(good)).toEqual(before);
  });

  it('keeps the last good build when an MDX guide fails to compile mid-build', async () => {
    await rm(scratch, { recursive: true, force: true });
    await cp(path.join(ROOT, 'tests/fixtures/site'), scratch, { recursive: true });
    const good = await buildSiteOrThrow({ name: 'survivor-mdx', guidesDir: path.relative(ROOT, scratch) });
    const before = await hashTree(good);
    const { writeFile } = await import('node:fs/promises');
    await writeFile(
      path.join(scratch, 'gamma-advanced.mdx'),
      '---\ntitle: Gamma advanced\ndate: 2025-06-20\ndifficulty: advanced\ntags: [measurement]\ndescription: Broken MDX.\n---\n\n<Unclosed prop={\n',
    );
    const result = await buildSite({ name: 'survivor-mdx', guidesDir: path.relative(ROOT, scratch), clean: false });
    expect(result.code).not.toBe(0);
    expect(await hashTree(good)).toEqual(before);
  });
});
