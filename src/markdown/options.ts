/**
 * The unified() options every guide is rendered with, Markdown and MDX alike. GFM comes from
 * remark-gfm here, so `gfm: false` stops Astro from adding it a second time.
 */
import { rehypeHeadingIds, type UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import rehypeCodeClasses from './rehype-code-classes';
import rehypeGuideHtml from './rehype-guide-html';
import rehypeSafeHtml from './rehype-safe-html';
import rehypeTableAlign from './rehype-table-align';
import remarkCallouts from './remark-callouts';

export const markdownOptions: UnifiedProcessorOptions = {
  gfm: false,
  smartypants: true,
  remarkPlugins: [remarkGfm, remarkCallouts],
  rehypePlugins: [rehypeHeadingIds, rehypeSafeHtml, rehypeTableAlign, rehypeCodeClasses, rehypeGuideHtml],
  remarkRehype: {
    footnoteLabel: 'Sources and notes',
    // A note cited twice gets a second back link showing "↩2": its name must include that 2 (WCAG 2.5.3).
    footnoteBackLabel: (i: number, again: number) => `Back to reference ${i + 1}${again > 1 ? `-${again}` : ''}`,
  },
};
