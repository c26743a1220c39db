/**
 * Where the build writes carbon figures into finished pages: the markers components render and
 * the functions that fill them (src/components/CarbonFigure.astro, src/pages/[...lang]/about/carbon.astro,
 * src/integrations/finish-pages/carbon-figure.ts). Pure; shared by the components and the integration.
 */

// What a guide shows before the build has measured it (in `astro dev`) is the interface text
// `carbon.placeholder`; the explanation page, in the default language only, says this:
export const RANGE_PLACEHOLDER = 'measured when the site is built';

const FIGURE = /(<span data-carbon-figure(?:\s[^>]*)?>)[^<]*(<\/span>)/;
const RANGE = /(<span data-carbon-range(?:\s[^>]*)?>)[^<]*(<\/span>)/;

export function hasFigure(html: string): boolean {
  return FIGURE.test(html);
}

export function hasRange(html: string): boolean {
  return RANGE.test(html);
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The page with its figure marker holding `text`. */
export function fillFigure(html: string, text: string): string {
  return html.replace(FIGURE, (_, open: string, close: string) => `${open}${escapeText(text)}${close}`);
}

/** The page with its range marker holding `text`. */
export function fillRange(html: string, text: string): string {
  return html.replace(RANGE, (_, open: string, close: string) => `${open}${escapeText(text)}${close}`);
}
