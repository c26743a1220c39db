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
    expect(result.code).toBe(1);
    // All of it: the checker's list and one summary line, nothing that reads as the tool failing.
    expect(outputLines(result.output)).toEqual([
      `[WARN] [greenpath:content-guard] ${BROKEN_WARNING}`,
      '[greenpath:content-guard] checked 7 guides in # ms: 8 errors, 1 warnings',
      ...BROKEN_ERRORS.map((line) => `[ERROR] [greenpath:content-guard] ${line}`),
      '[ERROR] [greenpath:content-guard] Build refused: 8 content errors in 7 files. Nothing was published: the previous output is as it was.',
    ]);
    expect(await hashTree(good)).toEqual(before);
  });

  it('refuses a Markdown image beside the guide that is missing, even when links only warn', async () => {
    const result = await buildSite({
      name: 'missing-image',
      guidesDir: 'tests/fixtures/missing-image',
      env: { GREENPATH_LINKS: 'warn' },
    });
    expect(result.code).toBe(1);
    expect(outputLines(result.output)).toEqual([
      '[greenpath:content-guard] checked 1 guides in # ms: 1 errors, 0 warnings',
      '[ERROR] [greenpath:content-guard] tests/fixtures/missing-image/2025-04-01-missing-image.md:11 ../../src/images/missing.png: expected an image file at ../../src/images/missing.png beside the guide, found none; the build cannot publish the guide without it, so this is an error even when links only warn',
      '[ERROR] [greenpath:content-guard] Build refused: 1 content error in 1 file. Nothing was published: the previous output is as it was.',
    ]);
  });

  it('refuses an MDX guide whose page would fail to render, before rendering, in the checker’s words', async () => {
    // MDX compiles such a guide; its page then throws while rendering (a ReferenceError, "Expected
    // component … to be defined", a calculator's props), which Astro reports with a stack trace.
    const result = await buildSite({ name: 'mdx-undefined', guidesDir: 'tests/fixtures/mdx-undefined' });
    expect(result.code).toBe(1);
    const file = 'tests/fixtures/mdx-undefined/2025-04-02-undefined-names.mdx';
    expect(outputLines(result.output)).toEqual([
      '[greenpath:content-guard] checked 1 guides in # ms: 3 errors, 0 warnings',
      `[ERROR] [greenpath:content-guard] ${file}:11 {dailyUse}: expected a name the guide imports or exports, found none named dailyUse; the page cannot be rendered without it`,
      `[ERROR] [greenpath:content-guard] ${file}:13 <EnergyChart>: expected a component the guide imports (from ~/components/mdx/), found none named EnergyChart; the page cannot be rendered without it`,
      `[ERROR] [greenpath:content-guard] ${file}:17 <CarbonAwareTimeline> start: expected a start and a length that end by 24:00, found number 20`,
      '[ERROR] [greenpath:content-guard] Build refused: 3 content errors in 1 file. Nothing was published: the previous output is as it was.',
    ]);
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
