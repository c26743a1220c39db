/**
 * The real library in content/guides/ meets the bar the library issue set: enough guides at
 * every level, a controlled tag vocabulary used properly, three learning paths, sourced figures.
 */
import { describe, expect, it } from 'vitest';
import { checkGuideFolder, siteFileLanguages } from '../../content-tools/guide-files';
import { languageOfGuideFile } from '~/lib/languages';
import { buildLibrary } from '~/lib/library';
import { bodyFacts } from '~/lib/markdown-text';
import { guideSlug, tagSlug } from '~/lib/slug';
import { loadTagVocabulary } from '~/data/tag-vocabulary';

const { guides, diagnostics } = await checkGuideFolder('content/guides');
const vocabulary = loadTagVocabulary();
const languages = siteFileLanguages();
const languageOf = (relativePath: string) => languageOfGuideFile(relativePath, languages).language;
// The library's own bar is the default language's; translations are held to theirs below.
const published = guides.filter((g) => g.frontmatter && !g.frontmatter.draft && languageOf(g.relativePath).isDefault);
const library = buildLibrary(
  published.map((g) => ({
    id: guideSlug(g.relativePath, g.parsed.data),
    data: g.frontmatter!,
    facts: bodyFacts(g.parsed.body),
    filePath: g.displayPath,
  })),
  vocabulary,
);

describe('the translations', () => {
  it('give French and Spanish at least five guides each: every level, an MDX calculator and a series part', () => {
    for (const code of ['fr', 'es']) {
      const translated = guides.filter((g) => g.frontmatter && languageOf(g.relativePath).code === code);
      expect(translated.length, code).toBeGreaterThanOrEqual(5);
      expect(new Set(translated.map((g) => g.frontmatter!.difficulty)), code).toEqual(
        new Set(['beginner', 'intermediate', 'advanced']),
      );
      expect(
        translated.some((g) => g.relativePath.endsWith('.mdx') && /Calculator|Estimator/.test(g.parsed.body)),
        code,
      ).toBe(true);
      expect(
        translated.some((g) => g.frontmatter!.series),
        code,
      ).toBe(true);
    }
  });
});

describe('the guide library', () => {
  it('has no schema errors or warnings', () => {
    expect(diagnostics.map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([]);
  });
  it('has at least 16 guides, at least 5 at each level', () => {
    expect(library.guides.length).toBeGreaterThanOrEqual(16);
    expect(library.difficulties.map((d) => d.level).sort()).toEqual(['advanced', 'beginner', 'intermediate']);
    for (const { level, count } of library.difficulties) expect(count, level).toBeGreaterThanOrEqual(5);
  });
  it('keeps every guide between 700 and 2,000 words', () => {
    for (const g of published) {
      const { words } = bodyFacts(g.parsed.body);
      expect(words, g.displayPath).toBeGreaterThanOrEqual(700);
      expect(words, g.displayPath).toBeLessThanOrEqual(2000);
    }
  });
  it('uses at least 25 tags, all from the controlled list, 2 to 5 per guide, none used only once', () => {
    expect(library.tags.length).toBeGreaterThanOrEqual(25);
    for (const guide of library.guides) {
      expect(guide.tags.length, guide.slug).toBeGreaterThanOrEqual(2);
      expect(guide.tags.length, guide.slug).toBeLessThanOrEqual(5);
      for (const tag of guide.tags)
        expect(Object.keys(vocabulary), `${guide.slug}: ${tag.slug}`).toContain(tagSlug(tag.slug));
    }
    expect(library.tags.filter((t) => t.count < 2).map((t) => t.slug)).toEqual([]);
  });
  it('has three learning paths of 3 or 4 parts, never going down in difficulty', () => {
    expect(library.series.length).toBeGreaterThanOrEqual(3);
    const order = ['beginner', 'intermediate', 'advanced'];
    for (const series of library.series) {
      expect(series.parts.length, series.name).toBeGreaterThanOrEqual(3);
      expect(series.parts.length, series.name).toBeLessThanOrEqual(4);
      const levels = series.parts.map((slug) => order.indexOf(library.bySlug.get(slug)?.difficulty ?? ''));
      expect(levels, series.name).toEqual([...levels].sort((a, b) => a - b));
    }
  });
  it('cites sources: every guide has footnotes with links', () => {
    for (const g of published) {
      expect(g.parsed.body, g.displayPath).toMatch(/^\[\^[^\]]+\]:.*https?:\/\//m);
    }
  });
  it('does not repeat the well-known misattribution of the Strubell et al. paper', () => {
    for (const g of published) {
      if (!/Strubell/.test(g.parsed.body)) continue;
      expect(g.parsed.body, g.displayPath).not.toMatch(/Climate Change and AI/);
      expect(g.parsed.body, g.displayPath).not.toMatch(/60 cars/);
    }
  });
});
