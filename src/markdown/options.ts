/**
 * The unified() options every guide is rendered with, Markdown and MDX alike (@astrojs/mdx
 * inherits `markdown.processor`). GFM comes from remark-gfm here, so `gfm: false` stops Astro
 * from adding it a second time; typographic punctuation from ./remark-smart-punctuation.ts, in
 * the place Astro's `smartypants` would run. The options depend on the site's base path, which
 * ./rehype-base-links.ts puts in front of every root-relative URL a guide writes.
 * Shiki runs here too, where Astro's own highlighting would run, and `markdown.syntaxHighlight` is
 * off: from that setting alone Astro warns on every build that Shiki writes inline styles a
 * Content-Security-Policy blocks, while here rehype-code-classes turns those styles into classes.
 */
import {
  rehypeHeadingIds,
  rehypeShiki,
  type ShikiConfig,
  type UnifiedProcessorOptions,
} from '@astrojs/markdown-remark';
import type { ElementContent } from 'hast';
import remarkGfm from 'remark-gfm';
import rehypeBaseLinks from './rehype-base-links';
import rehypeCodeClasses from './rehype-code-classes';
import rehypeGuideHtml, { rehypeFootnoteLabel } from './rehype-guide-html';
import rehypeSafeHtml from './rehype-safe-html';
import rehypeTableAlign from './rehype-table-align';
import remarkBodyFacts from './remark-body-facts';
import remarkCallouts from './remark-callouts';
import remarkReuseParse from './remark-reuse-parse';
import remarkSmartPunctuation from './remark-smart-punctuation';
import { defaultMarkdownText, type MarkdownTextFor } from './interface-text';

/** How code is highlighted: both themes as CSS variables, chosen by the page's theme (prose.css). */
export const shikiConfig = {
  themes: { light: 'github-light', dark: 'github-dark-dimmed' },
  defaultColor: false,
} satisfies ShikiConfig;

/** The remark plugins after typographic punctuation (the content check runs them without it). */
export const contentRemarkPlugins = [remarkGfm, remarkCallouts];

/** How Markdown becomes HTML; the content check builds its headings with the same options. */
export const remarkRehypeOptions = {
  // Raw HTML in a .md guide is left out as Markdown becomes HTML, through remark-rehype's own
  // option (Astro sets it to true and lets ours win): it never becomes nodes for Astro's
  // rehype-raw to parse, whatever order the plugins run in. MDX has no raw HTML (its tags are JSX).
  allowDangerousHtml: false,
  // The footnotes' heading and back links get their words in the guide's language from
  // ./rehype-guide-html.ts; here a back link is named by its reference alone. A note cited twice
  // gets a second back link showing "↩2": its name must include that 2 (WCAG 2.5.3).
  footnoteBackLabel: (i: number, again: number) => `${i + 1}${again > 1 ? `-${again}` : ''}`,
  // The arrow points back along the line, so a right-to-left page mirrors it (.flip-in-rtl in
  // base.css); the count beside it is not mirrored.
  footnoteBackContent: (_i: number, again: number) => {
    const arrow = { type: 'text', value: '↩' } as const;
    const content: ElementContent[] = [
      { type: 'element', tagName: 'span', properties: { className: ['flip-in-rtl'] }, children: [arrow] },
    ];
    if (again > 1)
      content.push({
        type: 'element',
        tagName: 'sup',
        properties: {},
        children: [{ type: 'text', value: String(again) }],
      });
    return content;
  },
} satisfies UnifiedProcessorOptions['remarkRehype'];

/**
 * The options for a site published under `base` (`/` or `/docs/`, as astro.config.ts resolves it);
 * `textFor` gives a guide's added words in its language (the default language's when left out).
 */
export function markdownOptions({
  base,
  textFor = defaultMarkdownText(),
}: {
  base: string;
  textFor?: MarkdownTextFor;
}): UnifiedProcessorOptions {
  return {
    gfm: false,
    smartypants: false,
    // The tree the content check parsed, when it kept one (./remark-reuse-parse.ts: it changes the
    // parser, no tree). Body facts first among the tree's plugins: they count the text as written
    // (./remark-body-facts.ts).
    remarkPlugins: [
      remarkReuseParse,
      remarkBodyFacts,
      remarkSmartPunctuation,
      remarkGfm,
      [remarkCallouts, { textFor }],
    ],
    rehypePlugins: [
      [rehypeShiki, shikiConfig],
      [rehypeFootnoteLabel, { textFor }],
      rehypeHeadingIds,
      rehypeSafeHtml,
      [rehypeBaseLinks, { base }],
      rehypeTableAlign,
      rehypeCodeClasses,
      [rehypeGuideHtml, { textFor }],
    ],
    remarkRehype: remarkRehypeOptions,
  };
}
