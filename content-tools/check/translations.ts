/**
 * The content check's translation rules and its `--translations` report. A guide in
 * `content/guides/<code>/` (a language of content/site.yaml) is a translation; each is paired
 * with its original (src/lib/translations.ts) and its state decided from the files' last commits,
 * read in one `git log` pass (src/integrations/git-dates/read.ts), else from their front-matter
 * dates. Problems: a translation with no original and two translations of one original in one
 * language are errors; an out-of-date translation is a warning. The table itself is
 * src/lib/translation-status.ts's, shared with the page /about/translations/. Node only.
 */
import type { Diagnostic } from '../../src/schemas/errors';
import { readGitDates } from '../../src/integrations/git-dates/read';
import { languageOfGuideFile, type Language } from '../../src/lib/languages';
import { closest } from 'fastest-levenshtein';
import { pairTranslations, type TranslatableGuide } from '../../src/lib/translations';
import {
  formatComparedDates,
  translationStatus,
  type StatusGuide,
  type TranslationPair,
  type TranslationStatus,
} from '../../src/lib/translation-status';
import { plural } from '../../src/lib/format';
import { diagnostic, type GuideRecord } from './types';

/** A guide as the translation rules see it: its id is the path messages show. */
export interface TranslationRecord extends StatusGuide {
  guide: GuideRecord;
}

export interface TranslationCheck {
  diagnostics: Diagnostic[];
  /** The table of published guides with valid front matter, as `--translations` prints it. */
  status: TranslationStatus<TranslationRecord>;
}

const translationOfField = (guide: GuideRecord): string | undefined => {
  const value = guide.frontmatter?.translation_of ?? guide.parsed.data['translation_of'];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
};

/** Translations paired, dated and judged: the check's problems and its table. */
export async function checkTranslations(
  guides: readonly GuideRecord[],
  languages: readonly Language[],
  options: { root: string; dir: string; gitDates?: ReadonlyMap<string, string> },
): Promise<TranslationCheck> {
  const defaultLanguage = languages.find((language) => language.isDefault) ?? languages[0]!;
  const all = guides.map((guide): TranslatableGuide & { guide: GuideRecord } => {
    const { language, pathInLanguage } = languageOfGuideFile(guide.relativePath, languages);
    return {
      id: guide.displayPath,
      lang: language.code,
      pathInLanguage,
      slug: guide.slug,
      translationOf: translationOfField(guide),
      guide,
    };
  });
  // Git is asked only when there is something to date: a one-language site never runs it.
  const hasTranslations = all.some((guide) => guide.lang !== defaultLanguage.code);
  const gitDates =
    options.gitDates ??
    (hasTranslations ? (await readGitDates(options.dir, { cwd: options.root })).dates : new Map<string, string>());

  const diagnostics: Diagnostic[] = [];
  const { problems } = pairTranslations(all, defaultLanguage.code);
  const byId = new Map(all.map((guide) => [guide.id, guide]));
  const originalSlugs = all.filter((guide) => guide.lang === defaultLanguage.code).map((guide) => guide.slug);
  for (const problem of problems) {
    const record = byId.get(problem.id)!;
    const { guide } = record;
    const named = record.translationOf;
    const at = named ? guide.parsed.locate(['translation_of']) : { line: 1, column: 1 };
    if (problem.reason === 'no-original') {
      // The closest slug however far: an author who mistyped it, or named the file differently, sees which one was meant.
      const hint = originalSlugs.length
        ? `; the nearest slug is "${closest(named ?? guide.slug, originalSlugs)}"`
        : `; there is no guide in ${defaultLanguage.code} yet`;
      const message = named
        ? `translation_of: expected the slug of a guide in ${defaultLanguage.code}, found "${named}", which no guide has${hint}`
        : `translation_of: expected an original named ${record.pathInLanguage} in ${options.dir.replace(/\/+$/, '')}/ (or translation_of naming its slug), found none${hint}`;
      diagnostics.push(diagnostic(guide, at, 'error', 'translation-original', message, 'translation_of'));
    } else {
      diagnostics.push(
        diagnostic(
          guide,
          at,
          'error',
          'translation-duplicate',
          `translation: expected one translation of "${named ?? record.pathInLanguage}" in ${record.lang}, found two: ${problem.other} and ${problem.id}`,
          named ? 'translation_of' : undefined,
        ),
      );
    }
  }

  // The table, and its out-of-date warnings, count what a build publishes.
  const dated = all.flatMap((record): TranslationRecord[] => {
    const { guide } = record;
    if (guide.draft || !guide.frontmatter) return [];
    const committed = gitDates.get(guide.displayPath);
    const { title, date, updated, translated } = guide.frontmatter;
    return [
      {
        ...record,
        title,
        dates: { committed: committed ? new Date(committed) : undefined, edited: updated ?? date, translated },
      },
    ];
  });
  const status = translationStatus(dated, languages);
  for (const language of status.languages) {
    for (const pair of language.outdated) {
      const { guide } = pair.translation;
      const at = guide.frontmatter?.translated ? guide.parsed.locate(['translated']) : { line: 1, column: 1 };
      diagnostics.push(diagnostic(guide, at, 'warning', 'translation-outdated', outdatedMessage(pair), 'translated'));
    }
  }
  return { diagnostics, status };
}

function outdatedMessage(pair: TranslationPair<TranslationRecord>): string {
  const dates = formatComparedDates(pair.dates);
  const [by, fix] =
    pair.dates.source === 'git'
      ? ['by their last commits', 'bring it in line and commit it']
      : ['by their front-matter dates', 'bring it in line and set translated: to the day'];
  return `translation: out of date: its original ${pair.original.id} changed on ${dates.original}, after this translation (${dates.translation}), ${by}; ${fix}`;
}

/** `--translations`: per language, the counts, the out-of-date translations with dates and the missing guides. */
export function formatTranslationStatus(status: TranslationStatus<TranslationRecord>): string[] {
  const site = `${status.defaultLanguage.name} (${status.defaultLanguage.code})`;
  if (status.languages.length === 0) {
    return [`Translations: the site has one language, ${site}: nothing to translate.`];
  }
  const lines = [`Translations of ${plural(status.originals.length, 'guide')} in ${site}:`];
  for (const language of status.languages) {
    lines.push(
      '',
      `${language.language.name} (${language.language.code}): ${language.translations.length} translated, ${language.current.length} up to date, ${language.outdated.length} out of date, ${language.missing.length} missing`,
    );
    if (language.outdated.length) {
      lines.push('  Out of date:');
      for (const pair of language.outdated) {
        const dates = formatComparedDates(pair.dates);
        lines.push(
          `    ${pair.translation.id} (${dates.translation}): original ${pair.original.id} changed on ${dates.original} (${pair.dates.source})`,
        );
      }
    }
    if (language.missing.length) {
      lines.push('  Missing:');
      for (const original of language.missing) lines.push(`    ${original.id}`);
    }
  }
  return lines;
}

/** The `translations` section of `--json`: the same table as plain data. */
export function translationStatusJson(status: TranslationStatus<TranslationRecord>) {
  const pair = (p: TranslationPair<TranslationRecord>) => ({
    translation: p.translation.id,
    original: p.original.id,
    translationDate: p.dates.translation.toISOString(),
    originalDate: p.dates.original.toISOString(),
    source: p.dates.source,
  });
  return {
    defaultLanguage: status.defaultLanguage.code,
    originals: status.originals.length,
    languages: status.languages.map((language) => ({
      code: language.language.code,
      name: language.language.name,
      translated: language.translations.length,
      upToDate: language.current.length,
      outOfDate: language.outdated.length,
      missing: language.missing.length,
      outdated: language.outdated.map(pair),
      current: language.current.map(pair),
      missingGuides: language.missing.map((original) => original.id),
    })),
  };
}
