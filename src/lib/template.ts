/**
 * Messages for code that runs in the browser too (guide cards, the scripts, the calculators):
 * `{name}`s filled in, and a count phrase's form chosen with `Intl.PluralRules`. The messages come
 * from the page's language file, written into the HTML by the server (src/data/i18n.ts
 * `clientText`); a name without a value stays as written. Server and client.
 */
type Forms = Record<string, string>;

/** Messages by their last key segment, the page's language, and the `Intl` locale of its numbers. */
export type PageText = { lang: string; locale?: string } & Record<string, string | Forms>;

export function fill(template: string, vars: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole));
}

/** The server wrote every key the element asks for (`clientText` checks them). */
export function say(text: PageText, key: string, vars: Record<string, string | number> = {}): string {
  const message = text[key]!;
  return fill(
    typeof message === 'string'
      ? message
      : (message[new Intl.PluralRules(text.lang).select(vars['count'] as number)] ?? message['other']!),
    vars,
  );
}
