import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
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
