/**
 * Renders a search outcome into a SearchResults.astro block: the status line (a polite live
 * region), the zero-result help and the results, each with its title, badge, reading time,
 * tags, excerpt (matched words in <mark>) and up to three sub-results that link to headings.
 * Shared by the search dialog and the search page; owns no state beyond what it shows.
 */
import { isDifficulty } from '~/lib/difficulty';
import { readText, say, type PageText } from './page-text';
import { excerptParts, hasMarks } from '~/lib/search-excerpt';
import { SEARCH_FIELDS } from '~/lib/search-state';
import type { PagefindResultData, SearchOutcome } from './search-engine';

export const MAX_SUB_RESULTS = 3;

/**
 * An outcome ready to show: its first result built, and the data of the rest of its first page
 * on its way. Pagefind fetches each result's data apart; waiting for the tenth before showing
 * the first would make the reader wait for the slowest of ten fetches.
 */
export interface LoadedOutcome {
  outcome: SearchOutcome;
  items: DocumentFragment[];
  rest: Promise<PagefindResultData>[];
}

function fillExcerpt(target: Element, excerpt: string): void {
  target.replaceChildren(
    ...excerptParts(excerpt).map(({ text, marked }) => {
      if (!marked) return document.createTextNode(text);
      const mark = document.createElement('mark');
      mark.textContent = text;
      return mark;
    }),
  );
}

export interface ResultsActions {
  /** Clear every filter (zero results with filters on). */
  clearFilters?: () => void;
  /** Search for the suggested query. */
  useSuggestion: (q: string) => void;
  /** The href of the search page for a query, for the suggestion link. */
  hrefFor: (q: string) => string;
}

export class ResultsView {
  readonly root: HTMLElement;
  /** The page's words for results (SearchResults.astro's `data-text`), for the search page too. */
  readonly text: PageText;
  private readonly pageSize: number;
  private readonly list: HTMLOListElement;
  private readonly status: HTMLElement;
  private readonly more: HTMLButtonElement;
  private outcome: SearchOutcome | undefined;
  private shown = 0;
  private renderId = 0;

  constructor(
    root: HTMLElement,
    private readonly actions: ResultsActions,
  ) {
    this.root = root;
    this.text = readText(root);
    this.pageSize = Number(root.dataset['pageSize']) || 10;
    this.list = this.get<HTMLOListElement>('[data-list]');
    this.status = this.get('[data-status]');
    this.more = this.get<HTMLButtonElement>('[data-more]');
    this.more.addEventListener('click', () => void this.showMore());
    this.get('[data-clear-filters]').addEventListener('click', () => this.actions.clearFilters?.());
    this.get('[data-suggestion-link]').addEventListener('click', (event) => {
      event.preventDefault();
      const q = (event.currentTarget as HTMLElement).dataset['q'];
      if (q) this.actions.useSuggestion(q);
    });
  }

  private get<T extends HTMLElement = HTMLElement>(selector: string): T {
    const element = this.root.querySelector<T>(selector);
    if (!element) throw new Error(`Search results: missing ${selector}`);
    return element;
  }

  private clone(selector: string): DocumentFragment {
    return this.get<HTMLTemplateElement>(selector).content.cloneNode(true) as DocumentFragment;
  }

  /** A message instead of results (before a search, while loading, on failure). */
  message(text: string): void {
    this.renderId += 1;
    this.outcome = undefined;
    this.status.textContent = text;
    this.list.replaceChildren();
    this.more.hidden = true;
    this.get('[data-zero]').hidden = true;
    this.root.removeAttribute('aria-busy');
  }

  /** What to say when Pagefind cannot load: in `astro dev` the index comes from a build. */
  unavailable(): void {
    this.message(say(this.text, import.meta.env.DEV ? 'unavailable_dev' : 'unavailable'));
  }

  busy(): void {
    this.root.setAttribute('aria-busy', 'true');
  }

  /**
   * Starts fetching what the first page of an outcome shows (each result's data, as Pagefind
   * holds it apart) and resolves once the first result is built, without touching the page: an
   * answer that has gone stale meanwhile is dropped whole, and the rest of its page is never
   * drawn (`show` appends it in order, only while it is still the answer shown).
   */
  async load(outcome: SearchOutcome): Promise<LoadedOutcome> {
    const [head, ...tail] = outcome.results.slice(0, this.pageSize);
    const first = head?.data();
    // The rest are asked for once the first is here, failed or not: asked for beside it, they
    // shared the network and Pagefind's worker with it (its fetch took 13 ms in a trace, 3 to 6 ms
    // alone).
    const after = first?.catch(() => undefined) ?? Promise.resolve();
    const rest = tail.map((result) => after.then(() => result.data()));
    // A fetch that fails after its answer went stale is nobody's error.
    for (const item of rest) item.catch(() => undefined);
    return { outcome, items: first ? [this.item(await first)] : [], rest };
  }

  /**
   * Shows a loaded outcome. `filterSummary` names the filters that are on ("Filters on:
   * Beginner, Cloud"), shown with a way to clear them when nothing is found.
   */
  show({ outcome, items, rest }: LoadedOutcome, filterSummary: string): void {
    const id = (this.renderId += 1);
    this.outcome = outcome;
    const { results, state } = outcome;
    this.list.replaceChildren(...items);
    this.shown = items.length;
    // "Show more" appears once the first page is complete, so it always continues after it.
    this.more.hidden = true;
    void this.appendInOrder(id, rest);
    const text = this.text;
    const words = state.q ? say(text, 'for', { words: state.q }) : '';
    this.status.textContent =
      (results.length > 0 ? say(text, 'status', { count: results.length }) : say(text, 'none')) + words;

    const zero = results.length === 0;
    this.get('[data-zero]').hidden = !zero;
    const filters = this.get('[data-active-filters]');
    filters.hidden = !zero || !filterSummary || !this.actions.clearFilters;
    // Only the search page has filters (and their words, SearchResults.astro `withFilters`).
    this.get('[data-filter-summary]').textContent = !filterSummary
      ? ''
      : outcome.unfiltered > 0 && state.q
        ? say(text, 'without', { filters: filterSummary, count: outcome.unfiltered })
        : say(text, 'filters', { filters: filterSummary });
    const suggestion = this.get('[data-suggestion]');
    suggestion.hidden = !zero || !outcome.suggestion;
    if (outcome.suggestion) {
      const link = this.get<HTMLAnchorElement>('[data-suggestion-link]');
      link.textContent = outcome.suggestion.q;
      link.dataset['q'] = outcome.suggestion.q;
      link.href = this.actions.hrefFor(outcome.suggestion.q);
      this.get('[data-suggestion-count]').textContent = say(text, 'suggestion_count', {
        count: outcome.suggestion.total,
      });
    }
    this.root.removeAttribute('aria-busy');
  }

  /** Appends the rest of the first page as each result's data comes, in order, while `id` is shown. */
  private async appendInOrder(id: number, rest: readonly Promise<PagefindResultData>[]): Promise<void> {
    for (const next of rest) {
      const data = await next.catch(() => undefined);
      if (id !== this.renderId) return;
      // A result whose data failed ends the page here; "Show more" asks for it again.
      if (!data) break;
      this.list.append(this.item(data));
      this.shown += 1;
    }
    if (id === this.renderId) this.more.hidden = this.shown >= (this.outcome?.results.length ?? 0);
  }

  private async showMore(): Promise<void> {
    if (!this.outcome) return;
    const id = this.renderId;
    const first = this.shown;
    const items = await this.itemsFor(this.outcome, first, first + this.pageSize);
    if (id !== this.renderId) return;
    this.list.append(...items);
    this.shown += items.length;
    this.more.hidden = this.shown >= this.outcome.results.length;
    // Keyboard users continue from the first new result instead of the top of the page.
    this.list.children[first]?.querySelector<HTMLAnchorElement>('[data-title]')?.focus();
  }

  private async itemsFor(outcome: SearchOutcome, from: number, to: number): Promise<DocumentFragment[]> {
    const slice = outcome.results.slice(from, to);
    const data = await Promise.all(slice.map((result) => result.data()));
    return data.map((item) => this.item(item));
  }

  private item(data: PagefindResultData): DocumentFragment {
    const item = this.clone('[data-result-template]');
    const q = <T extends HTMLElement = HTMLElement>(selector: string) => item.querySelector<T>(selector);
    const title = q<HTMLAnchorElement>('[data-title]');
    if (title) {
      title.href = data.url;
      title.textContent = data.meta['title'] ?? data.url;
    }
    const level = data.meta[SEARCH_FIELDS.difficulty] ?? data.filters[SEARCH_FIELDS.difficulty]?.[0];
    if (isDifficulty(level)) q('[data-badge]')?.replaceWith(this.clone(`[data-badge-template="${level}"]`));
    const minutes = Number(data.meta[SEARCH_FIELDS.minutes]);
    const minutesSlot = q('[data-minutes]');
    if (minutesSlot) minutesSlot.textContent = minutes > 0 ? say(this.text, 'minutes', { minutes }) : '';
    const tags = data.filters[SEARCH_FIELDS.tag] ?? [];
    const tagSlot = q('[data-tags]');
    if (tagSlot) tagSlot.textContent = tags.length > 0 ? say(this.text, 'tags', { tags: tags.join(', ') }) : '';
    // A match in the title or description alone gives an excerpt with nothing marked: the
    // description then says more about the guide than its first lines do.
    const description = data.meta[SEARCH_FIELDS.description];
    const excerpt = q('[data-excerpt]');
    if (excerpt) {
      if (hasMarks(data.excerpt) || !description) fillExcerpt(excerpt, data.excerpt);
      else excerpt.textContent = description;
    }
    const subs = data.sub_results.filter((sub) => sub.url !== data.url && sub.anchor).slice(0, MAX_SUB_RESULTS);
    const subList = q('[data-subs]');
    if (subList && subs.length > 0) {
      subList.hidden = false;
      subList.append(
        ...subs.map((sub) => {
          const entry = this.clone('[data-sub-template]');
          const link = entry.querySelector<HTMLAnchorElement>('[data-sub-title]');
          if (link) {
            link.href = sub.url;
            link.textContent = sub.title;
          }
          const subExcerpt = entry.querySelector('[data-sub-excerpt]');
          if (subExcerpt) fillExcerpt(subExcerpt, sub.excerpt);
          return entry;
        }),
      );
    }
    return item;
  }
}
