/**
 * Interface text for browser code, read from the page: the server writes the messages an element
 * needs, in the page's language, into its `data-text` attribute (src/data/i18n.ts `clientText`),
 * so no language's text is bundled. `{var}`s are filled here; a count phrase takes its form from
 * `Intl.PluralRules` and `vars.count`.
 */
import { fill } from '~/lib/guide-card';

type Forms = Record<string, string>;
export type PageText = { lang: string } & Record<string, string | Forms>;

export function readText(element: HTMLElement, name = 'text'): PageText {
  return JSON.parse(element.dataset[name] ?? '{}') as PageText;
}

export function say(text: PageText, key: string, vars: Record<string, string | number> = {}): string {
  const message = text[key] ?? key;
  const template =
    typeof message === 'string'
      ? message
      : (message[new Intl.PluralRules(text.lang).select(Number(vars['count']))] ?? message['other'] ?? key);
  return fill(template, vars);
}
