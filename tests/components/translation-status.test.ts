import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import TranslationStatus from '~/components/TranslationStatus.astro';
import { siteLanguages } from '~/lib/languages';
import { translationStatus, type LinkedStatusGuide } from '~/lib/translation-status';

const container = await AstroContainer.create();
const d = (iso: string) => new Date(iso);

const guide = (lang: string, slug: string, title: string, dates: LinkedStatusGuide['dates']): LinkedStatusGuide => ({
  id: lang === 'en' ? slug : `${lang}/${slug}`,
  lang,
  pathInLanguage: `${slug}.md`,
  slug,
  title,
  dates,
  href: lang === 'en' ? `/guides/${slug}/` : `/${lang}/guides/${slug}/`,
});

const languages = siteLanguages({ language: 'en', languages: [{ code: 'fr' }, { code: 'ar' }] });
const status = translationStatus(
  [
    guide('en', 'alpha', 'Alpha', { edited: d('2025-03-01') }),
    guide('en', 'beta', 'Beta', { edited: d('2025-01-01') }),
    guide('fr', 'alpha', 'Alpha (fr)', { edited: d('2025-01-01'), translated: d('2025-02-01') }),
    guide('fr', 'beta', 'Bêta', { edited: d('2025-01-01'), translated: d('2025-02-01') }),
  ],
  languages,
);

/** The text a reader sees; `tag` stands for each tag (a space between table cells, nothing inside a line). */
const text = (html: string, tag = '') =>
  html
    .replace(/<[^>]+>/g, tag)
    .replace(/\s+/g, ' ')
    .trim();

describe('TranslationStatus', () => {
  it('counts per language in a table, then lists the out-of-date, missing and up-to-date guides with links', async () => {
    const html = await container.renderToString(TranslationStatus, { props: { status } });
    const rows = [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) => text(row[1]!, ' '));
    expect(rows).toEqual(['Language Translated Up to date Out of date Missing', 'Français 2 1 1 0', 'العربية 0 0 0 2']);
    expect(html).toMatch(/<caption[^>]*>Translations by language<\/caption>/);
    expect(html).toMatch(/<a href="#lang-ar" lang="ar" dir="rtl"[^>]*>\s*العربية\s*<\/a>/);
    const fr = html.slice(html.indexOf('id="lang-fr"'), html.indexOf('id="lang-ar"'));
    const all = (tag: string, part: string) =>
      [...part.matchAll(new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => text(m[1]!));
    expect(all('h3', fr)).toEqual(['Out of date (1)', 'Missing (0)', 'Up to date (1)']);
    expect(all('li', fr)).toEqual([
      'Alpha (fr): original changed 1 March 2025, translation dated 1 February 2025 (original: Alpha)',
      'Bêta',
    ]);
    expect(all('p', fr)).toEqual(['None.']);
    expect(html).toMatch(/<a href="\/fr\/guides\/alpha\/" hreflang="fr" lang="fr" dir="ltr"[^>]*>\s*Alpha \(fr\)/);
    expect(html).toMatch(/<a href="\/guides\/alpha\/"[^>]*>original: Alpha<\/a>/);
    const ar = html.slice(html.indexOf('id="lang-ar"'));
    expect(ar).toMatch(/<a href="\/guides\/alpha\/"[^>]*>Alpha<\/a>/);
    expect(ar).toMatch(/<a href="\/guides\/beta\/"[^>]*>Beta<\/a>/);
  });

  it('says there is nothing to translate on a one-language site', async () => {
    const one = translationStatus([guide('en', 'alpha', 'Alpha', { edited: d('2025-03-01') })], languages.slice(0, 1));
    const html = await container.renderToString(TranslationStatus, { props: { status: one } });
    expect(text(html)).toBe('This site has one language, English: there is nothing to translate.');
    expect(html).not.toContain('<table');
  });
});
