// @mdx-js/mdx is the compiler @astrojs/mdx runs; it is what turns `align` into a style.
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { compile } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import { describe, expect, it } from 'vitest';
import rehypeTableAlign from '~/markdown/rehype-table-align';

const TABLE = '| Segment | Value | Note |\n| :--- | ---: | :---: |\n| Networks | 0.059 | x |\n';

describe('rehype-table-align', () => {
  it('turns GFM column alignment into classes in Markdown', async () => {
    const processor = await createMarkdownProcessor({ rehypePlugins: [rehypeTableAlign], syntaxHighlight: false });
    const html = (await processor.render(TABLE)).code;
    expect(html).toContain('<th class="align-start">Segment</th>');
    expect(html).toContain('<td class="align-end">0.059</td>');
    expect(html).toContain('<td class="align-center">x</td>');
    expect(html).not.toContain('align=');
  });

  it('leaves MDX no align for it to rewrite into a style attribute', async () => {
    const without = String(await compile(TABLE, { remarkPlugins: [remarkGfm] }));
    expect(without).toContain('textAlign');
    const js = String(await compile(TABLE, { remarkPlugins: [remarkGfm], rehypePlugins: [rehypeTableAlign] }));
    expect(js).not.toContain('textAlign');
    expect(js).toContain('className: "align-end"');
  });
});
