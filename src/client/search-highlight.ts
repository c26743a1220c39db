/**
 * <search-highlight data-param="highlight" data-script="/pagefind/pagefind-highlight.js">: on a
 * guide opened from a search result (`…/?highlight=carbon&highlight=aware`), marks the searched
 * words with Pagefind's highlight script. Without the parameter nothing is loaded. The layout
 * writes the parameter's name and the script's URL, so this code imports nothing. The marks are
 * styled in prose.css (`mark.pagefind-highlight`), so the script adds no styles.
 */
type HighlightConstructor = new (options: { highlightParam: string; addStyles: boolean }) => unknown;

class SearchHighlight extends HTMLElement {
  connectedCallback(): void {
    const { param, script } = this.dataset;
    if (!param || !script || !new URLSearchParams(location.search).has(param)) return;
    import(/* @vite-ignore */ script)
      .then((module: { default: HighlightConstructor }) => {
        new module.default({ highlightParam: param, addStyles: false });
      })
      .catch(() => {
        // No index (a dev server before the first build): the page simply shows no marks.
      });
  }
}

if (!customElements.get('search-highlight')) customElements.define('search-highlight', SearchHighlight);
