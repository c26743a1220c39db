import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, buildSiteOrThrow, ROOT } from './support/build';
import { hashTree } from './support/site';

const EXPECTED = [
  'tests/fixtures/broken/2025-02-02-same-slug.md:1 slug: expected a slug no other guide has, found "same-slug", also the slug of tests/fixtures/broken/nested/same-slug.md',
  'tests/fixtures/broken/bad-date.md:3 date: expected a date such as 2024-05-01 (YAML date or ISO 8601), found the string "last tuesday"',
  'tests/fixtures/broken/bad-yaml.md:6:1 YAML syntax: Flow sequence in block collection must be sufficiently indented and end with a ]',
  'tests/fixtures/broken/bad-yaml.md:8:9 YAML syntax: Nested mappings are not allowed in compact mappings',
  'tests/fixtures/broken/expert.md:4 difficulty: expected one of beginner, intermediate, advanced, found the string "expert"',
  'tests/fixtures/broken/missing-title.md:1 title: expected a non-empty title, found nothing (the field is missing)',
  'tests/fixtures/broken/nested/same-slug.md:1 slug: expected a slug no other guide has, found "same-slug", also the slug of tests/fixtures/broken/2025-02-02-same-slug.md',
  'tests/fixtures/broken/tags-string.md:5 tags: expected a list of 1 to 10 tags, such as [cloud, carbon-aware], found the string "cloud, carbon"',
];

const scratch = path.join(ROOT, '.greenpath/test-guides/render-error');
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('a build of broken guides', () => {
  it('prints every error of every file in one run, exits non-zero and leaves the last good build untouched', async () => {
    const good = await buildSiteOrThrow({ name: 'survivor', guidesDir: 'tests/fixtures/site' });
    const before = await hashTree(good);
    const result = await buildSite({ name: 'survivor', guidesDir: 'tests/fixtures/broken', clean: false });
    expect(result.code).not.toBe(0);
    const reported = result.output.split('\n').filter((line) => line.startsWith('tests/fixtures/broken/'));
    expect(reported).toEqual(EXPECTED);
    expect(result.output).toContain('8 content errors in the guides; nothing was built');
    expect(result.output).toContain(
      'tests/fixtures/broken/nested/same-slug.md:7 dificulty: unknown field; did you mean `difficulty`?',
    );
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
