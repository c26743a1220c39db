/**
 * The interface text pages render with: `src/i18n/*.yaml`, bundled as text by Vite and read
 * with the same parser the content check uses (./interface-text.ts). Its problems are reported,
 * with every file and line, by the build's content guard before any page renders; here a file
 * that still fails stops the render with the same messages.
 * Components call `translatorFor(Astro.currentLocale)`.
 */
import { formatShort } from '../schemas/errors';
import { escapeHtml, type CardText } from '../lib/guide-card';
import { DIFFICULTIES } from '../lib/difficulty';
import type { PageText } from '../lib/template';
import { createTranslator, pickLanguage, type Translator } from '../lib/i18n';
import type { Difficulty } from '../lib/difficulty';
import { SITE } from '../lib/site';
import { textIn } from '../schemas/site';
import { INTERFACE_TEXT_DIR, interfaceTextOf } from './interface-text';

const sources = import.meta.glob<string>('../i18n/*.yaml', { query: '?raw', import: 'default', eager: true });
const text = interfaceTextOf(
  Object.fromEntries(
    Object.entries(sources).map(([file, source]) => [file.replace('../i18n', INTERFACE_TEXT_DIR), source]),
  ),
);
const errors = text.diagnostics.filter((d) => d.severity === 'error');
if (errors.length) throw new Error(`The interface text is invalid:\n${errors.map(formatShort).join('\n')}`);

const translators = new Map<string, Translator>();

/** The translator of a page's language (`Astro.currentLocale`), the site's default when it has none. */
export function translatorFor(locale: string | undefined): Translator {
  const { lang, value } = pickLanguage(text.catalog, locale, SITE.language);
  let translator = translators.get(lang);
  if (!translator) {
    translator = createTranslator(lang, value);
    translators.set(lang, translator);
  }
  return translator;
}

/** A level's name in a language (content/site.yaml's `difficulty.<level>.label`). */
export function difficultyLabel(level: Difficulty, lang: string): string {
  return textIn(SITE.difficulty[level].label, lang, SITE.language);
}

/** A level's one-line description in a language. */
export function difficultyBlurb(level: Difficulty, lang: string): string {
  return textIn(SITE.difficulty[level].description, lang, SITE.language);
}

/** The words of a guide card, for renderCard on the server and, through the page's HTML, in the browser. */
export function cardText(translator: Translator): CardText {
  const { t, template, lang } = translator;
  const levels = DIFFICULTIES.map((level) => {
    const name = difficultyLabel(level, lang);
    const badge = t('difficulty.badge_link', { level: name, level_lower: name.toLocaleLowerCase(lang) });
    return [level, [escapeHtml(name), escapeHtml(badge)] as const] as const;
  });
  return {
    locale: translator.locale,
    levels: Object.fromEntries(levels),
    minutes: escapeHtml(template('guide.minutes')),
    published: escapeHtml(t('guide.published')),
    tagsOf: escapeHtml(template('card.tags_of')),
  };
}

/**
 * Messages for browser code, as written (`{var}`s and count forms left in), with the page's
 * language for `Intl.PluralRules`: the element reads them from its `data-text` attribute.
 */
export function clientText(translator: Translator, keys: readonly string[]): PageText {
  const { value } = pickLanguage(text.catalog, translator.lang, SITE.language);
  const entries = keys.map((key) => {
    const message = value[key];
    if (message === undefined) throw new Error(`Interface text: no message "${key}" in ${translator.lang}`);
    return [key.split('.').pop()!, message] as const;
  });
  return { lang: translator.lang, locale: translator.locale, ...Object.fromEntries(entries) };
}
