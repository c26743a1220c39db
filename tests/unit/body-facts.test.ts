import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import type { LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { BODY_FACTS_KEY, readBodyFacts, storeBodyFacts, withBodyFacts } from '~/data/body-facts';
import { analyseBody } from '../../content-tools/check/analyse';
import { parseGuideSource } from '../../content-tools/frontmatter';
import { buildLibrary } from '~/lib/library';
import { bodyFacts } from '~/lib/markdown-text';
import { markdownOptions } from '~/markdown/options';
import { guideSchema } from '~/schemas/guide';
import { generateGuides } from '../../scripts/lib/generate-guides';

// The processor Astro renders `.md` guides with, plugins and all.
const processor = await createMarkdownProcessor({ ...markdownOptions({ base: '/' }), syntaxHighlight: false });

async function render(markdown: string, frontmatter: Record<string, unknown> = { title: 'T' }, file = 'a.md') {
  const { metadata } = await processor.render(markdown, { frontmatter, fileURL: new URL(`file:///guides/${file}`) });
  return metadata;
}

describe('remark-body-facts', () => {
  it('stores the facts of the text as written in the rendered front matter', async () => {
    // Smart punctuation would make "a--b" two words and curl the quotes: the facts come first.
    const body = 'Intro with "quotes" and a--b.\n\n```sh\nnot counted\n```\n\n## Heading\n\nMore text.';
    const metadata = await render(body);
    expect(metadata.frontmatter[BODY_FACTS_KEY]).toEqual({
      words: 8,
      readingMinutes: 1,
      firstParagraph: 'Intro with "quotes" and a--b.',
    });
    expect(readBodyFacts({ metadata })).toEqual(bodyFacts(body));
  });

  it('keeps the author’s front matter and leaves the object Astro handed in alone', async () => {
    const frontmatter = { title: 'T', tags: ['x'] };
    const metadata = await render('Text.', frontmatter);
    expect(metadata.frontmatter).toMatchObject({ title: 'T', tags: ['x'] });
    expect(frontmatter).toEqual({ title: 'T', tags: ['x'] });
  });

  it('leaves MDX alone: the loader stores its facts', async () => {
    expect((await render('Text.', { title: 'T' }, 'a.mdx')).frontmatter[BODY_FACTS_KEY]).toBeUndefined();
  });

  it('gives the facts the content check computes, for generated guides', { timeout: 60_000 }, async () => {
    const markdown = generateGuides({ count: 16, seed: 3 }).filter((g) => g.fileName.endsWith('.md'));
    expect(markdown.length).toBeGreaterThan(8);
    for (const { source } of markdown) {
      const parsed = parseGuideSource(source);
      const analysis = analyseBody(parsed.body, { bodyLine: parsed.bodyLine, mdx: false, frontmatter: parsed.data });
      const { words, readingMinutes, firstParagraph } = analysis;
      expect(readBodyFacts({ metadata: await render(parsed.body.trim(), parsed.data) })).toEqual({
        words,
        readingMinutes,
        firstParagraph,
      });
    }
  });
});

describe('the stored entry', () => {
  const md = { id: 'a', data: {}, filePath: 'a.md', body: 'Body.', rendered: { html: '<p>Body.</p>' } };
  const mdx = {
    id: 'b',
    data: {},
    filePath: 'b.mdx',
    body: 'One *two* three.\n\n<Aside>x</Aside>',
    deferredRender: true,
  };

  it('keeps no body; a Markdown entry keeps what rendering stored', () => {
    expect(withBodyFacts(md)).toEqual({ id: 'a', data: {}, filePath: 'a.md', rendered: md.rendered });
  });

  it('gives an MDX entry the facts of its body, for readBodyFacts', () => {
    const stored = withBodyFacts(mdx);
    expect(stored.body).toBeUndefined();
    expect(stored.deferredRender).toBe(true);
    expect(readBodyFacts(stored.rendered)).toEqual(bodyFacts(mdx.body));
  });

  it('reads no facts from an entry without them or with a malformed value', () => {
    expect(readBodyFacts(undefined)).toBeUndefined();
    expect(readBodyFacts({ metadata: { frontmatter: { [BODY_FACTS_KEY]: { words: '3' } } } })).toBeUndefined();
  });

  it('goes through every store.set of the wrapped loader', async () => {
    const stored: unknown[] = [];
    const loader = storeBodyFacts({
      name: 'fake',
      load: async ({ store }) => {
        store.set(mdx);
      },
    });
    await loader.load({ store: { set: (entry: unknown) => stored.push(entry) } } as unknown as LoaderContext);
    expect(stored).toEqual([withBodyFacts(mdx)]);
  });
});

describe('buildLibrary', () => {
  it('takes the facts stored with the entry, and never parses a body', () => {
    const data = guideSchema.parse({ title: 'A', date: '2025-01-01', difficulty: 'beginner', tags: ['x'] });
    const facts = { words: 4242, readingMinutes: 19, firstParagraph: 'From the entry.' };
    const guide = buildLibrary([{ id: 'a', data, facts, filePath: 'a.md' }]).guides[0];
    expect(guide).toMatchObject({
      words: 4242,
      readingMinutes: 19,
      displayMinutes: 19,
      description: 'From the entry.',
    });
  });
});
