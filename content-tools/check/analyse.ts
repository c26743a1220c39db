/**
 * Reads a guide's body once and collects what every rule needs: words and reading time, headings
 * with their ids, every link and image with its position, the anchors other guides may point
 * at, and where code is (entities in code are meant). One Markdown parse per guide; the rules
 * themselves never parse, and a build's render reuses the tree (`keepTree`,
 * src/markdown/remark-reuse-parse.ts). Node only (see ./headings.ts).
 */
import type { Definition, Heading, Root, RootContent } from 'mdast';
import { normaliseTitle } from '../../src/markdown/rehype-guide-html';
import { countWords, firstParagraph, parseMarkdown, readingMinutes } from '../../src/lib/markdown-text';
import { SKIP, textOf, walkTree } from '../../src/lib/tree-walk';
import { exactHeadingIds, fastHeadingIds, type HeadingId } from './headings';
import { parseMdx, undefinedMdxNames, type UndefinedName } from './mdx-names';
import { calculatorPropProblems, type PropProblem } from './mdx-props';
import { LineIndex } from './positions';

export interface Located {
  /** 1-based line and column in the whole file. */
  line: number;
  column: number;
}

export interface HeadingFact extends Located, HeadingId {
  /** A first `# H1` equal to the title: the layout drops it, so it is no link target. */
  droppedAsTitle: boolean;
}

export type LinkKind = 'link' | 'image' | 'definition' | 'html-link' | 'html-image';

export interface LinkFact extends Located {
  kind: LinkKind;
  url: string;
  /** Offsets of the URL as written, in the body, when it is written verbatim (for rewriting). */
  urlStart?: number;
  urlEnd?: number;
  /** For images: the text alternative (`undefined` for an HTML image without `alt`). */
  alt?: string;
}

export interface BodyAnalysis {
  words: number;
  readingMinutes: number;
  firstParagraph: string | undefined;
  headings: HeadingFact[];
  /** Every fragment this guide's page answers to: heading ids, HTML ids, footnotes. */
  anchors: Set<string>;
  links: LinkFact[];
  /** Body offsets of code, inline code and raw HTML. */
  codeRanges: [number, number][];
  /** No prose, code, image, table or list: nothing a reader would see but headings. */
  empty: boolean;
  /** Set when the exact heading pipeline failed (an MDX guide that does not parse). */
  parseError?: { message: string; line: number; column: number };
  /** In an MDX guide that parses, the names it uses that nothing defines (file lines). */
  mdxUndefined?: UndefinedName[];
  /** In an MDX guide that parses, calculator props written as literals that their schema refuses (file lines). */
  mdxProps?: PropProblem[];
}

export interface AnalyseOptions {
  /** The file line the body starts on. */
  bodyLine: number;
  mdx: boolean;
  frontmatter: Record<string, unknown>;
  /**
   * Given the tree of a Markdown guide and the exact text it was parsed from, for the render to
   * reuse; the analysis keeps no reference to it. Not called for MDX, whose compiler parses its own.
   */
  keepTree?: (text: string, tree: Root) => void;
}

const HTML_ATTR = (name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i');
const HTML_TAG = /<(a|img)\b[^>]*>/gi;
const HTML_ID = /\sid\s*=\s*(?:"([^"]+)"|'([^']+)')/gi;
const VISIBLE = new Set(['paragraph', 'code', 'table', 'list', 'image', 'imageReference', 'blockquote', 'html']);

/** Line endings as the Markdown parser counts them. */
const LINE_ENDINGS = /\r\n|\r|\n/g;

export function analyseBody(body: string, options: AnalyseOptions): BodyAnalysis {
  // Astro renders a Markdown body trimmed (its entry type does), so that is the text parsed: the
  // render can then take the very tree. Positions are carried back to the body as written.
  const text = body.trim();
  const lead = body.length - body.trimStart().length;
  const leading = body.slice(0, lead);
  const lineShift = leading.match(LINE_ENDINGS)?.length ?? 0;
  const columnShift = lead - (Math.max(leading.lastIndexOf('\n'), leading.lastIndexOf('\r')) + 1);
  // A .md guide's `import …` and `export …` lines are prose or code on its page, and counted so.
  const tree = parseMarkdown(text, { literalAutolinks: false, esmLines: options.mdx ? 'blank' : 'keep' });
  const words = countWords(tree);
  /** A body line and column to a file line and column. */
  const inFile = (position: { line: number; column: number }): Located => ({
    line: position.line + options.bodyLine - 1,
    column: position.column,
  });
  /** A point of the tree to a file line and column. */
  const at = (position: { line: number; column: number } | undefined): Located =>
    position
      ? inFile({
          line: position.line + lineShift,
          column: position.column + (position.line === 1 ? columnShift : 0),
        })
      : inFile({ line: 1, column: 1 });
  /** An offset in the tree's text to one in the body. */
  const offsetOf = (point: { offset?: number | undefined } | undefined) => (point?.offset ?? 0) + lead;

  // Heading ids: the fast path when every heading is plain, the build's own pipeline otherwise.
  const headingNodes: Heading[] = [];
  const links: LinkFact[] = [];
  const codeRanges: [number, number][] = [];
  const anchors = new Set<string>();
  const definitions = new Map<string, Definition>();
  let hasFootnotes = false;
  let empty = true;

  const visit = (node: Root | RootContent): typeof SKIP | undefined => {
    if (VISIBLE.has(node.type) && !(node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/.test(node.value))) {
      if (node.type !== 'paragraph' || textOf(node).trim() !== '') empty = false;
    }
    switch (node.type) {
      case 'heading':
        headingNodes.push(node);
        break;
      case 'code':
      case 'inlineCode':
        if (node.position) codeRanges.push([offsetOf(node.position.start), offsetOf(node.position.end)]);
        return SKIP;
      case 'html': {
        if (node.position) codeRanges.push([offsetOf(node.position.start), offsetOf(node.position.end)]);
        collectHtml(node.value, offsetOf(node.position?.start));
        return SKIP;
      }
      case 'link':
      case 'image':
      case 'definition': {
        const start = offsetOf(node.position?.start);
        const end = node.position?.end.offset === undefined ? start : offsetOf(node.position.end);
        const source = body.slice(start, end);
        // The URL is searched for after the text, so that `[x](x)` finds the destination.
        const from = node.type === 'definition' ? source.indexOf(':') : source.lastIndexOf('](');
        const index = from === -1 ? -1 : source.indexOf(node.url, from);
        links.push({
          ...at(node.position?.start),
          kind: node.type,
          url: node.url,
          ...(index !== -1 && node.url ? { urlStart: start + index, urlEnd: start + index + node.url.length } : {}),
          ...(node.type === 'image' ? { alt: node.alt ?? '' } : {}),
        });
        if (node.type === 'definition') definitions.set(node.identifier, node);
        break;
      }
      case 'footnoteReference':
        hasFootnotes = true;
        anchors.add(`user-content-fnref-${node.identifier}`);
        break;
      case 'footnoteDefinition':
        hasFootnotes = true;
        anchors.add(`user-content-fn-${node.identifier}`);
        break;
      default:
        break;
    }
    return undefined;
  };

  let bodyLines: LineIndex | undefined;
  const collectHtml = (html: string, offset: number) => {
    for (const match of html.matchAll(HTML_ID)) anchors.add(match[1] ?? match[2] ?? '');
    for (const match of html.matchAll(HTML_TAG)) {
      const tag = match[0];
      const isImage = (match[1] ?? '').toLowerCase() === 'img';
      const attr = HTML_ATTR(isImage ? 'src' : 'href').exec(tag);
      if (!attr) continue;
      const url = attr[1] ?? attr[2] ?? '';
      const tagOffset = offset + (match.index ?? 0);
      const urlIndex = tag.indexOf(url, attr.index);
      const position = (bodyLines ??= new LineIndex(body)).at(tagOffset);
      const alt = HTML_ATTR('alt').exec(tag);
      links.push({
        ...inFile(position),
        kind: isImage ? 'html-image' : 'html-link',
        url,
        ...(url ? { urlStart: tagOffset + urlIndex, urlEnd: tagOffset + urlIndex + url.length } : {}),
        ...(isImage ? { alt: alt ? (alt[1] ?? alt[2] ?? '') : undefined } : {}),
      } as LinkFact);
    }
  };

  walkTree<Root | RootContent>(tree, visit);
  // Reference-style images take their text from the reference, their URL from the definition.
  const imageRefs: LinkFact[] = [];
  const visitRefs = (node: Root | RootContent) => {
    if (node.type === 'imageReference') {
      const definition = definitions.get(node.identifier);
      if (definition)
        imageRefs.push({ ...at(node.position?.start), kind: 'image', url: definition.url, alt: node.alt ?? '' });
    }
  };
  walkTree<Root | RootContent>(tree, visitRefs);
  links.push(...imageRefs);
  // Definitions that only images use are image paths, not links.
  const imageOnly = new Set(imageRefs.map((l) => l.url));
  for (const link of links) if (link.kind === 'definition' && imageOnly.has(link.url)) link.kind = 'image';

  let ids: HeadingId[] | undefined = options.mdx ? undefined : fastHeadingIds(tree);
  let parseError: BodyAnalysis['parseError'];
  if (!ids) {
    try {
      ids = exactHeadingIds(body, options.frontmatter, options.mdx).filter((h) => h.slug !== 'footnote-label');
    } catch (error) {
      const place = (error as { place?: { line?: number; column?: number; start?: { line: number; column: number } } })
        .place;
      const point =
        place && 'start' in place && place.start ? place.start : (place as { line?: number; column?: number });
      parseError = {
        // The parser's own positions are body-relative; the diagnostic carries file positions.
        message: ((error as Error).message.split('\n')[0] ?? String(error)).replace(/ \(\d+:\d+(?:-\d+:\d+)?\)$/, ''),
        line: (point?.line ?? 1) + options.bodyLine - 1,
        column: point?.column ?? 1,
      };
      ids = fastHeadingIds(tree) ?? [];
    }
  }
  const title = options.frontmatter['title'];
  const firstNode = tree.children.find((n) => n.type !== 'html' || !/^\s*<!--/.test(n.value));
  const headings: HeadingFact[] = headingNodes.map((node, i) => {
    const id = ids?.[i] ?? { depth: node.depth, text: textOf(node), slug: '' };
    const droppedAsTitle =
      i === 0 &&
      node === firstNode &&
      node.depth === 1 &&
      typeof title === 'string' &&
      normaliseTitle(textOf(node)) === normaliseTitle(title);
    return { ...at(node.position?.start), ...id, droppedAsTitle };
  });
  for (const heading of headings) if (!heading.droppedAsTitle && heading.slug) anchors.add(heading.slug);
  if (hasFootnotes) anchors.add('footnote-label');
  anchors.delete('');
  // What would make an MDX guide's page fail to render, read from one more parse of it.
  const mdxTree = options.mdx && !parseError ? parseMdx(body) : undefined;
  const mdxUndefined = undefinedMdxNames(mdxTree).map((found) => ({ ...found, ...inFile(found) }));
  const mdxProps = calculatorPropProblems(mdxTree).map((problem) => ({ ...problem, ...inFile(problem) }));
  // Done with the tree: the render may change it.
  if (options.keepTree && !options.mdx) options.keepTree(text, tree);

  return {
    words,
    readingMinutes: readingMinutes(words),
    firstParagraph: firstParagraph(tree),
    headings,
    anchors,
    links,
    codeRanges,
    empty,
    ...(parseError ? { parseError } : {}),
    ...(mdxUndefined.length > 0 ? { mdxUndefined } : {}),
    ...(mdxProps.length > 0 ? { mdxProps } : {}),
  };
}
