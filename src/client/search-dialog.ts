/**
 * <search-dialog>: the search in the dialog that <search-button> opens (this code loads only
 * then; the button opens the modal <dialog> itself and returns focus when it closes). Here:
 * Tab and Shift+Tab wrap inside it, Escape or the backdrop close it (the close button is a
 * `method="dialog"` form, which needs no script), and results appear as the reader types. Enter submits the form, a plain GET to the search page
 * (`/search/?q=…`), where filters and sorting are.
 */
import { EMPTY_SEARCH_STATE, normaliseQuery, searchHref } from '~/lib/search-state';
import { loadPagefind, runSearch, UNAVAILABLE_MESSAGE } from './search-engine';
import { ResultsView } from './search-results';

const DEBOUNCE_MS = 200;
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), [tabindex="0"]';

class DialogSearch {
  private searchId = 0;
  private readonly input: HTMLInputElement;
  private readonly seeAll: HTMLAnchorElement;
  private readonly searchPage: string;
  private readonly view: ResultsView;

  constructor(private readonly dialog: HTMLDialogElement) {
    const form = dialog.querySelector('form[role="search"]');
    const input = dialog.querySelector<HTMLInputElement>('input[type="search"]');
    const seeAll = dialog.querySelector<HTMLAnchorElement>('[data-see-all]');
    const results = dialog.querySelector<HTMLElement>('[data-search-results]');
    if (!form || !input || !seeAll || !results) throw new Error('Search dialog: incomplete markup');
    this.input = input;
    this.seeAll = seeAll;
    this.searchPage = form.getAttribute('action') ?? '/search/';
    this.view = new ResultsView(results, {
      useSuggestion: (q) => {
        input.value = q;
        input.focus();
        void this.search();
      },
      hrefFor: (q) => searchHref(this.searchPage, { q }),
    });
    input.addEventListener('input', () => void this.search());
    form.addEventListener('submit', (event) => {
      if (!normaliseQuery(input.value)) event.preventDefault();
    });
    // A click on the backdrop lands on the <dialog> itself, outside its content box.
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close();
    });
    dialog.addEventListener('keydown', (event) => {
      // Escape in a search box with text would only clear it; here it closes the dialog at once.
      if (event.key === 'Escape') {
        event.preventDefault();
        dialog.close();
      } else this.trapTab(event);
    });
  }

  /** Called once the code has loaded: the dialog may be open with words already typed. */
  start(): void {
    // Fetch Pagefind and its metadata while the reader types the first letters.
    const prepare = () => void loadPagefind().catch(() => this.view.message(UNAVAILABLE_MESSAGE));
    this.input.addEventListener('focus', prepare);
    if (this.dialog.open) prepare();
    if (this.input.value) void this.search();
  }

  private trapTab(event: KeyboardEvent): void {
    if (event.key !== 'Tab') return;
    const focusable = [...this.dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (element) => element.getClientRects().length > 0,
    );
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  private async search(): Promise<void> {
    const id = ++this.searchId;
    const q = normaliseQuery(this.input.value);
    this.seeAll.href = searchHref(this.searchPage, { q });
    if (!q) {
      this.view.message('');
      return;
    }
    this.view.busy();
    try {
      const pagefind = await loadPagefind();
      const outcome = await runSearch(pagefind, { ...EMPTY_SEARCH_STATE, q }, new Map(), {
        debounceMs: DEBOUNCE_MS,
        isCurrent: () => id === this.searchId,
      });
      if (outcome) await this.view.render(outcome, '');
    } catch {
      if (id === this.searchId) this.view.message(UNAVAILABLE_MESSAGE);
    }
  }
}

class SearchDialogElement extends HTMLElement {
  private search: DialogSearch | undefined;

  connectedCallback(): void {
    const dialog = this.querySelector('dialog');
    if (!dialog || this.search) return;
    this.search = new DialogSearch(dialog);
    this.search.start();
  }
}

if (!customElements.get('search-dialog')) customElements.define('search-dialog', SearchDialogElement);
