/**
 * The French guides in content/guides/fr/ stay faithful to their originals where a reader or the
 * site relies on it: the facets (date, difficulty, tags, place in a series) are the original's, and
 * every source the original cites is still cited, with the same links. Links from one French guide
 * to another must name headings the French guide has: until the language routes exist the content
 * check cannot resolve /fr/ URLs, so this is where a wrong French anchor is caught.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Link, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { exactHeadingIds } from '../../content-tools/check/headings';
import { parseGuideSource, type ParsedGuideSource } from '../../content-tools/frontmatter';
import { guideSlug } from '~/lib/slug';
import { walkTree, type TreeNode } from '~/lib/tree-walk';

const GUIDES = 'content/guides';
const FRENCH = path.join(GUIDES, 'fr');

const frenchFiles = readdirSync(FRENCH)
  .filter((file) => /\.mdx?$/.test(file))
  .sort();

interface Guide {
  file: string;
  parsed: ParsedGuideSource;
  tree: Root;
}

function readGuide(file: string): Guide {
  const parsed = parseGuideSource(readFileSync(file, 'utf8'));
  const tree = fromMarkdown(parsed.body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  return { file, parsed, tree };
}

/** A front-matter date as YYYY-MM-DD, whether YAML gave a Date or a string. */
function day(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === 'string' ? value.slice(0, 10) : undefined;
}

function seriesPart(data: Record<string, unknown>): unknown {
  const series = data['series'] as { part?: unknown } | undefined;
  return series?.part;
}

/** Footnote labels the body uses or defines, and the URLs linked from each definition. */
function footnotes(tree: Root): { labels: Set<string>; sources: Map<string, string[]> } {
  const labels = new Set<string>();
  const sources = new Map<string, string[]>();
  walkTree<TreeNode>(tree, (node) => {
    if (node.type === 'footnoteReference') labels.add((node as unknown as { identifier: string }).identifier);
    if (node.type === 'footnoteDefinition') {
      const label = (node as unknown as { identifier: string }).identifier;
      labels.add(label);
      const urls: string[] = [];
      walkTree<TreeNode>(node, (inner) => {
        if (inner.type === 'link') urls.push((inner as unknown as Link).url);
        return undefined;
      });
      sources.set(label, urls);
    }
    return undefined;
  });
  return { labels, sources };
}

function links(tree: Root): string[] {
  const urls: string[] = [];
  walkTree<TreeNode>(tree, (node) => {
    if (node.type === 'link') urls.push((node as unknown as Link).url);
    return undefined;
  });
  return urls;
}

const french = frenchFiles.map((file) => readGuide(path.join(FRENCH, file)));
const frenchBySlug = new Map(french.map((g) => [guideSlug(path.basename(g.file), g.parsed.data), g]));

describe('the French translations', () => {
  it('exist', () => {
    expect(frenchFiles.length).toBeGreaterThan(0);
  });

  describe.each(frenchFiles)('%s', (file) => {
    const translation = french.find((g) => path.basename(g.file) === file)!;
    const originalPath = path.join(GUIDES, file);

    it('translates a guide that exists', () => {
      expect(existsSync(originalPath), `${originalPath} is missing`).toBe(true);
    });

    it('keeps the date, difficulty, tags and series part of the original', () => {
      const original = readGuide(originalPath).parsed.data;
      const data = translation.parsed.data;
      expect(day(data['date'])).toBe(day(original['date']));
      expect(data['difficulty']).toBe(original['difficulty']);
      expect(data['tags']).toEqual(original['tags']);
      expect(seriesPart(data)).toBe(seriesPart(original));
    });

    it('defines every footnote of the original, citing the same links', () => {
      const original = footnotes(readGuide(originalPath).tree);
      const ours = footnotes(translation.tree);
      expect(original.labels.size).toBeGreaterThan(0);
      for (const label of original.labels) {
        expect(ours.sources.has(label), `[^${label}] is not defined`).toBe(true);
        expect(ours.sources.get(label), `[^${label}]`).toEqual(original.sources.get(label) ?? []);
      }
    });

    it('links to headings that the linked French guides have', () => {
      for (const url of links(translation.tree)) {
        const match = /^\/fr\/guides\/([^/#]+)\/(?:#(.+))?$/.exec(url);
        if (!match) continue;
        const [, slug, fragment] = match;
        const target = frenchBySlug.get(slug!);
        expect(target, `${url}: no French guide has the slug ${slug}`).toBeDefined();
        if (fragment === undefined) continue;
        const ids = exactHeadingIds(target!.parsed.body, target!.parsed.data, target!.file.endsWith('.mdx'), true).map(
          (h) => h.slug,
        );
        expect(ids, url).toContain(decodeURIComponent(fragment));
      }
    });
  });
});
