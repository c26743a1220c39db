import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInterfaceText, interfaceTextOf, loadInterfaceText, parseInterfaceText } from '~/data/interface-text';
import { translatorFor } from '~/data/i18n';
import { siteModuleExports } from '~/integrations/site-config';
import { siteConfigSchema, textIn } from '~/schemas/site';
import { tagVocabularySchema, vocabularyIn } from '~/schemas/tags';
import { countCategories, createTranslator, pickLanguage } from '~/lib/i18n';

const counts = { one: '{count} guide', other: '{count} guides' };

describe('createTranslator', () => {
  it('looks a key up and fills in its variables, numbers as the language writes them', () => {
    const { t } = createTranslator('fr', { 'a.b': 'Partie {part} sur {total}', 'format.locale': 'fr' });
    expect(t('a.b', { part: 2, total: 12000 })).toBe('Partie 2 sur 12\u202f000');
  });

  it('chooses the plural form with Intl.PluralRules, in French, Spanish, Polish and Arabic', () => {
    const fr = createTranslator('fr', { n: { one: '{count} guide', other: '{count} guides' } });
    expect([0, 1, 2].map((count) => fr.t('n', { count }))).toEqual(['0 guide', '1 guide', '2 guides']);
    const es = createTranslator('es', { n: { one: '{count} guía', many: '{count} de guías', other: '{count} guías' } });
    expect([0, 1, 2].map((count) => es.t('n', { count }))).toEqual(['0 guías', '1 guía', '2 guías']);
    const pl = createTranslator('pl', {
      n: { one: '{count} poradnik', few: '{count} poradniki', many: '{count} poradników', other: '{count} poradnika' },
    });
    expect([1, 2, 5, 22, 25].map((count) => pl.t('n', { count }))).toEqual([
      '1 poradnik',
      '2 poradniki',
      '5 poradników',
      '22 poradniki',
      '25 poradników',
    ]);
    const ar = createTranslator('ar', {
      n: { zero: 'صفر', one: 'واحد', two: 'اثنان', few: 'قليل', many: 'كثير', other: 'أخرى' },
    });
    expect([0, 1, 2, 3, 11, 100].map((count) => ar.t('n', { count }))).toEqual([
      'صفر',
      'واحد',
      'اثنان',
      'قليل',
      'كثير',
      'أخرى',
    ]);
  });

  it('says which variable is missing, and which key and language ask for it', () => {
    const { t } = createTranslator('en', { 'series.position': 'Part {part} of {total}', n: counts });
    expect(() => t('series.position', { part: 1 })).toThrow(
      'Interface text: "series.position" (en) uses {total}, which was not given (given: part)',
    );
    expect(() => t('n')).toThrow('"n" (en) is a count phrase: give {count} as a number');
    expect(() => t('nope')).toThrow('no message "nope" in en');
  });

  it('splits a message around a placeholder for markup, and formats dates in the file’s locale', () => {
    const en = createTranslator('en', { licensed: 'Guides licensed under {licence}.', 'format.locale': 'en-GB' });
    expect(en.around('licensed', 'licence')).toEqual(['Guides licensed under ', '.']);
    expect(en.date(new Date('2025-05-01'))).toBe('1 May 2025');
    expect(createTranslator('es', {}).date(new Date('2025-05-01'))).toBe('1 de mayo de 2025');
  });

  it('falls back from a regional tag to its language, then to the default', () => {
    const catalog = { en: 'E', fr: 'F' };
    expect(pickLanguage(catalog, 'fr-CA', 'en')).toEqual({ lang: 'fr', value: 'F' });
    expect(pickLanguage(catalog, undefined, 'en')).toEqual({ lang: 'en', value: 'E' });
    expect(pickLanguage(catalog, 'de', 'en-GB')).toEqual({ lang: 'en', value: 'E' });
  });

  it('knows which count forms a language needs for whole numbers', () => {
    expect(countCategories('en')).toEqual(['one', 'other']);
    expect(countCategories('fr')).toEqual(['one', 'other']);
    expect(countCategories('pl')).toEqual(['one', 'few', 'many']);
  });
});

describe('interface text files', () => {
  const reference = parseInterfaceText(
    'home:\n  title: Home\n  count:\n    one: "{count} guide"\n    other: "{count} guides"\nfooter:\n  rss: RSS feed\n',
    'src/i18n/en.yaml',
    'en',
  );

  it('names a missing key and the file, with the line of the reference that has it', () => {
    const fr = parseInterfaceText(
      'home:\n  title: Accueil\n  count:\n    one: "{count} guide"\n    other: "{count} guides"\n',
      'src/i18n/fr.yaml',
      'fr',
    );
    expect(checkInterfaceText(reference, fr)).toEqual([
      expect.objectContaining({
        file: 'src/i18n/fr.yaml',
        line: 1,
        field: 'footer.rss',
        message: 'footer.rss: missing: expected the fr text of src/i18n/en.yaml:7',
      }),
    ]);
  });

  it('names an unknown key on its line, with the nearest known key', () => {
    const fr = parseInterfaceText(
      'home:\n  title: Accueil\n  count:\n    one: "{count} guide"\n    other: "{count} guides"\nfooter:\n  rss: Flux RSS\n  rsss: Flux\n',
      'src/i18n/fr.yaml',
      'fr',
    );
    const [problem] = checkInterfaceText(reference, fr);
    expect(problem).toMatchObject({
      line: 8,
      message: expect.stringContaining('footer.rsss: unknown key; did you mean `footer.rss`?'),
    });
  });

  it('asks for the count forms the language uses, and refuses variables the page does not give', () => {
    const pl = parseInterfaceText(
      'home:\n  title: Strona\n  count:\n    one: "{count} poradnik"\n    other: "{n} poradników"\nfooter:\n  rss: RSS\n',
      'src/i18n/pl.yaml',
      'pl',
    );
    const messages = checkInterfaceText(reference, pl).map((d) => d.message);
    expect(messages).toEqual([
      'home.count: expected the count forms pl uses (one, few, many), found one, other; missing few, many',
      'home.count: uses {n}, which the page does not give (it gives {count})',
    ]);
  });

  it('reports YAML errors and files missing for a site language, all in one run', () => {
    // en-GB is served by en.yaml; de and de-AT have nothing.
    const result = interfaceTextOf({ 'src/i18n/en.yaml': 'a: A\n', 'src/i18n/es.yaml': 'a: [unclosed\n' }, [
      'en-GB',
      'es',
      'de',
      'de-AT',
    ]);
    expect(result.diagnostics.map((d) => `${d.file}:${d.line} ${d.rule}`)).toEqual([
      'src/i18n/de-AT.yaml:1 interface-text',
      'src/i18n/de.yaml:1 interface-text',
      'src/i18n/es.yaml:2 yaml',
    ]);
  });

  it('checks the real files: English, French, Spanish and Arabic are complete', () => {
    expect(loadInterfaceText(['en', 'fr', 'es', 'ar']).diagnostics).toEqual([]);
    expect(translatorFor('fr').t('count.guides', { count: 1 })).toBe('1 guide');
    expect(translatorFor('es-MX').t('series.position', { part: 2, total: 5 })).toBe('Parte 2 de 5');
    expect(translatorFor('en').t('count.guides', { count: 18 })).toBe('18 guides');
    expect(translatorFor(undefined).lang).toBe('en');
  });

  it('counts in Arabic with all six forms, its figures in Western digits', () => {
    const { t } = translatorFor('ar');
    expect([0, 1, 2, 3, 11, 100, 102].map((count) => t('count.guides', { count }))).toEqual([
      'لا أدلة',
      'دليل واحد',
      'دليلان',
      '3 أدلة',
      '11 دليلًا',
      '100 دليل',
      '102 دليل',
    ]);
  });
});

describe('labels per language in content/site.yaml and content/tags.yaml', () => {
  it('accepts a level label as a text or one per language, and shows each language its own', () => {
    const level = (label: unknown) => ({ label, description: 'One line.' });
    const parsed = siteConfigSchema.parse({
      language: 'en',
      difficulty: {
        beginner: level({ en: 'Beginner', fr: 'Débutant' }),
        intermediate: level('Intermediate'),
        advanced: level({ fr: 'Avancé', en: 'Advanced' }),
      },
    });
    expect(textIn(parsed.difficulty.beginner.label, 'fr', 'en')).toBe('Débutant');
    expect(textIn(parsed.difficulty.beginner.label, 'es', 'en')).toBe('Beginner');
    expect(textIn(parsed.difficulty.intermediate.label, 'fr', 'en')).toBe('Intermediate');
    expect(siteModuleExports({ ...parsed } as never).difficultyLabels.advanced).toBe('Advanced');
    const wrong = siteConfigSchema.safeParse({
      difficulty: { ...parsed.difficulty, beginner: level({ english: 'x' }) },
    });
    expect(wrong.success).toBe(false);
  });

  it('reads tag labels and descriptions per language, the plain form still valid', () => {
    const vocabulary = tagVocabularySchema.parse({
      cloud: { label: { en: 'Cloud', fr: 'Nuage' }, description: 'Clouds.' },
      water: { label: 'Water', description: { en: 'Water use.', es: 'Uso del agua.' } },
    });
    expect(vocabularyIn(vocabulary, 'fr', 'en')).toEqual({
      cloud: { label: 'Nuage', description: 'Clouds.' },
      water: { label: 'Water', description: 'Water use.' },
    });
    expect(vocabularyIn(vocabulary, 'es', 'en')['water']?.description).toBe('Uso del agua.');
    expect(tagVocabularySchema.safeParse({ cloud: { label: { English: 'Cloud' }, description: 'x' } }).success).toBe(
      false,
    );
  });
});

describe('npm run check:content', () => {
  it('lists the interface text a site language lacks, with the guides’ problems', async () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const dir = await mkdtemp(path.join(tmpdir(), 'greenpath-i18n-'));
    // The sample site with one more language, which has no interface text.
    await writeFile(path.join(dir, 'site.yaml'), 'language: en\nlanguages: [{ code: fr }, { code: de }]\n');
    const result = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/check-content.ts', '--json'],
        { cwd: root, stdio: 'pipe', env: { ...process.env, SITE_CONFIG: path.join(dir, 'site.yaml') } },
      );
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout }));
    });
    await rm(dir, { recursive: true, force: true });
    const report = JSON.parse(result.stdout) as { errors: number; diagnostics: { file: string; message: string }[] };
    expect(result.code).toBe(1);
    expect(report.diagnostics).toContainEqual(
      expect.objectContaining({
        file: 'src/i18n/de.yaml',
        message: '(file): missing: the interface text of de, a copy of src/i18n/en.yaml translated',
      }),
    );
    expect(report.diagnostics.filter((d) => d.file.startsWith('src/i18n/'))).toHaveLength(1);
  }, 120_000);
});
