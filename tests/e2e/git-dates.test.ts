/**
 * The fixture guides are files of this repository, so a build gives them the dates of their last
 * commits. Expectations come from git itself, one `git log -1` per guide: in a shallow clone (as
 * CI may check out) or with uncommitted edits, a guide without `updated` shows no "Updated" date,
 * and the guide with `updated` shows that date either way.
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { isoDay } from '~/lib/format';
import { lastUpdated } from '~/lib/git-dates';
import { ROOT } from './support/build';

const dir = inject('subpathSite');

const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
const shallow = git('rev-parse', '--is-shallow-repository') !== 'false';

/** The git date a guide should get: its last commit's, unless the clone is shallow or the file has uncommitted changes. */
function gitDateOf(file: string): string | undefined {
  if (shallow || git('status', '--porcelain', '--', file) !== '') return undefined;
  return git('log', '-1', '--format=%cI', '--', file) || undefined;
}

const GUIDES = [
  { slug: 'alpha-basics', file: 'tests/fixtures/site/2025-01-10-alpha-basics.md', date: '2025-01-10' },
  { slug: 'gamma-advanced', file: 'tests/fixtures/site/gamma-advanced.mdx', date: '2025-06-20' },
  {
    slug: 'beta-middle',
    file: 'tests/fixtures/site/2025-03-05-beta-middle.md',
    date: '2025-03-05',
    updated: '2025-04-01',
  },
];

describe('a guide’s Updated date: its updated field, else its last commit’s', () => {
  it.each(GUIDES)('$slug shows it on the page, in JSON-LD, the sitemap and the feed', async (guide) => {
    const expected = lastUpdated(
      { date: new Date(guide.date), updated: guide.updated ? new Date(guide.updated) : undefined },
      gitDateOf(guide.file),
    );
    if (guide.updated) expect(expected).toEqual(new Date(guide.updated));

    const html = await readFile(path.join(dir, 'guides', guide.slug, 'index.html'), 'utf8');
    const shown = /Updated <time datetime="([^"]+)"/.exec(html)?.[1];
    expect(shown).toBe(expected && isoDay(expected));
    const modified = /<meta property="article:modified_time" content="([^"]+)"/.exec(html)?.[1];
    expect(modified).toBe(expected?.toISOString());
    const jsonLd = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}';
    expect((JSON.parse(jsonLd) as { dateModified?: string }).dateModified).toBe(
      isoDay(expected ?? new Date(guide.date)),
    );

    const sitemap = await readFile(path.join(dir, 'sitemap-0.xml'), 'utf8');
    const url = new RegExp(`<url><loc>https://example.org/docs/guides/${guide.slug}/</loc>(.*?)</url>`).exec(sitemap);
    expect(url, 'the guide is in the sitemap').not.toBeNull();
    expect(/<lastmod>([^<]+)<\/lastmod>/.exec(url?.[1] ?? '')?.[1]).toBe(expected?.toISOString());

    const feed = await readFile(path.join(dir, 'rss.xml'), 'utf8');
    const item = [...feed.matchAll(/<item>(.*?)<\/item>/gs)].find((m) => m[1]?.includes(`/guides/${guide.slug}/`));
    expect(item, 'the guide is in the feed').toBeDefined();
    expect(/<atom:updated>([^<]+)<\/atom:updated>/.exec(item?.[1] ?? '')?.[1]).toBe(expected?.toISOString());
  });

  it('a guide without updated has its last commit’s date unless the clone is shallow or it was edited', () => {
    const alpha = GUIDES[0] as (typeof GUIDES)[number];
    const gitDate = gitDateOf(alpha.file);
    // This repository's commits are all later than the fixture's date: in a full clone, it shows one.
    if (gitDate) expect(lastUpdated({ date: new Date(alpha.date), updated: undefined }, gitDate)).toBeDefined();
    else expect(shallow || git('status', '--porcelain', '--', alpha.file) !== '').toBe(true);
  });
});
