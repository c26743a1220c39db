import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import DifficultyBadge from '~/components/DifficultyBadge.astro';
import GuideCard from '~/components/GuideCard.astro';
import SeriesBox from '~/components/SeriesBox.astro';
import TableOfContents from '~/components/TableOfContents.astro';
import { fromHtml } from 'hast-util-from-html';
import { readCard } from '~/lib/guide-card';
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

/** An element's data-* attributes as the browser's `dataset` has them: names camel-cased, text decoded. */
function datasetOf(html: string, tag: string): Record<string, string> {
  const found: Record<string, string>[] = [];
  const visit = (node: ReturnType<typeof fromHtml>['children'][number] | ReturnType<typeof fromHtml>): void => {
    if (node.type === 'element' && node.tagName === tag) {
      const dataset: Record<string, string> = {};
      for (const [name, value] of Object.entries(node.properties)) {
        if (/^data[A-Z]/.test(name)) dataset[name[4]!.toLowerCase() + name.slice(5)] = String(value);
      }
      found.push(dataset);
    }
    if ('children' in node) node.children.forEach(visit);
  };
  visit(fromHtml(html, { fragment: true }));
  if (found.length !== 1) throw new Error(`expected one <${tag}>, found ${found.length}`);
  return found[0]!;
}

describe('GuideCard', () => {
  it('carries the facts the filter reads in data attributes, escaped', async () => {
    const html = await container.renderToString(GuideCard, { props: { guide } });
    expect(html).toContain('data-slug="grid-basics"');
    expect(html).toContain('data-difficulty="intermediate"');
    expect(html).toContain('data-tags="cloud size-small"');
    expect(html).toContain('data-minutes="6"');
    expect(html).toContain('data-date="2025-02-03"');
    // Text is escaped; inside quoted attributes only quotes and ampersands must be.
    expect(html).toMatch(/>Grid &lt;basics&gt; &amp; more<\/a>/);
    expect(html).toContain('data-description="A &quot;quoted&quot; description."');
    expect(html).toContain('href="/guides/grid-basics/"');
    expect(html).toContain('href="/tags/size-small/"');
  });

  it('writes what readCard, in <guide-filter>, reads back identically', async () => {
    const tricky = buildLibrary(
      [
        {
          id: 'tricky',
          data: guideSchema.parse({
            title: 'Pipes | and "quotes" & <tags>',
            date: '2025-02-03',
            difficulty: 'advanced',
            tags: ['CI|CD', 'Café, crème', 'size:small', 'back\\slash|'],
            description: 'Line one,\ttab & ampersand; [brackets] "quoted"',
          }),
          facts: bodyFacts('Twenty words or so.'),
          filePath: 'content/guides/tricky.md',
        },
      ],
      { 'ci-cd': { label: 'CI | CD', description: 'Pipelines.' } },
    ).guides[0]!;
    for (const one of [guide, tricky]) {
      const html = await container.renderToString(GuideCard, { props: { guide: one } });
      const dataset = datasetOf(html, 'article');
      expect(readCard(dataset)).toEqual(cardFactsOf(one));
    }
    expect(cardFactsOf(tricky).tagLabels).toEqual(['CI | CD', 'Café, crème', 'size:small', 'back\\slash|']);
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
