/**
 * The Spanish translations in content/guides/es/ keep what a translation must not change: the
 * original's facts about itself (date, level, tags, series position, related guides), every
 * source (footnote labels and their URLs), its code, components, callouts and heading outline,
 * and its links (Spanish pages for guides that have one, with anchors that exist there). The
 * content check cannot see /es/ pages until per-language routing exists, so these links are
 * checked here against the Spanish files themselves.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exactHeadingIds } from '../../content-tools/check/headings';
import { parseGuideSource } from '../../content-tools/frontmatter';
import { listGuideFiles } from '../../content-tools/guide-files';
import { kindOfLabel } from '~/markdown/remark-callouts';
import { guideSlug } from '~/lib/slug';
import { guideSchema } from '~/schemas/guide';

const GUIDES = 'content/guides';
const LANGUAGE = 'es';

interface Source {
  file: string;
  slug: string;
  data: Record<string, unknown>;
  body: string;
  mdx: boolean;
}

function read(relativePath: string): Source {
  const parsed = parseGuideSource(readFileSync(path.join(GUIDES, relativePath), 'utf8'));
  return {
    file: relativePath,
    slug: guideSlug(path.basename(relativePath), parsed.data),
    data: parsed.data,
    body: parsed.body,
    mdx: relativePath.endsWith('.mdx'),
  };
}

const translationFiles = (await listGuideFiles(path.join(GUIDES, LANGUAGE))).map((f) => `${LANGUAGE}/${f}`);
const originalFiles = new Set(await listGuideFiles(GUIDES));
const translations = translationFiles.map(read);
const translatedSlugs = new Set(translations.map((t) => t.slug));

/** Body text outside fenced code, and the fenced blocks themselves. */
function split(body: string): { prose: string[]; blocks: { lang: string; lines: string[] }[] } {
  const prose: string[] = [];
  const blocks: { lang: string; lines: string[] }[] = [];
  let block: { lang: string; lines: string[] } | undefined;
  for (const line of body.split('\n')) {
    const fence = /^\s*```(\S*)/.exec(line);
    if (fence && !block) blocks.push((block = { lang: fence[1] ?? '', lines: [] }));
    else if (fence) block = undefined;
    else if (block) block.lines.push(line);
    else prose.push(line);
  }
  return { prose, blocks };
}

/** A code line without its comment: what a translation may not change. */
function codeOf(line: string, lang: string): string {
  const comment = ['python', 'bash', 'sh', 'yaml'].includes(lang) ? /\s*(?:#|""").*$/ : /\s*\/\/.*$/;
  return line.replace(comment, '');
}

function footnoteLabels(body: string): Set<string> {
  return new Set([...body.matchAll(/\[\^([^\]\s]+)\]/g)].map((m) => m[1]!));
}

function footnoteDefinitions(body: string): Map<string, string> {
  return new Map([...body.matchAll(/^\[\^([^\]\s]+)\]:(.*)$/gm)].map((m) => [m[1]!, m[2]!]));
}

const urlsIn = (text: string): string[] => [...text.matchAll(/https?:\/\/[^\s)>\]]+/g)].map((m) => m[0]).sort();

/** Callout kinds in order: GitHub markers and bold labels, as src/markdown/remark-callouts.ts reads them. */
function calloutKinds(prose: string[]): string[] {
  return prose.flatMap((line) => {
    const marker = /^>\s*\[!(\w+)\]/.exec(line);
    if (marker) return [marker[1]!.toLowerCase()];
    const label = /^>\s*\*\*(.+?)\*\*/.exec(line);
    const kind = label ? kindOfLabel(label[1]!) : undefined;
    return kind ? [kind] : [];
  });
}

/** Links to guide pages: `/guides/<slug>/` or `/<lang>/guides/<slug>/`, with an optional anchor. */
function guideLinks(prose: string[]): { lang: string | undefined; slug: string; anchor: string | undefined }[] {
  return [...prose.join('\n').matchAll(/\]\((?:\/(\w{2}))?\/guides\/([^/#)\s]+)\/(?:#([^)\s]+))?\)/g)].map((m) => ({
    lang: m[1],
    slug: m[2]!,
    anchor: m[3],
  }));
}

const headingIds = new Map(
  translations.map((t) => [
    t.slug,
    new Set(exactHeadingIds(t.body, t.data, t.mdx, true).map((h) => decodeURIComponent(h.slug))),
  ]),
);

describe('the Spanish translations', () => {
  it('are the five guides of the plan', () => {
    expect(translations.map((t) => t.slug).sort()).toEqual([
      'carbon-aware-computing-basics',
      'choosing-cloud-regions',
      'green-ml-checklist',
      'software-carbon-intensity-sci',
      'sustainable-web-design-basics',
    ]);
  });

  describe.each(translations.map((t) => [t.file, t] as const))('%s', (_file, es) => {
    const originalFile = path.basename(es.file);

    it('has an original with the same file name', () => {
      expect(originalFiles.has(originalFile), `content/guides/${originalFile}`).toBe(true);
    });

    const en = read(originalFile);
    const enBody = split(en.body);
    const esBody = split(es.body);

    it('has valid front matter, with the translation date', () => {
      const result = guideSchema.safeParse(es.data);
      expect(result.error?.issues ?? []).toEqual([]);
      expect(es.data['translated']).toBeInstanceOf(Date);
    });

    it('keeps the date, difficulty, tags, related guides and series position of the original', () => {
      for (const field of ['date', 'updated', 'difficulty', 'tags', 'related', 'image', 'layout']) {
        expect(es.data[field], field).toEqual(en.data[field]);
      }
      const series = (data: Record<string, unknown>) => data['series'] as Record<string, unknown> | undefined;
      expect(series(es.data)?.['part']).toEqual(series(en.data)?.['part']);
      expect(series(es.data)?.['total']).toEqual(series(en.data)?.['total']);
      if (series(en.data)) expect(series(es.data)?.['name']).not.toEqual(series(en.data)?.['name']);
    });

    it('defines every footnote label of the original, with the same URLs', () => {
      const definitions = footnoteDefinitions(es.body);
      const original = footnoteDefinitions(en.body);
      for (const label of footnoteLabels(en.body)) {
        expect(definitions.has(label), `[^${label}]`).toBe(true);
        expect(urlsIn(definitions.get(label) ?? ''), `[^${label}]`).toEqual(urlsIn(original.get(label) ?? ''));
      }
      expect([...footnoteLabels(es.body)].sort()).toEqual([...footnoteLabels(en.body)].sort());
    });

    it('keeps the heading outline, the callouts and the MDX imports and components', () => {
      const levels = (body: string[]) => body.flatMap((line) => /^(#{1,6}) /.exec(line)?.[1] ?? []);
      expect(levels(esBody.prose)).toEqual(levels(enBody.prose));
      expect(calloutKinds(esBody.prose)).toEqual(calloutKinds(enBody.prose));
      const mdxLines = (body: string[]) => body.filter((line) => /^(?:import |<[A-Z])/.test(line));
      expect(mdxLines(esBody.prose)).toEqual(mdxLines(enBody.prose));
      const tableRows = (body: string[]) => body.filter((line) => line.startsWith('|')).length;
      expect(tableRows(esBody.prose)).toEqual(tableRows(enBody.prose));
    });

    it('keeps every code block, changing comments only', () => {
      expect(esBody.blocks.map((b) => b.lang)).toEqual(enBody.blocks.map((b) => b.lang));
      esBody.blocks.forEach((block, i) => {
        const original = enBody.blocks[i]!;
        expect(block.lines.map((l) => codeOf(l, block.lang))).toEqual(original.lines.map((l) => codeOf(l, block.lang)));
      });
    });

    it('links the same guides, the Spanish page when there is one, with anchors that exist there', () => {
      const esLinks = guideLinks(esBody.prose);
      const enLinks = guideLinks(enBody.prose);
      expect(esLinks.map((l) => l.slug)).toEqual(enLinks.map((l) => l.slug));
      esLinks.forEach((link, i) => {
        const where = `/${link.lang ? `${link.lang}/` : ''}guides/${link.slug}/#${link.anchor ?? ''}`;
        expect(link.lang, where).toBe(translatedSlugs.has(link.slug) ? LANGUAGE : undefined);
        // An English page keeps the original's anchor; a Spanish one needs a Spanish heading id.
        if (!link.lang) expect(link.anchor, where).toBe(enLinks[i]?.anchor);
        else if (link.anchor) expect(headingIds.get(link.slug)?.has(decodeURIComponent(link.anchor)), where).toBe(true);
        else expect(enLinks[i]?.anchor, where).toBeUndefined();
      });
    });
  });
});
