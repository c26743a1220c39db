import type { SSRManifest } from 'astro';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import DifficultyBadge from '~/components/DifficultyBadge.astro';
import GuideCard from '~/components/GuideCard.astro';
import SeriesBox from '~/components/SeriesBox.astro';
import TableOfContents from '~/components/TableOfContents.astro';
import { renderCard } from '~/lib/guide-card';
import { cardText, translatorFor } from '~/data/i18n';
import { siteUrls } from '~/lib/urls';
import { cardFactsOf } from '~/lib/guide-filter-view';
import { buildLibrary } from '~/lib/library';
import { bodyFacts } from '~/lib/markdown-text';
import { guideSchema } from '~/schemas/guide';

const container = await AstroContainer.create();

const library = buildLibrary([
  {
    id: 'grid-basics',
    data: guideSchema.parse({
      title: 'Grid <basics> & more',
      date: '2025-02-03',
      difficulty: 'intermediate',
      tags: ['Cloud', 'size:small'],
      description: 'A "quoted" description.',
      estimated_time: '6 min read',
    }),
    facts: bodyFacts('Words.'),
    filePath: 'content/guides/grid-basics.md',
  },
]);
const guide = library.guides[0]!;

describe('GuideCard', () => {
  it('is renderCard, the markup <guide-filter> draws its cards with, escaped', async () => {
    const html = await container.renderToString(GuideCard, { props: { guide } });
    expect(html).toBe(
      renderCard(cardFactsOf(guide), {
        headingLevel: 2,
        urls: siteUrls('/'),
        text: cardText(translatorFor('en')),
      }),
    );
    expect(html).toContain('data-slug="grid-basics"');
    expect(html).toMatch(/>Grid &lt;basics&gt; &amp; more<\/a>/);
    expect(html).toContain('A &quot;quoted&quot; description.');
    expect(html).toContain('href="/guides/grid-basics/"');
    expect(html).toContain('href="/tags/size-small/"');
    expect(html).toContain('<h2 class="title">');
    const h3 = await container.renderToString(GuideCard, { props: { guide, headingLevel: 3 } });
    expect(h3).toContain('<h3 class="title">');
  });
});

describe('DifficultyBadge', () => {
  it('names the difficulty for screen readers and links to the level when asked', async () => {
    const plain = await container.renderToString(DifficultyBadge, { props: { level: 'advanced' } });
    expect(plain).toMatch(/<span class="sr-only"[^>]*>Difficulty: <\/span>\s*Advanced/);
    const linked = await container.renderToString(DifficultyBadge, { props: { level: 'beginner', link: true } });
    expect(linked).toContain('href="/difficulty/beginner/"');
  });
});

describe('TableOfContents', () => {
  it('renders nested items and nothing at all when there are none', async () => {
    const html = await container.renderToString(TableOfContents, {
      props: { items: [{ slug: 'a', text: 'A', children: [{ slug: 'b', text: 'B', children: [] }] }] },
    });
    expect(html).toMatch(/<a href="#a"[^>]*>A<\/a>\s*<ol[^>]*>\s*<li[^>]*>\s*<a href="#b"/);
    expect((await container.renderToString(TableOfContents, { props: { items: [] } })).trim()).toBe('');
  });
});

describe('SeriesBox', () => {
  it('reads "Learning path: NAME" with a space, and marks the current part', async () => {
    const html = await container.renderToString(SeriesBox, {
      props: {
        series: {
          name: 'Carbon path',
          slug: 'carbon-path',
          part: 1,
          total: 2,
          parts: [
            { ...guide, part: 1, current: true },
            { ...guide, slug: 'next-one', title: 'Next one', part: 2, current: false },
          ],
          previous: undefined,
          next: { ...guide, slug: 'next-one', title: 'Next one' },
        },
      },
    });
    const text = html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    expect(text).toContain('Learning path: Carbon path');
    expect(html).toMatch(/<span aria-current="page"[^>]*>Grid &lt;basics&gt; &amp; more<\/span>/);
    expect(html).toMatch(/<a rel="next" href="\/guides\/next-one\/"/);
  });
});

// As astro.config.ts sets it up from site.yaml's languages: Astro.currentLocale comes from the URL.
const french = await AstroContainer.create({
  manifest: {
    i18n: {
      defaultLocale: 'en',
      locales: ['en', 'fr'],
      strategy: 'pathname-prefix-other-locales',
      fallbackType: 'redirect',
      domainLookupTable: {},
    },
  } as unknown as SSRManifest,
});

describe('a page in another language', () => {
  const series = {
    name: 'Carbon path',
    slug: 'carbon-path',
    part: 1,
    total: 2,
    parts: [{ ...guide, part: 1, current: true }],
    previous: undefined,
    next: { ...guide, slug: 'next-one', title: 'Next one' },
  };
  const textOf = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

  it('shows the interface text of the page’s language, from its URL', async () => {
    const html = await french.renderToString(SeriesBox, {
      props: { series },
      request: new Request('http://localhost/fr/guides/grid-basics/'),
    });
    expect(textOf(html)).toContain('Parcours : Carbon path');
    expect(textOf(html)).toContain('Partie 1 sur 2');
    expect(textOf(html)).toContain('Suivant : Next one');
    const badge = await french.renderToString(DifficultyBadge, {
      props: { level: 'advanced' },
      request: new Request('http://localhost/fr/guides/grid-basics/'),
    });
    expect(badge).toMatch(/<span class="sr-only"[^>]*>Niveau : <\/span>/);
  });

  it('falls back to the default language where the URL names none', async () => {
    const html = await french.renderToString(SeriesBox, {
      props: { series },
      request: new Request('http://localhost/guides/grid-basics/'),
    });
    expect(textOf(html)).toContain('Learning path: Carbon path');
  });
});
