import { describe, expect, it } from 'vitest';
import { siteLanguages } from '~/lib/languages';
import { formatComparedDates, translationStatus, type StatusGuide } from '~/lib/translation-status';
import { comparedDates, translationState } from '~/lib/translations';

const d = (iso: string) => new Date(iso);

const guide = (id: string, lang: string, dates: StatusGuide['dates'], translationOf?: string): StatusGuide => ({
  id,
  lang,
  pathInLanguage: `${id.split('/').pop()!}.md`,
  slug: id.split('/').pop()!,
  translationOf,
  title: id,
  dates,
});

describe('comparedDates', () => {
  it('compares last commits when git has both files, and says so', () => {
    expect(
      comparedDates(
        { committed: d('2025-04-01T10:00:00Z'), edited: d('2025-01-01') },
        { committed: d('2025-03-01T10:00:00Z'), edited: d('2025-01-01'), translated: d('2025-06-01') },
      ),
    ).toEqual({ original: d('2025-04-01T10:00:00Z'), translation: d('2025-03-01T10:00:00Z'), source: 'git' });
  });

  it('falls back to updated/date against translated (else the translation’s own date) when git lacks one', () => {
    expect(
      comparedDates(
        { committed: d('2025-04-01'), edited: d('2025-02-01') },
        { edited: d('2025-01-01'), translated: d('2025-03-01') },
      ),
    ).toEqual({ original: d('2025-02-01'), translation: d('2025-03-01'), source: 'front matter' });
    expect(comparedDates({ edited: d('2025-02-01') }, { edited: d('2025-01-01') }).translation).toEqual(
      d('2025-01-01'),
    );
  });

  it('is what translationState decides by', () => {
    expect(translationState({ edited: d('2025-02-01') }, { edited: d('2025-02-01') })).toBe('current');
    expect(translationState({ edited: d('2025-02-02') }, { edited: d('2025-02-01') })).toBe('outdated');
  });
});

describe('translationStatus', () => {
  const languages = siteLanguages({ language: 'en', languages: [{ code: 'fr' }, { code: 'de' }] });
  const guides = [
    guide('a', 'en', { edited: d('2025-03-01') }),
    guide('b', 'en', { edited: d('2025-01-01') }),
    guide('c', 'en', { edited: d('2025-01-01') }),
    guide('fr/a', 'fr', { edited: d('2025-01-01'), translated: d('2025-02-01') }),
    guide('fr/b', 'fr', { edited: d('2025-01-01'), translated: d('2025-02-01') }),
    guide('fr/x', 'fr', { edited: d('2025-01-01') }, 'nothing'),
  ];
  const status = translationStatus(guides, languages);

  it('lists per other language the translations with their state, and the originals missing', () => {
    expect(status.defaultLanguage.code).toBe('en');
    expect(status.originals.map((g) => g.id)).toEqual(['a', 'b', 'c']);
    const [fr, de] = status.languages;
    expect(fr!.language.code).toBe('fr');
    expect(fr!.translations.map((p) => [p.original.id, p.translation.id, p.state])).toEqual([
      ['a', 'fr/a', 'outdated'],
      ['b', 'fr/b', 'current'],
    ]);
    expect(fr!.outdated.map((p) => p.translation.id)).toEqual(['fr/a']);
    expect(fr!.outdated[0]!.dates).toEqual({
      original: d('2025-03-01'),
      translation: d('2025-02-01'),
      source: 'front matter',
    });
    expect(fr!.current.map((p) => p.translation.id)).toEqual(['fr/b']);
    expect(fr!.missing.map((g) => g.id)).toEqual(['c']);
    expect(de!.translations).toEqual([]);
    expect(de!.missing.map((g) => g.id)).toEqual(['a', 'b', 'c']);
  });

  it('keeps a translation without an original out of the table, as a problem', () => {
    expect(status.problems).toEqual([{ id: 'fr/x', lang: 'fr', named: 'nothing', reason: 'no-original' }]);
  });

  it('has no language to report on a one-language site', () => {
    const one = translationStatus(guides.slice(0, 3), siteLanguages({ language: 'en', languages: [] }));
    expect(one.languages).toEqual([]);
    expect(one.originals).toHaveLength(3);
  });
});

describe('formatComparedDates', () => {
  it('writes days, or minutes in UTC when both fall on one day', () => {
    expect(
      formatComparedDates({ original: d('2025-03-01T10:00:00Z'), translation: d('2025-02-01'), source: 'git' }),
    ).toEqual({ original: '2025-03-01', translation: '2025-02-01' });
    expect(
      formatComparedDates({
        original: d('2025-03-01T10:30:00Z'),
        translation: d('2025-03-01T09:00:00+01:00'),
        source: 'git',
      }),
    ).toEqual({ original: '2025-03-01 10:30 UTC', translation: '2025-03-01 08:00 UTC' });
  });
});
