/**
 * /about/translations/ on a real build of the fixture library, a one-language site: the page is
 * built, listed in the sitemap (so the accessibility run of site.test.ts covers it), and says there
 * is nothing to translate. Its table with languages is rendered in tests/components/translation-status.test.ts.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { sitemapPaths } from './support/site';

const dir = inject('fixtureSite');

describe('/about/translations/ on a one-language site', () => {
  it('is built, in the sitemap, and says there is nothing to translate', async () => {
    expect(await sitemapPaths(dir)).toContain('/about/translations/');
    const html = await readFile(path.join(dir, 'about/translations/index.html'), 'utf8');
    expect(html).toMatch(/<h1[^>]*>Translations<\/h1>/);
    expect(html).toMatch(/<p[^>]*>This site has one language, English: there is nothing to translate\.<\/p>/);
    expect(html).not.toContain('<table');
  });
});
