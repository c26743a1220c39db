/**
 * Shapes the HTML of every guide at build time:
 * - drops a first `<h1>` that repeats the front-matter title (the layout shows the title);
 * - names GFM task-list checkboxes after their item's text;
 * - gives h2–h4 an anchor link beside them (a sibling in a wrapper, so the heading's own text
 *   and Astro's collected headings stay clean), ignored by search;
 * - wraps each Shiki block with a bar naming its language and a copy button that
 *   `<copy-code>` (src/client/copy-code.ts) enables.
 * Runs after Shiki and after `rehypeHeadingIds`, which must come first in the plugin list.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import { defaultMarkdownText, type MarkdownText, type MarkdownTextFor } from './interface-text';

const LANGUAGE_NAMES: Record<string, string> = {
  bash: 'Bash',
  sh: 'Shell',
  shell: 'Shell',
  console: 'Console',
  js: 'JavaScript',
  javascript: 'JavaScript',
  ts: 'TypeScript',
  typescript: 'TypeScript',
  tsx: 'TSX',
  jsx: 'JSX',
  json: 'JSON',
  jsonc: 'JSON',
  yaml: 'YAML',
  yml: 'YAML',
  toml: 'TOML',
  py: 'Python',
  python: 'Python',
  sql: 'SQL',
  html: 'HTML',
  css: 'CSS',
  md: 'Markdown',
  markdown: 'Markdown',
  mdx: 'MDX',
  go: 'Go',
  rust: 'Rust',
  dockerfile: 'Dockerfile',
  hcl: 'HCL',
  diff: 'Diff',
  plaintext: 'Text',
  text: 'Text',
};

export function languageName(lang: string | undefined): string {
  if (!lang) return 'Text';
  return LANGUAGE_NAMES[lang.toLowerCase()] ?? lang;
}

/** How a heading is compared with the title; the content checker uses it to know which H1 is dropped. */
export function normaliseTitle(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number}]+/gu, ' ')
    .trim();
}

function dropTitleHeading(tree: Root, title: unknown): void {
  if (typeof title !== 'string') return;
  const first = tree.children.find(
    (node) => node.type === 'element' || (node.type === 'text' && node.value.trim() !== ''),
  );
  if (
    first?.type === 'element' &&
    first.tagName === 'h1' &&
    normaliseTitle(toString(first)) === normaliseTitle(title)
  ) {
    tree.children.splice(tree.children.indexOf(first), 1);
  }
}

/** Class names whichever way they are stored: hast's `className` list or Shiki's `class` string. */
function classList(node: Element): string[] {
  const value = node.properties['className'] ?? node.properties['class'];
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}

function anchorFor(heading: Element, text: MarkdownText): ElementContent | undefined {
  const id = heading.properties['id'];
  if (typeof id !== 'string' || !id) return undefined;
  return {
    type: 'element',
    tagName: 'a',
    properties: { className: ['heading-anchor'], href: `#${id}`, dataPagefindIgnore: '' },
    children: [
      {
        type: 'element',
        tagName: 'span',
        properties: { ariaHidden: 'true' },
        children: [{ type: 'text', value: '#' }],
      },
      {
        type: 'element',
        tagName: 'span',
        properties: { className: ['sr-only'] },
        children: [{ type: 'text', value: text.sectionTitled(toString(heading).trim()) }],
      },
    ],
  };
}

/** GFM task-list checkboxes get their item's text as their accessible name. */
function labelTaskCheckbox(item: Element): void {
  const own = item.children.filter((child) => !(child.type === 'element' && ['ul', 'ol'].includes(child.tagName)));
  const text = own
    .map((child) => toString(child))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  visit(item, 'element', (child) => {
    if (child.tagName === 'input' && child.properties['type'] === 'checkbox') {
      child.properties['ariaLabel'] = text;
      return SKIP;
    }
    if (child !== item && ['ul', 'ol'].includes(child.tagName)) return SKIP;
    return undefined;
  });
}

function codeBlock(pre: Element, text: MarkdownText): Element {
  const lang = typeof pre.properties['dataLanguage'] === 'string' ? pre.properties['dataLanguage'] : undefined;
  const name = languageName(lang);
  return {
    type: 'element',
    tagName: 'div',
    properties: { className: ['code-block'] },
    children: [
      {
        type: 'element',
        tagName: 'div',
        properties: { className: ['code-block-bar'], dataPagefindIgnore: '' },
        children: [
          {
            type: 'element',
            tagName: 'span',
            properties: { className: ['code-block-lang'] },
            children: [{ type: 'text', value: name }],
          },
          {
            type: 'element',
            tagName: 'copy-code',
            // What <copy-code> says after a click (src/client/copy-code.ts), in the guide's language.
            properties: { dataCopied: text.copied, dataFailed: text.copyFailed },
            children: [
              {
                type: 'element',
                tagName: 'button',
                properties: {
                  type: 'button',
                  className: ['copy-button'],
                  disabled: true,
                  ariaLabel: text.copyCode(name),
                },
                children: [{ type: 'text', value: text.copy }],
              },
            ],
          },
        ],
      },
      pre,
    ],
  };
}

/**
 * The footnotes' heading in the guide's language. Runs before the heading ids are collected, so
 * the table of contents names it as the page does (remark-rehype's own label is one per processor).
 */
export function rehypeFootnoteLabel(options: { textFor?: MarkdownTextFor } = {}) {
  return (tree: Root, file: { path?: string }) => {
    visit(tree, 'element', (node) => {
      if (node.properties['id'] !== 'footnote-label') return undefined;
      node.children = [{ type: 'text', value: (options.textFor ?? defaultMarkdownText())(file.path).footnotes }];
      return SKIP;
    });
  };
}

/** `textFor` gives the words added to a guide in its language (src/data/markdown-text.ts). */
export default function rehypeGuideHtml(options: { textFor?: MarkdownTextFor } = {}) {
  return (tree: Root, file: { path?: string; data: { astro?: { frontmatter?: Record<string, unknown> } } }) => {
    const text = (options.textFor ?? defaultMarkdownText())(file.path);
    dropTitleHeading(tree, file.data.astro?.frontmatter?.['title']);
    visit(tree, 'element', (node, index, parent) => {
      if (/^h[2-4]$/.test(node.tagName) && parent && index !== undefined) {
        // GFM's footnote heading is visually hidden; the sources deserve a visible heading.
        if (node.properties['id'] === 'footnote-label') {
          const classes = classList(node).filter((c) => c !== 'sr-only');
          node.properties['className'] = classes.length ? classes : undefined;
        }
        const anchor = anchorFor(node, text);
        if (!anchor) return SKIP;
        parent.children[index] = {
          type: 'element',
          tagName: 'div',
          properties: { className: ['heading-wrapper', `heading-${node.tagName}`] },
          children: [node, anchor],
        };
        return SKIP;
      }
      if (node.tagName === 'li' && classList(node).includes('task-list-item')) {
        labelTaskCheckbox(node);
        return undefined;
      }
      if (node.tagName === 'pre' && parent && index !== undefined && classList(node).includes('astro-code')) {
        parent.children[index] = codeBlock(node, text);
        return SKIP;
      }
      // remark-rehype names each back link by its reference alone (./options.ts): here, in words.
      if (node.tagName === 'a' && node.properties['dataFootnoteBackref'] !== undefined) {
        node.properties['ariaLabel'] = text.backToReference(String(node.properties['ariaLabel']));
        return undefined;
      }
      return undefined;
    });
  };
}
