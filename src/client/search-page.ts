/**
 * <search-page>: the search page. The URL holds the state (`?q=…&difficulty=…&tag=…&sort=…`,
 * see src/lib/search-state.ts): it is read on load and on back/forward, replaced while the
 * reader types and pushed when a filter, the sort or a suggestion changes the search. Every
 * change searches at once, with no typing delay (SearchScheduler keeps one search at a time
 * and drops stale answers). Search is warmed up (Pagefind, its filter chunks, one first search)
 * once the page is idle, or sooner when the search box gets focus; at once when the URL already
 * asks for a search.
 */
import { isDifficulty } from '~/lib/difficulty';
import { SearchScheduler } from '~/lib/search-scheduler';
import {
  EMPTY_SEARCH_STATE,
  hasFilters,
  isEmptySearch,
  normaliseQuery,
  parseSearchState,
  searchHref,
  serialiseSearchState,
  type SearchSort,
  type SearchState,
} from '~/lib/search-state';
import { loadPagefind, preloadTerm, runSearch, warmSearch, type SearchOutcome } from './search-engine';
import { ResultsView, type LoadedOutcome } from './search-results';
import { say } from './page-text';

class SearchPage extends HTMLElement {
  private form!: HTMLFormElement;
  private input!: HTMLInputElement;
  private sort!: HTMLSelectElement;
  private boxes: HTMLInputElement[] = [];
  private view!: ResultsView;
  /** Tag slug → label, as the index holds tags by label. */
  private tagLabels = new Map<string, string>();
  private state: SearchState = EMPTY_SEARCH_STATE;
  private readonly scheduler = new SearchScheduler<SearchState, LoadedOutcome>({
    run: async (state) =>
      this.view.load(await runSearch(await loadPagefind(), state, this.tagLabels, { facets: true })),
    show: (loaded) => {
      this.showCounts(loaded.outcome);
      this.view.show(loaded, this.filterSummary(loaded.outcome.state));
    },
    fail: () => this.view.unavailable(),
    // The state changes with every keystroke and filter, so an answer for an older one is stale.
    isWanted: (state) => state === this.state,
    onWait: (state) => preloadTerm(state, this.tagLabels),
  });

  connectedCallback(): void {
    const form = this.querySelector('form');
    const input = this.querySelector<HTMLInputElement>('input[type="search"]');
    const sort = this.querySelector<HTMLSelectElement>('select[name="sort"]');
    const results = this.querySelector<HTMLElement>('[data-search-results]');
    if (!form || !input || !sort || !results) return;
    this.form = form;
    this.input = input;
    this.sort = sort;
    this.boxes = [...this.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    for (const box of this.boxes) {
      if (box.name === 'tag') this.tagLabels.set(box.value, box.dataset['filterValue'] ?? box.value);
    }
    this.view = new ResultsView(results, {
      clearFilters: () => this.commit({ ...this.state, difficulty: [], tag: [] }),
      useSuggestion: (q) => {
        this.input.value = q;
        this.commit({ ...this.state, q });
      },
      hrefFor: (q) => searchHref(this.form.getAttribute('action') ?? '', { ...this.state, q }),
    });

    // A reader comes to this page to search: search is warmed up (warmSearch) once the page is
    // idle, or as the reader comes to the box if that is sooner, so that a first query waits for
    // its answer and not for Pagefind's start-up.
    const warm = () => void warmSearch().catch(() => undefined);
    (window.requestIdleCallback ?? setTimeout)(warm);
    input.addEventListener('focus', warm, { once: true });
    input.addEventListener('input', () => {
      this.state = { ...this.state, q: normaliseQuery(input.value) };
      history.replaceState(history.state, '', this.href(this.state));
      this.search();
    });
    form.addEventListener('change', (event) => {
      if (event.target !== input) this.commit(this.readControls());
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.commit(this.readControls());
    });
    window.addEventListener('popstate', () => this.restore());

    for (const control of [input, sort, ...this.querySelectorAll('fieldset')]) control.disabled = false;
    this.restore();
  }

  private href(state: SearchState): string {
    const query = serialiseSearchState(state);
    return `${location.pathname}${query ? `?${query}` : ''}`;
  }

  private readControls(): SearchState {
    const checked = (name: string) => this.boxes.filter((b) => b.name === name && b.checked).map((b) => b.value);
    return {
      q: normaliseQuery(this.input.value),
      difficulty: checked('difficulty').filter(isDifficulty),
      tag: checked('tag'),
      sort: this.sort.value as SearchSort,
    };
  }

  private showState(state: SearchState): void {
    if (normaliseQuery(this.input.value) !== state.q) this.input.value = state.q;
    for (const box of this.boxes) {
      const chosen: readonly string[] = box.name === 'difficulty' ? state.difficulty : state.tag;
      box.checked = chosen.includes(box.value);
    }
    this.sort.value = state.sort;
    // On narrow screens the filters fold away; chosen ones are shown and counted in the summary.
    const chosen = state.difficulty.length + state.tag.length + (state.sort === 'relevance' ? 0 : 1);
    const details = this.querySelector<HTMLDetailsElement>('[data-filters]');
    if (details && chosen > 0) details.open = true;
    const summary = this.querySelector('[data-filters-on]');
    if (summary) summary.textContent = chosen > 0 ? say(this.view.text, 'chosen', { count: chosen }) : '';
  }

  /** A deliberate change (filter, sort, Enter, suggestion): a new history entry, searched at once. */
  private commit(state: SearchState): void {
    if (location.search.slice(1) !== serialiseSearchState(state)) history.pushState(null, '', this.href(state));
    this.state = state;
    this.showState(state);
    this.search();
  }

  /** Load and back/forward: the URL is the truth. */
  private restore(): void {
    this.state = parseSearchState(location.search, this.tagLabels);
    this.showState(this.state);
    this.search();
  }

  private filterSummary(state: SearchState): string {
    if (!hasFilters(state)) return '';
    const names = [
      ...state.difficulty.map((level) => (this.view.text['levels'] as Record<string, string>)[level] ?? level),
      ...state.tag.map((slug) => this.tagLabels.get(slug) ?? slug),
    ];
    return say(this.view.text, 'filters_on', { names: names.join(', ') });
  }

  private showCounts(outcome: SearchOutcome | undefined): void {
    for (const box of this.boxes) {
      const count = box.parentElement?.querySelector('[data-count]');
      if (!count) continue;
      const group = box.name === 'tag' ? outcome?.counts?.tag : outcome?.counts?.difficulty;
      const value = outcome ? (group?.[box.dataset['filterValue'] ?? ''] ?? 0) : Number(box.dataset['total']);
      count.textContent = `(${value})`;
    }
  }

  private search(): void {
    const state = this.state;
    if (isEmptySearch(state)) {
      this.scheduler.cancel();
      this.showCounts(undefined);
      this.view.message('');
      return;
    }
    this.view.busy();
    this.scheduler.request(state);
  }
}

if (!customElements.get('search-page')) customElements.define('search-page', SearchPage);
