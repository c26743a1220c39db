/**
 * <search-dialog>: the search in the dialog that <search-button> opens (this code loads only
 * then; the button opens the modal <dialog> itself and returns focus when it closes). Here:
 * Tab and Shift+Tab wrap inside it, Escape or the backdrop close it (the close button is a
 * `method="dialog"` form, which needs no script), and results appear as the reader types: each
 * keystroke's query starts at once, with no typing delay (SearchScheduler keeps one search at
 * a time and drops stale answers). Enter submits the form, a plain GET to the search page
 * (`/search/?q=…`), where filters and sorting are.
 */
import { SearchScheduler } from '~/lib/search-scheduler';
import { EMPTY_SEARCH_STATE, normaliseQuery, searchHref, type SearchState } from '~/lib/search-state';
import { loadPagefind, preloadTerm, runSearch } from './search-engine';
import { ResultsView, type LoadedOutcome } from './search-results';

const NO_TAGS = new Map<string, string>();
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), [tabindex="0"]';

class DialogSearch {
  private readonly input: HTMLInputElement;
  private readonly seeAll: HTMLAnchorElement;
  private readonly searchPage: string;
  private readonly view: ResultsView;
  private readonly scheduler: SearchScheduler<SearchState, LoadedOutcome>;

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
        this.search();
      },
      hrefFor: (q) => searchHref(this.searchPage, { q }),
    });
    this.scheduler = new SearchScheduler({
      run: async (state) => this.view.load(await runSearch(await loadPagefind(), state, NO_TAGS)),
      show: (loaded) => this.view.show(loaded, ''),
      fail: () => this.view.unavailable(),
      isWanted: (state) => state.q === normaliseQuery(input.value),
      onWait: (state) => preloadTerm(state, NO_TAGS),
    });
    input.addEventListener('input', () => this.search());
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
    // Fetch Pagefind, its metadata and WebAssembly while the reader types the first letters.
    const prepare = () => void loadPagefind().catch(() => this.view.unavailable());
    this.input.addEventListener('focus', prepare);
    if (this.dialog.open) prepare();
    if (this.input.value) this.search();
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

  private search(): void {
    const q = normaliseQuery(this.input.value);
    this.seeAll.href = searchHref(this.searchPage, { q });
    if (!q) {
      this.scheduler.cancel();
      this.view.message('');
      return;
    }
    this.view.busy();
    this.scheduler.request({ ...EMPTY_SEARCH_STATE, q });
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
