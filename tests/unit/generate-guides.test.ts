import GithubSlugger from 'github-slugger';
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { checkGuideSource } from '../../content-tools/guide-files';
import { bodyFacts, parseMarkdown } from '~/lib/markdown-text';
import { guideSlug, tagSlug } from '~/lib/slug';
import { generateGuides, SYNTHETIC_TAGS, WORDS_MAX, WORDS_MIN } from '../../scripts/lib/generate-guides';

const guides = generateGuides({ count: 1000 });
const checked = guides.map((g) => ({ g, ...checkGuideSource(g.fileName, g.fileName, g.source) }));
/** Parsing Markdown costs about 10 ms a guide: the checks that parse bodies look at the first 300. */
const PARSED = 300;
const published = new Map(guides.filter((g) => !g.draft).map((g) => [g.slug, g]));

/** The heading ids a guide's page will have, made the way rehypeHeadingIds makes them. */
function headingIds(source: string): Set<string> {
  const slugger = new GithubSlugger();
  const ids = new Set<string>();
  const { guide } = checkGuideSource('x.md', 'x.md', source);
  visit(parseMarkdown(guide.parsed.body), 'heading', (node: Heading) => {
    ids.add(slugger.slug(toString(node)));
  });
  return ids;
}
const SLOW = { timeout: 60_000 };

describe('the synthetic guide generator', () => {
  it('is deterministic: the same seed gives byte-identical guides, another seed different ones', () => {
    expect(generateGuides({ count: 1000 })).toEqual(guides);
    const a = generateGuides({ count: 50, seed: 7 });
    const b = generateGuides({ count: 50, seed: 7 });
    expect(a.map((g) => g.source)).toEqual(b.map((g) => g.source));
    expect(generateGuides({ count: 50, seed: 8 }).map((g) => g.source)).not.toEqual(a.map((g) => g.source));
  });

  it('writes guides the schema accepts, with no errors and only missing-description warnings', () => {
    const errors = checked.flatMap(({ diagnostics }) => diagnostics.filter((d) => d.severity === 'error'));
    expect(errors).toEqual([]);
    const warnings = new Set(checked.flatMap(({ diagnostics }) => diagnostics.map((d) => d.rule)));
    expect([...warnings]).toEqual(['missing-description']);
  });

  it('gives every guide the slug it reports, unique across the library', () => {
    for (const { g, guide } of checked) expect(guideSlug(g.fileName, guide.parsed.data)).toBe(g.slug);
    expect(new Set(guides.map((g) => g.slug)).size).toBe(guides.length);
  });

  it(`writes ${WORDS_MIN} to ${WORDS_MAX} words of prose and 1 to 3 code blocks per guide`, SLOW, () => {
    for (const { g, guide } of checked.slice(0, PARSED)) {
      const { words } = bodyFacts(guide.parsed.body);
      expect(words, g.fileName).toBeGreaterThanOrEqual(WORDS_MIN);
      expect(words, g.fileName).toBeLessThanOrEqual(WORDS_MAX);
      const code = guide.parsed.body.match(/^```\w+$/gm)?.length ?? 0;
      expect(code, g.fileName).toBeGreaterThanOrEqual(1);
      expect(code, g.fileName).toBeLessThanOrEqual(3);
    }
  });

  it('links only to published guides, and only to headings that exist', SLOW, () => {
    const idsOf = new Map<string, Set<string>>();
    let anchors = 0;
    for (const g of guides.slice(0, PARSED)) {
      for (const [, slug, anchor] of g.source.matchAll(/\]\(\/guides\/([^/)]+)\/(?:#([^)]+))?\)/g)) {
        expect(published.has(slug ?? ''), `${g.fileName} links to ${slug}`).toBe(true);
        if (!anchor || !slug) continue;
        anchors += 1;
        const target = published.get(slug);
        if (!idsOf.has(slug)) idsOf.set(slug, headingIds(target?.source ?? ''));
        expect(idsOf.get(slug), `${g.fileName} links to ${slug}#${anchor}`).toContain(anchor);
      }
      expect(g.links.length, g.fileName).toBeGreaterThanOrEqual(1);
    }
    expect(anchors).toBeGreaterThan(0);
  });

  it('refers in related and series only to published guides', () => {
    for (const { g, guide } of checked) {
      const fm = guide.frontmatter;
      for (const slug of fm?.related ?? []) expect(published.has(slug), `${g.fileName} related ${slug}`).toBe(true);
      for (const slug of [fm?.series?.previous, fm?.series?.next])
        if (slug) expect(published.has(slug), `${g.fileName} series ${slug}`).toBe(true);
      if (fm?.series) expect(g.draft).toBe(false);
    }
  });

  it('takes tags from the fixed synthetic list only', () => {
    const known = new Set(SYNTHETIC_TAGS.map(tagSlug));
    for (const { g, guide } of checked)
      for (const tag of guide.frontmatter?.tags ?? []) expect(known, g.fileName).toContain(tagSlug(tag));
  });

  it('uses every kind of front matter and Markdown the site supports, and no images', () => {
    const all = guides.map((g) => g.source).join('\n');
    const data = checked.map(({ guide }) => guide.parsed.data);
    const some = (test: (d: Record<string, unknown>) => boolean) => data.some(test);
    expect(some((d) => d['layout'] === 'guide')).toBe(true);
    expect(some((d) => typeof d['estimated_time'] === 'string')).toBe(true);
    expect(some((d) => typeof d['estimated_time'] === 'number')).toBe(true);
    expect(some((d) => d['date'] instanceof Date)).toBe(true);
    expect(some((d) => typeof d['date'] === 'string')).toBe(true);
    expect(some((d) => d['updated'] !== undefined)).toBe(true);
    expect(some((d) => d['description'] === undefined)).toBe(true);
    expect(some((d) => Array.isArray(d['related']))).toBe(true);
    expect(some((d) => d['slug'] !== undefined)).toBe(true);
    expect(some((d) => d['draft'] === true)).toBe(true);
    expect(some((d) => d['published'] === false)).toBe(true);
    expect(some((d) => typeof d['series'] === 'object' && 'next' in (d['series'] as object))).toBe(true);
    expect(some((d) => typeof d['series'] === 'object' && !('total' in (d['series'] as object)))).toBe(true);
    expect(some((d) => 'image' in d)).toBe(false);
    expect(guides.some((g) => /^\d{4}-\d{2}-\d{2}-/.test(g.fileName))).toBe(true);
    expect(guides.some((g) => !/^\d{4}-\d{2}-\d{2}-/.test(g.fileName))).toBe(true);
    expect(guides.some((g) => g.fileName.endsWith('.mdx'))).toBe(true);
    for (const difficulty of ['beginner', 'intermediate', 'advanced']) {
      expect(guides.some((g) => g.difficulty === difficulty)).toBe(true);
    }
    for (const pattern of [
      /^## /m,
      /^### /m,
      /^#### /m,
      /^- [^[]/m,
      /^1\. /m,
      /^- \[[ x]\] /m,
      /^\| --- \|/m,
      /^\[\^1\]: /m,
      /^> \[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]$/m,
      /^> \*\*[^*]+\*\* /m,
      /~~\w+~~/,
      /`npm run measure`/,
    ]) {
      expect(all, String(pattern)).toMatch(pattern);
    }
  });
});
