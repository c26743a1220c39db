// Guides write root-relative URLs; a site under BASE_PATH=/docs/ must publish them under /docs/.
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { compile } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { rootRelativeUnderBase } from '~/lib/urls-base';
import { markdownOptions } from '~/markdown/options';
import rehypeBaseLinks, { mapSrcset } from '~/markdown/rehype-base-links';

async function renderMarkdown(markdown: string, base: string): Promise<string> {
  const processor = await createMarkdownProcessor({ ...markdownOptions({ base }), syntaxHighlight: false });
  return (await processor.render(markdown, { frontmatter: { title: 'T' } })).code;
}

async function compileMdx(mdx: string, base: string): Promise<string> {
  return String(await compile(mdx, { rehypePlugins: [[rehypeBaseLinks, { base }]] }));
}

const LINKS = [
  'See [SCI](/guides/software-carbon-intensity-sci/#e-energy) and [cloud](/tags/cloud/).',
  'Search [grid](/search/?q=grid+intensity&level=intro#results), [a part](#here), [next](../other/).',
  '[Web](https://example.com/x/), [proto](//cdn.example.com/x.js), [mail](mailto:a@example.com).',
  '![A chart](/images/guides/chart.svg "Chart") ![beside](chart.png)',
  '[ref][r] and <https://example.com/auto>',
  '',
  '[r]: /guides/ref-target/',
].join('\n');

describe('rootRelativeUnderBase', () => {
  it('leaves every URL alone when the site is at the root', () => {
    for (const url of ['/guides/x/', '/', '/search/?q=a#b', '#x', 'x/', '//host/x']) {
      expect(rootRelativeUnderBase(url, '/')).toBe(url);
    }
  });

  it('moves root-relative URLs under the base, keeping query and fragment', () => {
    expect(rootRelativeUnderBase('/guides/x/', '/docs/')).toBe('/docs/guides/x/');
    expect(rootRelativeUnderBase('/', '/docs/')).toBe('/docs/');
    expect(rootRelativeUnderBase('/search/?q=a+b#r', '/docs/')).toBe('/docs/search/?q=a+b#r');
    expect(rootRelativeUnderBase('/guides/x/#part', 'docs')).toBe('/docs/guides/x/#part');
    expect(rootRelativeUnderBase('/docsify/', '/docs/')).toBe('/docs/docsify/');
    expect(rootRelativeUnderBase('/a/b/', '/a/b/')).toBe('/a/b/');
    expect(rootRelativeUnderBase('/a/c/', '/a/b/')).toBe('/a/b/a/c/');
  });

  it('does not prefix twice, nor touch relative, external, protocol-relative or fragment URLs', () => {
    for (const url of ['/docs/guides/x/', '/docs', '/docs?q=1', '/docs#top']) {
      expect(rootRelativeUnderBase(url, '/docs/')).toBe(url);
    }
    for (const url of ['#part', 'x/', '../x/', '?q=1', 'https://e.org/x', '//cdn.e.org/x', '/\\e.org', 'mailto:a@b']) {
      expect(rootRelativeUnderBase(url, '/docs/')).toBe(url);
    }
  });
});

describe('mapSrcset', () => {
  const under = (url: string) => rootRelativeUnderBase(url, '/docs/');
  it('maps each candidate URL and keeps descriptors and separators', () => {
    expect(mapSrcset('/a.png 1x, /b.png 2x', under)).toBe('/docs/a.png 1x, /docs/b.png 2x');
    expect(mapSrcset('/a.png 1x,/b.png 2x', under)).toBe('/docs/a.png 1x,/docs/b.png 2x');
    expect(mapSrcset('/a.png, /b.png 480w', under)).toBe('/docs/a.png, /docs/b.png 480w');
    // Without whitespace a comma is part of the URL, as browsers read it.
    expect(mapSrcset('/a.png,/b.png 480w', under)).toBe('/docs/a.png,/b.png 480w');
    expect(mapSrcset('/a,b.png 1x, c.png 2x', under)).toBe('/docs/a,b.png 1x, c.png 2x');
    expect(mapSrcset('https://e.org/a.png 1x', under)).toBe('https://e.org/a.png 1x');
  });
});

describe('rehype-base-links in the Markdown pipeline', () => {
  it('changes nothing at the root', async () => {
    const html = await renderMarkdown(LINKS, '/');
    expect(html).toContain('href="/guides/software-carbon-intensity-sci/#e-energy"');
    expect(html).toContain('src="/images/guides/chart.svg"');
    expect(html).not.toContain('/docs/');
  });

  it('puts links, reference links and images under /docs/, and nothing else', async () => {
    const html = await renderMarkdown(LINKS, '/docs/');
    expect(html).toContain('href="/docs/guides/software-carbon-intensity-sci/#e-energy"');
    expect(html).toContain('href="/docs/tags/cloud/"');
    expect(html).toContain('href="/docs/search/?q=grid+intensity&#x26;level=intro#results"');
    expect(html).toContain('src="/docs/images/guides/chart.svg"');
    expect(html).toContain('href="/docs/guides/ref-target/"');
    expect(html).toContain('href="#here"');
    expect(html).toContain('href="../other/"');
    expect(html).toContain('src="chart.png"');
    expect(html).toContain('href="https://example.com/x/"');
    expect(html).toContain('href="//cdn.example.com/x.js"');
    expect(html).toContain('href="mailto:a@example.com"');
    expect(html).toContain('href="https://example.com/auto"');
    expect(html.match(/\/docs\//g)).toHaveLength(5);
  });

  it('leaves heading anchors and footnote links as fragments', async () => {
    const html = await renderMarkdown('## Part\n\nA claim.[^1]\n\n[^1]: [Source](/guides/src/).', '/docs/');
    expect(html).toContain('href="#part"');
    expect(html).toMatch(/href="#user-content-fn-1"/);
    expect(html).toContain('href="/docs/guides/src/"');
  });
});

describe('rehype-base-links in MDX', () => {
  it('puts Markdown links and JSX URL attributes under the base, components included', async () => {
    const js = await compileMdx(
      [
        'See [SCI](/guides/sci/#e).',
        '',
        '<a href="/tags/cloud/">cloud</a> <img src="/images/x.svg" srcSet="/images/x.svg 1x, /images/x2.svg 2x" alt="" />',
        '',
        '<Card href="/guides/other/" title="/not-a-url/" />',
        '',
        '<a href={"/kept/"}>code</a> <a href="https://e.org/">out</a> <a href="/docs/already/">in</a>',
      ].join('\n'),
      '/docs/',
    );
    expect(js).toContain('href: "/docs/guides/sci/#e"');
    expect(js).toContain('href: "/docs/tags/cloud/"');
    expect(js).toContain('src: "/docs/images/x.svg"');
    expect(js).toContain('srcSet: "/docs/images/x.svg 1x, /docs/images/x2.svg 2x"');
    expect(js).toContain('href: "/docs/guides/other/"');
    expect(js).toContain('title: "/not-a-url/"');
    expect(js).toContain('href: "/kept/"');
    expect(js).toContain('href: "https://e.org/"');
    expect(js).toContain('href: "/docs/already/"');
  });
});
