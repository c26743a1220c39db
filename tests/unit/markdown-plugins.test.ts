import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { kindOfLabel } from '~/markdown/remark-callouts';
import { languageName } from '~/markdown/rehype-guide-html';
import { markdownOptions } from '~/markdown/options';

// As the site renders guides: Shiki among the processor's own plugins, Astro's turned off.
const processor = await createMarkdownProcessor({ ...markdownOptions({ base: '/' }), syntaxHighlight: false });

async function render(markdown: string, title = 'The title') {
  const { code, metadata } = await processor.render(markdown, { frontmatter: { title } });
  return { html: code, headings: metadata.headings };
}

describe('callouts', () => {
  it('turns GitHub alerts into labelled asides', async () => {
    const { html } = await render('> [!WARNING]\n> Mind the gap.');
    expect(html).toContain('<aside class="callout callout-warning" aria-label="Warning">');
    expect(html).toContain('<p class="callout-title" aria-hidden="true">Warning</p>');
    expect(html).toContain('<p>Mind the gap.</p>');
    expect(html).not.toContain('[!WARNING]');
  });
  it('turns the bold-label convention into asides, emoji and colon removed from the title', async () => {
    const { html } = await render('> **💡 Pro Tip:** Batch your requests.');
    expect(html).toContain('<aside class="callout callout-tip" aria-label="Pro Tip">');
    expect(html).toContain('<p>Batch your requests.</p>');
    const note = await render('> **📝 Note:** Read this.');
    expect(note.html).toContain('callout-note');
  });
  it('leaves ordinary blockquotes alone', async () => {
    const { html } = await render('> **Bold start** of a quote.');
    expect(html).toContain('<blockquote>');
    expect(html).not.toContain('callout');
  });
  it('maps labels to kinds', () => {
    expect(kindOfLabel('⚠️ Warning:')).toBe('warning');
    expect(kindOfLabel('Tip')).toBe('tip');
    expect(kindOfLabel('Important:')).toBe('important');
    expect(kindOfLabel('Summary')).toBeUndefined();
  });
  it('knows the Spanish labels, so translated guides keep their callouts', async () => {
    expect(kindOfLabel('💡 Consejo práctico:')).toBe('tip');
    expect(kindOfLabel('Consejo')).toBe('tip');
    expect(kindOfLabel('📝 Nota:')).toBe('note');
    expect(kindOfLabel('Importante')).toBe('important');
    expect(kindOfLabel('⚠️ Advertencia:')).toBe('warning');
    expect(kindOfLabel('Precaución')).toBe('caution');
    const { html } = await render('> **⚠️ Advertencia:** Cuente todos los experimentos.');
    expect(html).toContain('<aside class="callout callout-warning" aria-label="Advertencia">');
    expect(html).toContain('<p>Cuente todos los experimentos.</p>');
  });
});

describe('French callout labels', () => {
  it('knows the French labels, so translated guides keep their callouts', async () => {
    expect(kindOfLabel('💡 Astuce de pro\u00a0:')).toBe('tip');
    expect(kindOfLabel('Conseil')).toBe('tip');
    expect(kindOfLabel('📝 Remarque :')).toBe('note');
    expect(kindOfLabel('⚠️ Attention :')).toBe('warning');
    expect(kindOfLabel('Prudence')).toBe('caution');
    const { html } = await render('> **📝 Remarque :** Comptez toutes les expériences.');
    expect(html).toContain('<aside class="callout callout-note" aria-label="Remarque">');
  });
});

describe('headings', () => {
  it('adds an anchor link beside h2-h4 without touching the heading text', async () => {
    const { html, headings } = await render('## Why it matters\n\n### Details');
    expect(html).toContain(
      '<div class="heading-wrapper heading-h2"><h2 id="why-it-matters">Why it matters</h2><a class="heading-anchor" href="#why-it-matters" data-pagefind-ignore="">',
    );
    expect(headings).toEqual([
      { depth: 2, slug: 'why-it-matters', text: 'Why it matters' },
      { depth: 3, slug: 'details', text: 'Details' },
    ]);
  });
  it('drops a first h1 that repeats the title, ATX or setext', async () => {
    expect((await render('# The Title!\n\nText.')).html).not.toContain('<h1');
    expect((await render('The title\n=========\n\nText.')).html).not.toContain('<h1');
    expect((await render('# Another heading\n\nText.')).html).toContain('<h1');
  });
});

describe('code blocks', () => {
  it('highlights in both themes and adds a language label and a copy button', async () => {
    const { html } = await render('```python\nprint(1)\n```');
    expect(html).toContain('<span class="code-block-lang">Python</span>');
    expect(html).toContain(
      '<copy-code data-copied="Copied" data-failed="Copy failed"><button type="button" class="copy-button" disabled aria-label="Copy Python code">Copy</button></copy-code>',
    );
    // Colours are classes (src/markdown/code-classes.ts): no inline style for the CSP to block.
    expect(html).toMatch(/<span class="sl-[0-9a-f]{6} sd-[0-9a-f]{6}">print<\/span>/);
    expect(html).not.toContain('style=');
  });
  it('names languages readably', () => {
    expect(languageName('ts')).toBe('TypeScript');
    expect(languageName(undefined)).toBe('Text');
    expect(languageName('zig')).toBe('zig');
  });
});

describe('GitHub-flavoured Markdown', () => {
  it('renders tables, task lists, footnotes, strikethrough and autolinks, once each', async () => {
    const { html } = await render(
      '| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n\n~~old~~ https://example.org\n\nNote.[^1]\n\n[^1]: Source.',
    );
    expect(html).toContain('<table>');
    expect(html).toContain('<input type="checkbox" checked disabled aria-label="done">');
    expect(html).toContain('<del>old</del>');
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer">https://example.org</a>');
    expect(html).toContain('<h2 id="footnote-label">Sources and notes</h2>');
    expect(html.match(/<del>/g)).toHaveLength(1);
  });
});
