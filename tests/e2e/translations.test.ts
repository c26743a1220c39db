/**
 * /about/translations/ on a real build of the fixture library (English, with French translations
 * of two of its three guides and Spanish listed with none): the page is built, listed in the
 * sitemap (so the accessibility run of site.test.ts covers it), and counts and links each
 * language's translations. The one-language case is rendered in tests/components/translation-status.test.ts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { sitemapPaths } from './support/site';

const dir = inject('fixtureSite');

describe('/about/translations/ on a site with translations', () => {
  it('is built, in the sitemap, and counts and links each language’s translations', async () => {
    expect(await sitemapPaths(dir)).toContain('/about/translations/');
    const html = await readFile(path.join(dir, 'about/translations/index.html'), 'utf8');
    expect(html).toMatch(/<h1[^>]*>Translations<\/h1>/);
    const row = (name: string) =>
      [
        ...(new RegExp(`<tr><th scope="row"><a[^>]*>${name}</a></th>(.*?)</tr>`).exec(html)?.[1] ?? '').matchAll(
          /<td[^>]*>(\d+)<\/td>/g,
        ),
      ].map((m) => Number(m[1]));
    // Translated, up to date, out of date, missing.
    expect(row('Français')).toEqual([2, 2, 0, 1]);
    expect(row('Español')).toEqual([0, 0, 0, 3]);
    expect(html).toContain('<a href="/fr/guides/alpha-basics/" hreflang="fr" lang="fr" dir="ltr">');
    expect(html).toContain('<a href="/guides/beta-middle/">Beta in the middle</a>');
  });
});
