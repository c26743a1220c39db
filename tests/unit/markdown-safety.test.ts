import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import type { Root } from 'hast';
import { describe, expect, it } from 'vitest';
import { checkBodySafety, needsSafetyParse } from '../../content-tools/markdown-safety';
import { markdownOptions } from '~/markdown/options';
import rehypeSafeHtml from '~/markdown/rehype-safe-html';
import { isAllowedUrl, isExternalUrl, urlScheme } from '~/markdown/url-policy';

// As the site renders guides: Shiki among the processor's own plugins, Astro's turned off.
const processor = await createMarkdownProcessor({ ...markdownOptions({ base: '/' }), syntaxHighlight: false });

async function render(markdown: string): Promise<string> {
  const { code } = await processor.render(markdown, {
    frontmatter: { title: 'T' },
    fileURL: new URL('file:///guides/x.md'),
  });
  return code;
}

/** What must never appear in published HTML, whatever the Markdown said. */
function expectInert(html: string) {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);
  // As an attribute value: an autolink's text may still read "javascript:…", as plain text.
  expect(html).not.toMatch(/=\s*"?[\s\u0000-\u001f]*(?:javascript|vbscript|data):/i);
  expect(html).not.toMatch(/<(?:iframe|object|embed|style)/i);
}

describe('the URL policy', () => {
  it('reads schemes the way browsers do', () => {
    expect(urlScheme('javascript:alert(1)')).toBe('javascript');
    expect(urlScheme(' JaVaScRiPt:alert(1)')).toBe('javascript');
    expect(urlScheme('java\tscr\nipt:alert(1)')).toBe('javascript');
    expect(urlScheme('\u0001javascript:x')).toBe('javascript');
    expect(urlScheme('/guides/x/')).toBeUndefined();
    expect(urlScheme('#top')).toBeUndefined();
    expect(urlScheme('../a:b')).toBeUndefined();
  });
  it('allows http(s), mailto:, tel: and relative URLs only', () => {
    for (const ok of [
      'https://example.org',
      'http://x.y',
      'mailto:a@b.c',
      'tel:+441234',
      '/a/',
      'b/',
      '#c',
      '?d',
      '',
    ]) {
      expect(isAllowedUrl(ok), ok).toBe(true);
    }
    for (const bad of [
      'javascript:x',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
      'blob:x',
      'DATA:image/png;base64,AA',
    ]) {
      expect(isAllowedUrl(bad), bad).toBe(false);
    }
  });
  it('knows which links leave the site', () => {
    expect(isExternalUrl('https://example.org/')).toBe(true);
    expect(isExternalUrl('//example.org/')).toBe(true);
    expect(isExternalUrl('/guides/')).toBe(false);
    expect(isExternalUrl('mailto:a@b.c')).toBe(false);
  });
});

describe('raw HTML in .md guides', () => {
  it('drops block HTML, scripts included', async () => {
    const html = await render('Before.\n\n<script>alert(1)</script>\n\n<div onclick="alert(1)">boxed</div>\n\nAfter.');
    expectInert(html);
    expect(html).not.toContain('boxed');
    expect(html).toContain('<p>Before.</p>');
    expect(html).toContain('<p>After.</p>');
  });
  it('drops inline HTML but keeps the Markdown text between tags', async () => {
    const html = await render(
      'Press <kbd>Ctrl</kbd> and <img src=x onerror="alert(1)"> then <a href="javascript:alert(1)">this</a>.',
    );
    expectInert(html);
    expect(html).toContain('<p>Press Ctrl and  then this.</p>');
  });
  it('drops HTML comments, styles, iframes and SVG with handlers', async () => {
    const html = await render(
      '<!-- <script>x</script> -->\n\n<style>body{display:none}</style>\n\n<iframe src="https://evil.example"></iframe>\n\n<svg onload="alert(1)"><circle/></svg>\n\nText.',
    );
    expectInert(html);
    expect(html).not.toContain('<!--');
    expect(html).not.toContain('<svg');
  });
  it('leaves raw HTML out through remark-rehype’s own option, before any plugin of ours runs', async () => {
    // Without rehype-safe-html: Astro runs rehype-raw after our plugins, so a plugin that drops raw
    // nodes works only while it runs first; remark-rehype's public `allowDangerousHtml: false` never
    // turns HTML into nodes at all.
    const options = markdownOptions({ base: '/' });
    const withoutSafeHtml = await createMarkdownProcessor({
      ...options,
      syntaxHighlight: false,
      rehypePlugins: (options.rehypePlugins ?? []).filter((plugin) => plugin !== rehypeSafeHtml),
    });
    const { code } = await withoutSafeHtml.render(
      'Before <kbd>Ctrl</kbd>.\n\n<script>alert(1)</script>\n\n<div onclick="alert(1)">boxed</div>\n\nAfter.',
      { frontmatter: { title: 'T' }, fileURL: new URL('file:///guides/x.md') },
    );
    expectInert(code);
    expect(code).not.toContain('boxed');
    expect(code).toContain('<p>Before Ctrl.</p>');
  });
  it('does not treat HTML inside code as HTML', async () => {
    const html = await render('`<script>`\n\n```html\n<script>alert(1)</script>\n```');
    expect(html).toContain('<code>&#x3C;script></code>');
    expect(html).not.toMatch(/<script/);
  });
});

describe('links', () => {
  it('refuses javascript:, data: and vbscript: links, keeping their text', async () => {
    const html = await render(
      [
        '[inline](javascript:alert(1))',
        '[entity](&#106;avascript:alert(1))',
        '[named entity](javascript&colon;alert(1))',
        '[data](data:text/html;base64,PHNjcmlwdD4=)',
        '[vb](VBScript:msgbox)',
        '<javascript:alert(1)>',
        '[ref][evil]',
        '',
        '[evil]: javascript:alert(1)',
      ].join('\n\n'),
    );
    expectInert(html);
    expect(html).not.toMatch(/vbscript/i);
    for (const text of ['inline', 'entity', 'named entity', 'data', 'vb', 'ref'])
      expect(html).toContain(`<p>${text}</p>`);
    expect(html).not.toContain('<a');
    expect(html).toContain('<p>javascript:alert(1)</p>');
  });
  it('leaves a tab-split scheme percent-encoded, which browsers read as a relative path', async () => {
    // remark-rehype encodes the tab; "java%09script:" has no scheme. The content check still
    // refuses it, reading the URL as written.
    expect(await render('[spaced](<java\tscript:alert(1)>)')).toContain('<a href="java%09script:alert(1)">');
  });
  it('removes images with refused sources', async () => {
    const html = await render(
      '![pixel](javascript:alert(1)) ![inline](data:image/svg+xml,<svg onload=alert(1)>) ![ok](/images/x.svg)',
    );
    expectInert(html);
    expect(html).toContain('<img src="/images/x.svg" alt="ok">');
    expect(html.match(/<img/g)).toHaveLength(1);
  });
  it('gives external links rel="noopener noreferrer" and leaves internal ones alone', async () => {
    const html = await render(
      '[out](https://example.org/) <https://auto.example/> www.literal.example [proto](//cdn.example/x) [in](/guides/x/) [frag](#top) [mail](mailto:a@b.c)',
    );
    expect(html).toContain('<a href="https://example.org/" rel="noopener noreferrer">out</a>');
    expect(html).toContain('<a href="https://auto.example/" rel="noopener noreferrer">');
    expect(html).toContain('<a href="http://www.literal.example" rel="noopener noreferrer">');
    expect(html).toContain('<a href="//cdn.example/x" rel="noopener noreferrer">proto</a>');
    expect(html).toContain('<a href="/guides/x/">in</a>');
    expect(html).toContain('<a href="#top">frag</a>');
    expect(html).toContain('<a href="mailto:a@b.c">mail</a>');
  });
  it('leaves footnote links working', async () => {
    const html = await render('Claim.[^1]\n\n[^1]: Source, <https://example.org/>.');
    expect(html).toMatch(/<a href="#user-content-fn-1"/);
    expect(html).toContain('href="https://example.org/" rel="noopener noreferrer"');
  });
});

describe('MDX JSX elements', () => {
  it('lose on* handlers, refused literal URLs and <script>; components are left alone', () => {
    const jsx = (name: string, attributes: Record<string, unknown>) => ({
      type: 'mdxJsxFlowElement',
      name,
      attributes: Object.entries(attributes).map(([key, value]) => ({ type: 'mdxJsxAttribute', name: key, value })),
      children: [],
    });
    const tree = {
      type: 'root',
      children: [
        jsx('a', { href: 'javascript:alert(1)', onClick: 'alert(1)', className: 'x' }),
        jsx('img', { src: 'data:image/png;base64,AA', onError: 'alert(1)', alt: 'a' }),
        jsx('script', {}),
        jsx('Chart', { onSelect: 'kept: components are reviewed code', href: 'javascript:kept' }),
      ],
    } as unknown as Root;
    rehypeSafeHtml()(tree);
    const names = (i: number) =>
      ((tree.children[i] as unknown as { attributes: { name: string }[] }).attributes ?? []).map((a) => a.name);
    expect(tree.children).toHaveLength(3);
    expect(names(0)).toEqual(['className']);
    expect(names(1)).toEqual(['alt']);
    expect(names(2)).toEqual(['onSelect', 'href']);
  });
});

describe('the content check', () => {
  const check = (body: string, mdx = false) =>
    checkBodySafety(body, { file: 'content/guides/x.md', bodyLine: 10, mdx }).map(
      (d) => `${d.severity} ${d.line}:${d.column} ${d.message}`,
    );

  it('refuses javascript:, data: and other schemes with file line and column, however they are written', () => {
    expect(
      check(
        'Intro.\n\nSee [this](javascript:alert(1)).\n\n![x](data:image/png;base64,AA)\n\n<vbscript:x>\n\n[r]: &#106;avascript:x\n\n[t](<java\tscript:x>)',
      ),
    ).toEqual([
      'error 12:5 link: expected an http(s), mailto:, tel: or relative URL, found "javascript:alert(1)" (javascript: URLs are refused)',
      'error 14:1 image: expected an http(s), mailto:, tel: or relative URL, found "data:image/png;base64,AA" (data: URLs are refused)',
      'error 16:1 link: expected an http(s), mailto:, tel: or relative URL, found "vbscript:x" (vbscript: URLs are refused)',
      'error 18:1 link definition: expected an http(s), mailto:, tel: or relative URL, found "javascript:x" (javascript: URLs are refused)',
      'error 20:1 link: expected an http(s), mailto:, tel: or relative URL, found "java\\tscript:x" (javascript: URLs are refused)',
    ]);
  });

  it('warns about raw HTML in .md guides, which is dropped, and not about HTML in code', () => {
    expect(
      check(
        'Text <img src=x onerror="alert(1)"> more.\n\n<div>\n<script>alert(1)</script>\n</div>\n\n`<b>`\n\n```html\n<p>\n```',
      ),
    ).toEqual([
      'warning 10:6 raw HTML: `<img src=x onerror="alert(1)">` is left out of the page; .md guides publish no HTML (write the guide as .mdx and use a component from src/components/mdx/)',
      'warning 12:1 raw HTML: `<div>` is left out of the page; .md guides publish no HTML (write the guide as .mdx and use a component from src/components/mdx/)',
    ]);
  });

  it('checks links but not tags in .mdx guides (JSX is not raw HTML)', () => {
    expect(check('<Callout kind="tip">Hi</Callout>\n\n[x](javascript:void(0))', true)).toEqual([
      'error 12:1 link: expected an http(s), mailto:, tel: or relative URL, found "javascript:void(0)" (javascript: URLs are refused)',
    ]);
  });

  it('parses only bodies that might hold HTML or a refused link', () => {
    expect(
      needsSafetyParse(
        'Plain [link](https://x.org) and [in](/guides/a/) <https://x.org> and `<code>`.\n\n```html\n<div>\n```',
      ),
    ).toBe(false);
    expect(needsSafetyParse('[x]( javascript:a)')).toBe(true);
    expect(needsSafetyParse('[x]: <data:x>')).toBe(true);
    expect(needsSafetyParse('[x](&#104;ttps://ok)')).toBe(true);
    expect(needsSafetyParse('a <b>bold</b>')).toBe(true);
    expect(needsSafetyParse('[^1]: footnote text')).toBe(false);
  });

  it('finds nothing in the real guides', async () => {
    const { checkGuideFolder } = await import('../../content-tools/guide-files');
    const { diagnostics } = await checkGuideFolder('content/guides');
    expect(diagnostics.filter((d) => d.rule === 'unsafe-url' || d.rule === 'raw-html')).toEqual([]);
  });
});
