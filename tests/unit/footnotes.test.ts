import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { markdownTextFor } from '~/data/markdown-text';
import { siteLanguages } from '~/lib/languages';
import { markdownOptions } from '~/markdown/options';

describe('footnote back links', () => {
  it('name every back link after the number it shows, so a second citation reads "1-2"', async () => {
    const processor = await createMarkdownProcessor({ ...markdownOptions({ base: '/' }), syntaxHighlight: false });
    const { code } = await processor.render('One.[^a] Two.[^a]\n\n[^a]: The source.\n');
    expect(code).toMatch(/aria-label="Back to reference 1"[^>]*><span class="flip-in-rtl">↩<\/span><\/a>/);
    expect(code).toMatch(
      /aria-label="Back to reference 1-2"[^>]*><span class="flip-in-rtl">↩<\/span><sup>2<\/sup><\/a>/,
    );
  });
});

describe('the words Markdown adds, in the guide’s language', () => {
  it('titles the footnotes, names the back links, callouts and copy buttons in French for a guide in fr/', async () => {
    const languages = siteLanguages({ language: 'en', languages: [{ code: 'fr' }] });
    const textFor = markdownTextFor(languages, process.cwd(), 'content/guides');
    const processor = await createMarkdownProcessor({
      ...markdownOptions({ base: '/', textFor }),
      syntaxHighlight: false,
    });
    const source = '> [!TIP]\n> Short.\n\nOne.[^a]\n\n```python\nx = 1\n```\n\n[^a]: The source.\n';
    const french = await processor.render(source, {
      fileURL: pathToFileURL(`${process.cwd()}/content/guides/fr/2025-01-01-x.md`),
    });
    expect(french.code).toContain('>Sources et notes</h2>');
    expect(french.code).toMatch(/aria-label="Retour à la référence 1"/);
    expect(french.code).toContain('aria-label="Astuce"');
    expect(french.code).toContain('data-copied="Copié"');
    const english = await processor.render(source, {
      fileURL: pathToFileURL(`${process.cwd()}/content/guides/2025-01-01-x.md`),
    });
    expect(english.code).toContain('>Sources and notes</h2>');
    expect(english.code).toContain('aria-label="Tip"');
  });
});
