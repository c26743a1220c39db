/**
 * Interface text in one language: a message by key, `{var}` filled in, the plural form chosen
 * with `Intl.PluralRules`, numbers and dates formatted with `Intl` in the page's language. The
 * messages come from `src/i18n/<code>.yaml` (checked by src/data/interface-text.ts). Pure: pages
 * run it at build time; browser code never imports it, it reads its text from the page's HTML.
 */
import { DATE_STYLE } from './guide-card';

export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

/** A count phrase: one text per plural category the language uses; `other` always. */
export type PluralForms = Partial<Record<PluralCategory, string>> & { other: string };
export type Message = string | PluralForms;
/** Messages by dotted key (`filter.heading`), as the language file nests them. */
export type Messages = Readonly<Record<string, Message>>;
export type Vars = Readonly<Record<string, string | number>>;

/** The key whose text is the `Intl` locale dates and numbers are written in (`en-GB` for en). */
export const LOCALE_KEY = 'format.locale';

const CATEGORY_SET = new Set<string>(PLURAL_CATEGORIES);
const VARIABLE = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** A mapping whose keys are all plural categories, `other` among them, is a count phrase. */
export function isPluralForms(value: unknown): value is PluralForms {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return (
    keys.includes('other') &&
    keys.every((key) => CATEGORY_SET.has(key) && typeof (value as Record<string, unknown>)[key] === 'string')
  );
}

/** The `{name}`s a text uses, in order of first use. */
export function variablesOf(message: Message): string[] {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  const names = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(VARIABLE)) names.add(match[1]!);
  return [...names];
}

/**
 * The plural categories a language's counts fall into, read from the integers 0 to 1,000: `one`
 * and `other` in English and French (French's `many` is for millions), `one`, `few` and `many`
 * in Polish, all six in Arabic. These are the forms a count phrase in that language must give.
 */
export function countCategories(lang: string): PluralCategory[] {
  const rules = new Intl.PluralRules(lang);
  const used = new Set<string>();
  for (let n = 0; n <= 1000; n++) used.add(rules.select(n));
  return PLURAL_CATEGORIES.filter((category) => used.has(category));
}

export interface Translator {
  /** The language's code, as the page's `lang`. */
  readonly lang: string;
  /** The message at `key` with its `{var}`s filled in; a count phrase takes its form from `vars.count`. */
  t: (key: string, vars?: Vars) => string;
  /**
   * The text before and after `{name}` in a message, for markup in the middle ("Guides licensed
   * under {licence}." around a link), so each language puts the link where its grammar wants it.
   */
  around: (key: string, name: string, vars?: Vars) => [before: string, after: string];
  /** The message at `key` as written, its `{var}`s left in: for browser code that fills them itself. */
  template: (key: string) => string;
  /** The `Intl` locale dates and numbers are written in. */
  readonly locale: string;
  /** Grouped from 10,000 (`9999`, `10,000`, `10 000`), as the page's language writes numbers. */
  number: (value: number) => string;
  /** `1 May 2025` in English, `1 mai 2025` in French; in UTC, so every build gives the same page. */
  date: (value: Date) => string;
}

export function createTranslator(lang: string, messages: Messages): Translator {
  const localeText = messages[LOCALE_KEY];
  const locale = typeof localeText === 'string' && localeText ? localeText : lang;
  const numbers = new Intl.NumberFormat(locale, { useGrouping: 'min2' });
  const dates = new Intl.DateTimeFormat(locale, DATE_STYLE);
  const plurals = new Intl.PluralRules(lang);
  const number = (value: number) => numbers.format(value);

  const t = (key: string, vars: Vars = {}): string => {
    const message = messages[key];
    if (message === undefined) throw new Error(`Interface text: no message "${key}" in ${lang}`);
    let text: string;
    if (typeof message === 'string') text = message;
    else {
      const count = vars['count'];
      if (typeof count !== 'number') {
        throw new Error(`Interface text: "${key}" (${lang}) is a count phrase: give {count} as a number`);
      }
      text = message[plurals.select(count)] ?? message.other;
    }
    return text.replace(VARIABLE, (_, name: string) => {
      const value = vars[name];
      if (value === undefined) {
        const given = Object.keys(vars);
        throw new Error(
          `Interface text: "${key}" (${lang}) uses {${name}}, which was not given (given: ${given.length ? given.join(', ') : 'nothing'})`,
        );
      }
      return typeof value === 'number' ? number(value) : value;
    });
  };

  const around = (key: string, name: string, vars: Vars = {}): [string, string] => {
    const marker = '\u0000';
    const [before = '', after = '', ...rest] = t(key, { ...vars, [name]: marker }).split(marker);
    if (rest.length) throw new Error(`Interface text: "${key}" (${lang}) uses {${name}} more than once`);
    return [before, after];
  };

  const template = (key: string): string => {
    const message = messages[key];
    if (typeof message !== 'string') throw new Error(`Interface text: no text "${key}" in ${lang}`);
    return message;
  };

  return { lang, locale, t, around, template, number, date: (value) => dates.format(value) };
}

/**
 * The messages of a page's language: the page's own (`Astro.currentLocale`) when there are some,
 * else those of its primary language (`pt` for `pt-BR`), else the site's default language's.
 */
export function pickLanguage<T>(
  catalog: Readonly<Record<string, T>>,
  wanted: string | undefined,
  fallback: string,
): { lang: string; value: T } {
  const codes = Object.keys(catalog);
  const candidates = [wanted, wanted?.split('-')[0], fallback, fallback.split('-')[0]];
  for (const candidate of candidates) {
    const lang = candidate && codes.find((code) => code.toLowerCase() === candidate.toLowerCase());
    if (lang) return { lang, value: catalog[lang]! };
  }
  throw new Error(`Interface text: no messages for ${wanted ?? fallback} or ${fallback}`);
}
