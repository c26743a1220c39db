/**
 * <filter-links>: when JavaScript runs, each link inside that has a `data-filter-href` opens that
 * filtered view of /guides/ instead of its static target (a section of the same page, which is
 * what readers without JavaScript get).
 */
class FilterLinks extends HTMLElement {
  connectedCallback(): void {
    for (const link of this.querySelectorAll<HTMLAnchorElement>('a[data-filter-href]')) {
      link.href = link.dataset['filterHref'] ?? link.href;
    }
  }
}

if (!customElements.get('filter-links')) customElements.define('filter-links', FilterLinks);
