/**
 * Interface text for browser code, read from the page: the server writes the messages an element
 * needs, in the page's language, into its `data-text` attribute (src/data/i18n.ts `clientText`),
 * so no language's text is bundled. Filling them in is src/lib/template.ts's `say`.
 */
import type { PageText } from '~/lib/template';

export { say, type PageText } from '~/lib/template';

export function readText(element: HTMLElement): PageText {
  return JSON.parse(element.dataset['text'] ?? '{}') as PageText;
}
