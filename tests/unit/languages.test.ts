import { describe, expect, it } from 'vitest';
import { languageOfGuideFile, ownName, siteLanguages, textDirection } from '~/lib/languages';
import { pairTranslations, translationState } from '~/lib/translations';
import { siteConfigSchema } from '~/schemas/site';

describe('site languages', () => {
  it('puts the default first and names each language in itself', () => {
    const languages = siteLanguages({
      language: 'en',
      languages: [{ code: 'fr' }, { code: 'es', name: 'Castellano' }],
    });
    expect(languages.map((l) => [l.code, l.name, l.dir, l.isDefault])).toEqual([
      ['en', 'English', 'ltr', true],
      ['fr', 'Français', 'ltr', false],
      ['es', 'Castellano', 'ltr', false],
    ]);
  });
  it('takes the default’s name from its own entry, wherever it is listed', () => {
    const languages = siteLanguages({ language: 'fr', languages: [{ code: 'en' }, { code: 'fr', name: 'French!' }] });
    expect(languages.map((l) => l.name)).toEqual(['French!', 'English']);
  });
  it('knows right-to-left languages and scripts', () => {
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('he')).toBe('rtl');
    expect(textDirection('fa-IR')).toBe('rtl');
    expect(textDirection('pa-Arab')).toBe('rtl');
    expect(textDirection('az-Latn')).toBe('ltr');
    expect(textDirection('fr')).toBe('ltr');
    expect(ownName('ar')).toBe('العربية');
    expect(ownName('zz-unknown')).toBe('zz-unknown');
  });
  it('tells a translation by its folder, and only for a configured language', () => {
    const languages = siteLanguages({ language: 'en', languages: [{ code: 'fr' }] });
    expect(languageOfGuideFile('fr/2025-01-01-x.md', languages)).toMatchObject({
      language: { code: 'fr' },
      pathInLanguage: '2025-01-01-x.md',
    });
    expect(languageOfGuideFile('de/x.md', languages)).toMatchObject({
      language: { code: 'en' },
      pathInLanguage: 'de/x.md',
    });
    expect(languageOfGuideFile('x.md', languages)).toMatchObject({ language: { code: 'en' } });
  });
  it('refuses a language listed twice and a code that is not BCP 47', () => {
    const result = siteConfigSchema.safeParse({ languages: [{ code: 'fr' }, { code: 'FR' }, { code: 'french' }] });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(issues).toContain('languages.2.code: a BCP 47 language tag such as en or en-GB');
    const dup = siteConfigSchema.safeParse({ languages: [{ code: 'fr' }, { code: 'fr' }] });
    expect(dup.error!.issues.map((issue) => issue.path.join('.'))).toEqual(['languages.1.code']);
  });
});

describe('translations', () => {
  const guide = (id: string, lang: string, pathInLanguage: string, slug: string, translationOf?: string) => ({
    id,
    lang,
    pathInLanguage,
    slug,
    translationOf,
  });
  it('pairs a translation with the original of the same file name, or the slug it names', () => {
    const pairs = pairTranslations(
      [
        guide('a', 'en', '2025-01-01-a.md', 'a'),
        guide('b', 'en', '2025-01-02-b.mdx', 'b'),
        guide('fr/a', 'fr', '2025-01-01-a.md', 'a'),
        guide('fr/bee', 'fr', '2025-01-02-bee.md', 'bee', 'b'),
        guide('es/b', 'es', '2025-01-02-b.md', 'b'),
        guide('es/c', 'es', '2025-01-03-c.md', 'c'),
        guide('es/b2', 'es', 'other.md', 'b2', 'b'),
      ],
      'en',
    );
    expect([...pairs.byOriginal.get('a')!.keys()]).toEqual(['fr']);
    expect([...pairs.byOriginal.get('b')!.entries()].map(([lang, g]) => [lang, g.id])).toEqual([
      ['fr', 'fr/bee'],
      ['es', 'es/b'],
    ]);
    expect(pairs.originalOf.get('fr/bee')!.id).toBe('b');
    expect(pairs.problems).toEqual([
      { id: 'es/c', lang: 'es', named: '2025-01-03-c.md', reason: 'no-original' },
      { id: 'es/b2', lang: 'es', named: 'b', reason: 'duplicate', other: 'es/b' },
    ]);
  });
  it('calls a translation out of date when its original changed after it', () => {
    const d = (iso: string) => new Date(iso);
    expect(
      translationState(
        { edited: d('2025-01-01'), committed: d('2025-03-01') },
        { edited: d('2025-01-01'), committed: d('2025-02-01') },
      ),
    ).toBe('outdated');
    expect(
      translationState(
        { edited: d('2025-05-01'), committed: d('2025-01-01') },
        { edited: d('2025-01-01'), committed: d('2025-02-01') },
      ),
    ).toBe('current');
    // Without git for one of them, the front-matter dates decide.
    expect(
      translationState({ edited: d('2025-04-01') }, { edited: d('2025-01-01'), translated: d('2025-05-01') }),
    ).toBe('current');
    expect(translationState({ edited: d('2025-04-01'), committed: d('2025-01-01') }, { edited: d('2025-03-01') })).toBe(
      'outdated',
    );
  });
});
