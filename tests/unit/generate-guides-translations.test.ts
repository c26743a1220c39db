import GithubSlugger from 'github-slugger';
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { checkGuideSource } from '../../content-tools/guide-files';
import { siteLanguages } from '~/lib/languages';
import { parseMarkdown } from '~/lib/markdown-text';
import { generateGuides } from '../../scripts/lib/generate-guides';

const COUNT = 400;
const LANGUAGES = siteLanguages({ language: 'en', languages: [{ code: 'fr' }] });
const all = generateGuides({ count: COUNT, translation: 'fr' });
const originals = all.filter((g) => g.translationOf === undefined);
const translations = all.filter((g) => g.translationOf !== undefined);
const check = (g: (typeof all)[number]) => checkGuideSource(g.fileName, g.fileName, g.source, undefined, LANGUAGES);
const checkedOriginals = new Map(originals.map((g) => [g.fileName, check(g)]));
const checkedTranslations = translations.map((g) => ({ g, ...check(g) }));
/** Published guides by id, as the site knows them: the slug, or `fr/<slug>` for a translation. */
const publishedById = new Map(
  [...checkedOriginals.values(), ...checkedTranslations]
    .filter(({ guide }) => guide.frontmatter && !guide.frontmatter.draft)
    .map(({ guide }) => [guide.id, guide]),
);
/** Parsing Markdown costs about 10 ms a guide: the link checks parse the targets of the first 150 translations. */
const PARSED = 150;

/** The heading ids a guide's page will have, made the way rehypeHeadingIds makes them. */
function headingIds(body: string): Set<string> {
  const slugger = new GithubSlugger();
  const ids = new Set<string>();
  visit(parseMarkdown(body), 'heading', (node: Heading) => {
    ids.add(slugger.slug(toString(node)));
  });
  return ids;
}

describe('the synthetic guide generator with translations', () => {
  it('writes the same originals with or without translations, and the same translations every time', () => {
    expect(originals).toEqual(generateGuides({ count: COUNT }));
    expect(all.slice(0, COUNT)).toEqual(originals);
    const again = generateGuides({ count: 60, translation: 'fr', seed: 7 });
    expect(generateGuides({ count: 60, translation: 'fr', seed: 7 })).toEqual(again);
    expect(generateGuides({ count: 60, translation: 'fr', seed: 8 }).slice(60)).not.toEqual(again.slice(60));
  });

  it('gives every original one translation, in fr/ under its file name', () => {
    expect(translations).toHaveLength(COUNT);
    const byOriginal = new Map(translations.map((t) => [t.translationOf, t]));
    for (const original of originals) {
      const translation = byOriginal.get(original.fileName);
      expect(translation?.fileName, original.fileName).toBe(`fr/${original.fileName}`);
      expect(translation?.slug).toBe(original.slug);
      expect(translation?.draft).toBe(original.draft);
    }
  });

  it('writes translations the schema accepts, in French, with the front matter their originals have', () => {
    const errors = checkedTranslations.flatMap(({ diagnostics }) => diagnostics.filter((d) => d.severity === 'error'));
    expect(errors).toEqual([]);
    const warnings = new Set(checkedTranslations.flatMap(({ diagnostics }) => diagnostics.map((d) => d.rule)));
    expect([...warnings].filter((rule) => rule !== 'missing-description')).toEqual([]);
    for (const { g, guide } of checkedTranslations) {
      const original = checkedOriginals.get(g.translationOf ?? '')?.guide.frontmatter;
      const fm = guide.frontmatter;
      expect(guide.lang, g.fileName).toBe('fr');
      expect(guide.id, g.fileName).toBe(`fr/${g.slug}`);
      if (!fm || !original) throw new Error(`${g.fileName}: no front matter`);
      expect(fm.title, g.fileName).not.toBe(original.title);
      expect(fm.date).toEqual(original.date);
      expect(fm.updated).toEqual(original.updated);
      expect(fm.difficulty).toBe(original.difficulty);
      expect(fm.tags).toEqual(original.tags);
      expect(fm.related).toEqual(original.related);
      expect(fm.draft).toBe(original.draft);
      expect(fm.slug).toBe(original.slug);
      expect(fm.description === undefined, g.fileName).toBe(original.description === undefined);
      if (fm.description) expect(fm.description).not.toBe(original.description);
      expect({ ...fm.series, name: undefined }).toEqual({ ...original.series, name: undefined });
      if (fm.series) expect(fm.series.name).not.toBe(original.series?.name);
      // Never out of date: translated on or after the day the original last changed.
      expect(fm.translated, g.fileName).toBeDefined();
      expect(fm.translated!.getTime(), g.fileName).toBeGreaterThanOrEqual(
        new Date((original.updated ?? original.date).toISOString().slice(0, 10)).getTime(),
      );
    }
    expect(translations.some((g) => /\b(le|la|les|des) /.test(g.source))).toBe(true);
  });

  it('links from a translation to published translations (/fr/guides/) or originals (/guides/), and to headings they have', () => {
    const idsOf = new Map<string, Set<string>>();
    const seen = { fr: 0, original: 0, anchors: 0 };
    for (const g of translations.slice(0, PARSED)) {
      const links = [...g.source.matchAll(/\]\((\/(?:fr\/)?guides\/[^)\s]*)\)/g)].map((m) => m[1] ?? '');
      expect(links.length, g.fileName).toBeGreaterThanOrEqual(1);
      for (const href of links) {
        const match = /^\/(?:(fr)\/)?guides\/([^/#]+)\/(?:#(.+))?$/.exec(href);
        expect(match, `${g.fileName} links to ${href}`).not.toBeNull();
        const [, lang, slug, anchor] = match!;
        const id = lang ? `${lang}/${slug}` : slug!;
        seen[lang ? 'fr' : 'original'] += 1;
        const target = publishedById.get(id);
        expect(target, `${g.fileName} links to ${href}`).toBeDefined();
        if (!anchor || !target) continue;
        seen.anchors += 1;
        if (!idsOf.has(id)) idsOf.set(id, headingIds(target.parsed.body));
        expect(idsOf.get(id), `${g.fileName} links to ${href}`).toContain(anchor);
      }
    }
    expect(seen.fr).toBeGreaterThan(0);
    expect(seen.original).toBeGreaterThan(0);
    expect(seen.anchors).toBeGreaterThan(0);
  });
});
