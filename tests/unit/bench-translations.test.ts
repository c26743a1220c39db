import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compareTranslations, msPerPage, siteFileWithLanguage } from '../../scripts/lib/bench-translations';

const build = (wallMs: number, cpuMs: number | undefined, pages: number) => ({ wallMs, cpuMs, pages });

describe('the bench with translations', () => {
  it('gives time per page, and the ratio of time per page with translations to without', () => {
    expect(msPerPage(1000, 8)).toBe(125);
    expect(msPerPage(undefined, 8)).toBeUndefined();
    const c = compareTranslations([
      {
        // Twice the pages in twice the time cold (linear); warm took three times as long.
        withTranslations: { cold: build(40_000, 30_000, 2000), warm: build(15_000, undefined, 2000) },
        without: { cold: build(20_000, 16_000, 1000), warm: build(5_000, undefined, 1000) },
      },
    ]);
    expect(c.withTranslations).toMatchObject({
      pages: 2000,
      coldMsPerPage: 20,
      coldCpuMsPerPage: 15,
      warmMsPerPage: 7.5,
    });
    expect(c.without).toMatchObject({ pages: 1000, coldMsPerPage: 20, coldCpuMsPerPage: 16, warmMsPerPage: 5 });
    expect(c.ratios).toEqual({
      pages: 2,
      coldPerPage: 1,
      coldCpuPerPage: 0.94,
      warmPerPage: 1.5,
      warmCpuPerPage: undefined,
    });
  });

  it('takes the median of the runs’ own ratios', () => {
    const run = (withMs: number) => ({
      withTranslations: { cold: build(withMs, 1, 200), warm: build(withMs, 1, 200) },
      without: { cold: build(1000, 1, 100), warm: build(1000, 1, 100) },
    });
    expect(compareTranslations([run(2000), run(2300), run(3000)]).ratios.coldPerPage).toBe(1.15);
    expect(compareTranslations([run(2000), run(2400)]).ratios.coldPerPage).toBe(1.1);
  });

  it('lists the language in the site file, keeping what is there', () => {
    const source = '# Our site\nname: Acme\nlanguage: en\nlanguages:\n  - { code: es, name: Español }\n';
    const added = siteFileWithLanguage(source, 'fr');
    expect(parse(added)).toEqual({
      name: 'Acme',
      language: 'en',
      languages: [{ code: 'es', name: 'Español' }, { code: 'fr' }],
    });
    expect(added).toContain('# Our site');
    expect(siteFileWithLanguage(source, 'ES')).toBe(source);
    expect(parse(siteFileWithLanguage('name: Acme\n', 'fr'))).toEqual({ name: 'Acme', languages: [{ code: 'fr' }] });
    expect(parse(siteFileWithLanguage('', 'fr'))).toEqual({ languages: [{ code: 'fr' }] });
  });
});
