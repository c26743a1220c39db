/**
 * Where each language's pages live and what belongs to them: collection ids of translations,
 * the language of a path, URLs with a language prefix, one library per language, and the content
 * check's view of translations (no duplicate slugs, links to `/fr/guides/x/`).
 */
import { describe, expect, it } from 'vitest';
import { buildSiteIndex, siteRoutes } from '../../content-tools/check/index';
import { resolveLink } from '../../content-tools/check/links';
import { checkGuideSource, duplicateSlugDiagnostics } from '../../content-tools/guide-files';
import { guideId, hasSearchIndex, languageOfPath, pageAlternates, siteLanguages, splitGuideId } from '~/lib/languages';
import { buildLibrary, type GuideInput } from '~/lib/library';
import { cardUrls, inLanguage, siteUrls } from '~/lib/urls';
import { guideLastmod, recordLastUpdated } from '~/integrations/git-dates/sitemap';
import { guideSchema } from '~/schemas/guide';
import type { GuideRecord } from '../../content-tools/check/types';
import { analyseBody } from '../../content-tools/check/analyse';
import { guideText } from './support/guide-record';

const LANGUAGES = siteLanguages({ language: 'en', languages: [{ code: 'fr' }, { code: 'es' }] });

describe('collection ids and page languages', () => {
  it('gives a translation the id <code>/<slug> and an original its slug', () => {
    expect(guideId('alpha', 'en', 'en')).toBe('alpha');
    expect(guideId('alpha', 'fr', 'en')).toBe('fr/alpha');
    expect(splitGuideId('fr/alpha', 'en')).toEqual({ lang: 'fr', slug: 'alpha' });
    expect(splitGuideId('alpha', 'en')).toEqual({ lang: 'en', slug: 'alpha' });
  });

  it('reads a page’s language from the first segment under the base only', () => {
    const code = (pathname: string, base = '/') => languageOfPath(pathname, base, LANGUAGES).code;
    expect(code('/')).toBe('en');
    expect(code('/fr/')).toBe('fr');
    expect(code('/fr/guides/alpha/')).toBe('fr');
    expect(code('/es/tags/cloud/page/2/')).toBe('es');
    // A guide whose slug is a language code is still an English page.
    expect(code('/guides/fr/')).toBe('en');
    expect(code('/docs/fr/guides/', '/docs/')).toBe('fr');
    expect(code('/docs/guides/', '/docs/')).toBe('en');
    // Not a language of the site.
    expect(code('/de/guides/')).toBe('en');
  });
});

describe('URLs in a language', () => {
  it('prefix every page a language has, and leave the shared ones', () => {
    const fr = siteUrls('/docs/', 'fr');
    expect(fr.home()).toBe('/docs/fr/');
    expect(fr.guide('alpha')).toBe('/docs/fr/guides/alpha/');
    expect(fr.guidesPage(2)).toBe('/docs/fr/guides/page/2/');
    expect(fr.tagPage('cloud', 2)).toBe('/docs/fr/tags/cloud/page/2/');
    expect(fr.difficulty('beginner')).toBe('/docs/fr/difficulty/beginner/');
    expect(fr.series('path')).toBe('/docs/fr/series/path/');
    expect(fr.search()).toBe('/docs/fr/search/');
    expect(fr.rss()).toBe('/docs/fr/rss.xml');
    expect(fr.guidesIndex('abc')).toBe('/docs/fr/guides/index-abc.json');
    // The carbon page is in every language; the report it links to is one file.
    expect(fr.carbon()).toBe('/docs/fr/about/carbon/');
    expect(fr.carbonReport()).toBe('/docs/carbon-report.json');
    expect(fr.translations()).toBe('/docs/about/translations/');
  });

  it('give a card in the browser the links the server gives it, in every language and under a base', () => {
    for (const [base, language] of [
      ['/', undefined],
      ['/docs/', undefined],
      ['/docs/', 'fr'],
      ['/', 'ar'],
    ] as const) {
      const card = cardUrls(base, language);
      const site = siteUrls(base, language);
      expect(Object.keys(card).sort()).toEqual(['difficulty', 'guide', 'tag']);
      expect([card.guide('alpha'), card.tag('cloud'), card.difficulty('advanced')]).toEqual([
        site.guide('alpha'),
        site.tag('cloud'),
        site.difficulty('advanced'),
      ]);
    }
    expect(cardUrls('/docs/', 'fr').tag('cloud')).toBe('/docs/fr/tags/cloud/');
  });

  it('keep the default language’s URLs exactly as they were', () => {
    const plain = siteUrls('/');
    expect([plain.home(), plain.guide('alpha'), plain.rss(), plain.guidesIndex('abc')]).toEqual([
      '/',
      '/guides/alpha/',
      '/rss.xml',
      '/guides/index-abc.json',
    ]);
  });

  it('move site.yaml’s links into the language when the page exists in it', () => {
    expect(inLanguage('/guides/', 'fr')).toBe('/fr/guides/');
    expect(inLanguage('/tags/#x', 'fr')).toBe('/fr/tags/#x');
    expect(inLanguage('/', 'fr')).toBe('/fr/');
    expect(inLanguage('/about/carbon/', 'fr')).toBe('/fr/about/carbon/');
    expect(inLanguage('/about/translations/', 'fr')).toBe('/about/translations/');
    expect(inLanguage('https://example.org/guides/', 'fr')).toBe('https://example.org/guides/');
    expect(inLanguage('/guides/', undefined)).toBe('/guides/');
  });
});

function input(id: string, slug: string, extra: Record<string, unknown> = {}): GuideInput {
  return {
    id,
    slug,
    data: guideSchema.parse({
      title: `Title ${id}`,
      date: '2025-01-01',
      difficulty: 'beginner',
      tags: ['cloud'],
      description: 'D.',
      ...extra,
    }),
    facts: { words: 100, readingMinutes: 1, firstParagraph: undefined },
    filePath: `content/guides/${id}.md`,
  };
}

describe('a language’s library', () => {
  it('holds its guides with their slug, id and language, related and series among them only', () => {
    const fr = buildLibrary(
      [
        input('fr/alpha', 'alpha', { series: { name: 'Parcours', part: 1 }, related: ['beta', 'gamma'] }),
        input('fr/beta', 'beta', { series: { name: 'Parcours', part: 2 } }),
      ],
      {},
      { lang: 'fr' },
    );
    const alpha = fr.bySlug.get('alpha');
    expect(alpha).toMatchObject({ id: 'fr/alpha', slug: 'alpha', lang: 'fr' });
    // `gamma` has no French version: it is not related in French.
    expect(alpha?.related).toEqual(['beta']);
    expect(fr.series.map((s) => [s.slug, s.parts])).toEqual([['parcours', ['alpha', 'beta']]]);
    expect(alpha?.series?.next).toBe('beta');
  });
});

function record(relativePath: string, source: string): GuideRecord {
  const { guide } = checkGuideSource(relativePath, `guides/${relativePath}`, source, undefined, LANGUAGES);
  return {
    ...guide,
    bodyStart: source.length - guide.parsed.body.length,
    mdx: false,
    draft: false,
    analysis: analyseBody(guide.parsed.body, {
      bodyLine: guide.parsed.bodyLine,
      mdx: false,
      frontmatter: guide.parsed.data,
    }),
  };
}

describe('the content check and translations', () => {
  const original = record('2025-01-01-alpha.md', guideText('', '## Setup\n\nText.\n', 'Alpha'));
  const translation = record(
    'fr/2025-01-01-alpha.md',
    guideText(
      '',
      '## Installer\n\n[original](/guides/alpha/#setup), [fr](/fr/guides/alpha/#installer), [x](/fr/guides/nope/), [t](/fr/tags/cloud/)\n',
      'Alpha FR',
    ),
  );
  const folder = 'fr-folder/2025-01-01-alpha.md';
  const notALanguage = record(folder, guideText('', 'Text.\n', 'Alpha again'));

  it('gives a translation its language and id, and no duplicate slug with its original', () => {
    expect([translation.lang, translation.id, translation.slug]).toEqual(['fr', 'fr/alpha', 'alpha']);
    expect(duplicateSlugDiagnostics([original, translation])).toEqual([]);
    // A folder that is not a language is only a folder: the same slug twice is still an error.
    expect(duplicateSlugDiagnostics([original, notALanguage]).map((d) => d.file)).toEqual([
      'guides/2025-01-01-alpha.md',
      `guides/${folder}`,
    ]);
  });

  it('resolves /guides/x/ to the original and /fr/guides/x/ to the translation', () => {
    const site = buildSiteIndex([original, translation], {
      root: '.',
      dir: 'content/guides',
      basePath: '/',
      routes: siteRoutes(LANGUAGES),
      defaultLanguage: 'en',
    });
    const resolve = (url: string) => resolveLink(url, translation, site);
    expect(resolve('/guides/alpha/#setup')).toEqual({ ok: true, guide: 'alpha', fragment: 'setup' });
    expect(resolve('/fr/guides/alpha/#installer')).toEqual({ ok: true, guide: 'fr/alpha', fragment: 'installer' });
    expect(resolve('/fr/guides/alpha/#setup')).toMatchObject({ ok: false, rule: 'broken-anchor' });
    expect(resolve('/fr/guides/nope/')).toMatchObject({ ok: false, rule: 'broken-link' });
    expect(resolve('/fr/tags/cloud/')).toEqual({ ok: true });
    expect(resolve('/fr/tags/hardware/')).toMatchObject({ ok: false });
    expect(resolve('/es/guides/')).toEqual({ ok: true });
    expect(resolve('#installer')).toEqual({ ok: true, guide: 'fr/alpha', fragment: 'installer' });
  });
});

describe('the sitemap’s lastmod', () => {
  it('finds a translation’s date under its id', () => {
    recordLastUpdated(
      new Map([
        ['alpha', new Date('2025-02-01T00:00:00Z')],
        ['fr/alpha', new Date('2025-03-01T00:00:00Z')],
      ]),
    );
    const lastmod = (url: string) => guideLastmod('/')<{ url: string; lastmod?: string }>({ url }).lastmod;
    expect(lastmod('https://example.org/guides/alpha/')).toBe('2025-02-01T00:00:00.000Z');
    expect(lastmod('https://example.org/fr/guides/alpha/')).toBe('2025-03-01T00:00:00.000Z');
    expect(lastmod('https://example.org/fr/guides/')).toBeUndefined();
    expect(lastmod('https://example.org/fr/tags/alpha/')).toBeUndefined();
  });
});

describe('search in a language', () => {
  it('has an index only when Pagefind wrote one for the language or its primary subtag', () => {
    expect(hasSearchIndex('fr', ['en', 'fr'])).toBe(true);
    expect(hasSearchIndex('en-GB', ['en'])).toBe(true);
    expect(hasSearchIndex('pt-BR', ['pt-br'])).toBe(true);
    // A language with no guide yet: Pagefind would search the English index instead.
    expect(hasSearchIndex('es', ['en', 'fr'])).toBe(false);
  });
});

describe('a listing’s versions in other languages', () => {
  it('names each language that makes the page, and the default’s as x-default', () => {
    const exists = (code: string, pathInLanguage: string) => code !== 'es' || pathInLanguage === 'guides/';
    expect(pageAlternates('guides/', LANGUAGES, exists)).toEqual([
      { hreflang: 'en', path: 'guides/' },
      { hreflang: 'fr', path: 'fr/guides/' },
      { hreflang: 'es', path: 'es/guides/' },
      { hreflang: 'x-default', path: 'guides/' },
    ]);
    expect(pageAlternates('tags/cloud/', LANGUAGES, exists).map((a) => a.hreflang)).toEqual(['en', 'fr', 'x-default']);
    // A page only one language makes has no alternates; one the default lacks has no x-default.
    expect(pageAlternates('tags/x/', LANGUAGES, (code) => code === 'fr')).toEqual([]);
    expect(pageAlternates('tags/x/', LANGUAGES, (code) => code !== 'en').map((a) => a.hreflang)).toEqual(['fr', 'es']);
  });
});

describe('a link to a translation’s source file', () => {
  it('names the translation’s page', () => {
    const original = record('2025-01-01-alpha.md', guideText('', 'Text.\n', 'Alpha'));
    const translation = record('fr/2025-01-01-alpha.md', guideText('', 'Texte.\n', 'Alpha FR'));
    const site = buildSiteIndex([original, translation], {
      root: '.',
      dir: 'content/guides',
      basePath: '/',
      routes: siteRoutes(LANGUAGES),
      defaultLanguage: 'en',
    });
    expect(resolveLink('./2025-01-01-alpha.md', translation, site)).toMatchObject({
      ok: false,
      message:
        './2025-01-01-alpha.md links to the source file fr/2025-01-01-alpha.md, which the site does not publish; link to /fr/guides/alpha/',
    });
  });
});
