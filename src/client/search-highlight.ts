/**
 * On a guide opened from a search result (`…/?highlight=carbon&highlight=aware`), marks the
 * searched words with Pagefind's highlight script. Without the parameter nothing is loaded.
 * The marks are styled in prose.css (`mark.pagefind-highlight`), so the script adds no styles.
 */
import { bundleUrl, HIGHLIGHT_PARAM } from './search-bundle';

type HighlightConstructor = new (options: { highlightParam: string; addStyles: boolean }) => unknown;

if (new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) {
  import(/* @vite-ignore */ bundleUrl('pagefind-highlight.js'))
    .then((module: { default: HighlightConstructor }) => {
      new module.default({ highlightParam: HIGHLIGHT_PARAM, addStyles: false });
    })
    .catch(() => {
      // No index (a dev server before the first build): the page simply shows no marks.
    });
}
