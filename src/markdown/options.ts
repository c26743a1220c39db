/**
 * The unified() options every guide is rendered with, Markdown and MDX alike. GFM comes from
 * remark-gfm here, so `gfm: false` stops Astro from adding it a second time; typographic
 * punctuation from ./remark-smart-punctuation.ts, in the place Astro's `smartypants` would run.
 */
import { rehypeHeadingIds, type UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import rehypeCodeClasses from './rehype-code-classes';
import rehypeGuideHtml from './rehype-guide-html';
import rehypeSafeHtml from './rehype-safe-html';
import rehypeTableAlign from './rehype-table-align';
import remarkBodyFacts from './remark-body-facts';
import remarkCallouts from './remark-callouts';
import remarkSmartPunctuation from './remark-smart-punctuation';

/** The remark plugins after typographic punctuation (the content check runs them without it). */
export const contentRemarkPlugins = [remarkGfm, remarkCallouts];

export const markdownOptions: UnifiedProcessorOptions = {
  gfm: false,
  smartypants: false,
  // Body facts first: they count the text as written (./remark-body-facts.ts).
  remarkPlugins: [remarkBodyFacts, remarkSmartPunctuation, ...contentRemarkPlugins],
  rehypePlugins: [rehypeHeadingIds, rehypeSafeHtml, rehypeTableAlign, rehypeCodeClasses, rehypeGuideHtml],
  remarkRehype: {
    footnoteLabel: 'Sources and notes',
    // A note cited twice gets a second back link showing "↩2": its name must include that 2 (WCAG 2.5.3).
    footnoteBackLabel: (i: number, again: number) => `Back to reference ${i + 1}${again > 1 ? `-${again}` : ''}`,
  },
};
