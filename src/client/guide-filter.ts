/**
 * <guide-filter>: filters, counts and sorts the whole library on /guides/ and its numbered pages
 * (markup in src/components/GuideFilter.astro). The page holds one page of cards; the element
 * fetches the guides index (src/pages/[...lang]/guides/index-[version].json.ts) at idle, or at once when
 * the URL asks for a filtered view, and enables the controls when it has it. The index holds all
 * that filtering needs but descriptions, which come in chunks (cards-[version]-[n].json.ts): the
 * newest guides' chunk with the index, the chunks of other cards about to be drawn, or every
 * chunk once the text box holds words, because
 * words match descriptions too and results and counts must stay exact. The logic is the pure
 * module src/lib/guide-filter.ts, shared with the build; the cards it adds are drawn by
 * `renderCard`, as the server draws them. Results show a page at a time, "Show more" adds the
 * next. The state lives in the URL (replaceState on every change, read again on popstate), so
 * every view can be shared and reloaded. Budget: 5.25 KB gzipped with its imports
 * (tests/e2e/browse.test.ts measures it).
 */
import {
  activeFilters,
  clearFilters,
  facetCounts,
  FILTER_PARAMS,
  foldText,
  parseFilterState,
  searchHrefForFilter,
  serialiseFilterState,
  sortItems,
  suggestDrops,
  textMatches,
  toFilterItem,
  withoutFilter,
  EMPTY_FILTER,
  type ActiveFilter,
  type FacetCounts,
  type FilterItem,
  type FilterState,
} from '~/lib/guide-filter';
import {
  CARD_CHUNK,
  chunkOf,
  decodeGuidesIndex,
  formatDate,
  renderCard,
  type CardFacts,
  type CardText,
  type GuidesIndex,
} from '~/lib/guide-card';
import { readText, say } from './page-text';
import { PAGE_SIZE } from '~/lib/pagination';
import { BASE } from '~/data/urls';
import { cardUrls } from '~/lib/urls';

interface Card extends FilterItem {
  facts: CardFacts;
  /** Its position in the index: its chunk is chunkOf(at). */
  at: number;
}
type Control = HTMLInputElement | HTMLSelectElement;
/** Control name → state key. */
const KEY: Record<string, ActiveFilter['key']> = { difficulty: 'difficulty', tag: 'tags', time: 'time', q: 'q' };

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text = '', className = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.textContent = text;
  node.className = className;
  return node;
}

class GuideFilter extends HTMLElement {
  #cards: Card[] = [];
  /**
   * The page's scroll position, kept as the reader scrolls: read during a redraw, after the click
   * changed the box, it would make the browser lay the page out once more than it must.
   */
  #scroll = { x: 0, y: 0 };
  /** The cards in each sort order asked for so far, sorted once (a sort is stable). */
  #sorted = new Map<FilterState['sort'], Card[]>();
  /** List items by slug: the page's own, then those drawn here, each drawn once. */
  #items = new Map<string, HTMLElement>();
  #controls: Control[] = [];
  #labels = new Map<string, string>();
  #text = readText(this);
  #state: FilterState = { ...EMPTY_FILTER };
  #list!: HTMLElement;
  /** The matching cards in order, and how many of them are shown. */
  #matching: Card[] = [];
  #shown = 0;
  /** Chunk number → true once its descriptions are in the cards, its fetch until then. */
  #chunks = new Map<number, Promise<void> | true>();
  #chunkUrl!: (n: number) => string;
  /** The latest view asked for: an older one whose chunks come late is not drawn. */
  #asked = 0;
  /** The latest list drawn: cards left for after a frame are not added to a newer one. */
  #later = 0;
  /** The page's language's URLs: `data-lang` names a language other than the default (`/fr/…`). */
  get #urls() {
    return cardUrls(BASE, this.dataset['lang'] || undefined);
  }

  #part<T extends HTMLElement = HTMLElement>(name: string): T {
    return this.querySelector(`[data-${name}]`) as T;
  }

  /**
   * Focus for when the focused control is gone. The list takes it for that moment only: a list
   * that is focusable all the time counts as one large touch target wrapping every card's links,
   * and WCAG 2.2's target-size check then finds every tag and badge link obscured.
   */
  #focusList(): void {
    const list = this.#list;
    list.tabIndex = -1;
    list.addEventListener('blur', () => list.removeAttribute('tabindex'), { once: true });
    list.focus();
  }

  connectedCallback(): void {
    const list = this.#part('guide-list');
    if (!list || this.#list) return;
    this.#list = list;
    for (const li of list.children)
      this.#items.set((li.firstElementChild as HTMLElement).dataset['slug'] ?? '', li as HTMLElement);
    this.#controls = [...this.querySelectorAll<Control>('[name]')];
    for (const control of this.#controls)
      this.#labels.set(`${control.name}:${control.value}`, control.dataset['label'] ?? '');
    // A filtered view asked for in the URL needs the index now; the plain list can wait for idle.
    const load = () => void this.#load();
    if (this.#isDefault(this.#fromUrl())) (window.requestIdleCallback ?? setTimeout)(load);
    else load();
  }

  #isDefault(state: FilterState): boolean {
    return !activeFilters(state).length && state.sort === 'newest';
  }

  async #load(): Promise<void> {
    const indexUrl = new URL(this.dataset['indexUrl'] ?? '', location.href);
    const index = (await (await fetch(indexUrl)).json()) as GuidesIndex;
    this.#chunkUrl = (n) => new URL(`cards-${index.cards}-${n}.json`, indexUrl).href;
    this.#cards = decodeGuidesIndex(index).map((facts, at) => ({ facts, at, ...toFilterItem(facts) }));
    // The newest guides' descriptions, which a first filter mostly draws: fetched now, not after it.
    void this.#texts(this.#cards.slice(0, CARD_CHUNK), true);
    // Making the first date format loads the locale's data, a quarter of a first redraw; the
    // library in the default order is sorted; and counting is run once, so the first filter runs
    // it compiled (its first run over 10,000 guides was a fifth of that filter's time): now, at
    // idle, rather than on the first filter.
    formatDate((this.#text['card'] as unknown as CardText).locale, new Date(0));
    facetCounts(this.#inOrder('newest'), this.#state);
    const keepScroll = () => (this.#scroll = { x: scrollX, y: scrollY });
    keepScroll();
    addEventListener('scroll', keepScroll, { passive: true });
    for (const node of this.querySelectorAll<HTMLFieldSetElement | Control>('fieldset, input, select'))
      node.disabled = false;

    const tagSearch = this.#part<HTMLInputElement>('tag-search');
    this.addEventListener('input', (event) => {
      if (event.target === tagSearch) this.#findTag(tagSearch.value);
      else this.#show(this.#read(), false);
    });
    this.querySelector('form')?.addEventListener('submit', (event) => event.preventDefault());
    this.#part('more').addEventListener('click', () => {
      const asked = ++this.#asked;
      this.#when(asked, this.#texts(this.#matching.slice(this.#shown, this.#shown + PAGE_SIZE)), () => {
        const first = this.#render(this.#shown + PAGE_SIZE);
        first?.querySelector('a')?.focus();
      });
    });
    this.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-key], button[data-clear]');
      if (!button) return;
      const chips = [...this.#part('chip-list').children];
      const index = chips.findIndex((chip) => chip.contains(button));
      const { key, value } = button.dataset;
      const next = key
        ? withoutFilter(this.#state, { key: key as ActiveFilter['key'], value: value ?? '' })
        : clearFilters(this.#state);
      this.#show(next, true, true, () => {
        // The button pressed is gone: focus its neighbour chip, else the list, never <body>.
        const after = this.#part('chip-list').querySelectorAll('button');
        const neighbour = after[index] ?? after[index - 1];
        if (neighbour) neighbour.focus();
        else this.#focusList();
      });
    });
    addEventListener('popstate', () => this.#show(this.#fromUrl(), true, false));
    // The plain list is the page as served (page 2 stays page 2); any other view is drawn here.
    const state = this.#fromUrl();
    if (this.#isDefault(state)) this.#write(state);
    else this.#show(state, true, false);
  }

  /**
   * Runs `next` now when nothing is awaited, else when `wait` is done unless a later view was
   * asked for meanwhile; the results are marked busy until then.
   */
  #when(asked: number, wait: Promise<unknown> | undefined, next: () => void): void {
    const results = this.#list.parentElement as HTMLElement;
    const done = () => {
      if (asked !== this.#asked) return;
      results.removeAttribute('aria-busy');
      next();
    };
    if (!wait) return done();
    results.setAttribute('aria-busy', 'true');
    void wait.then(done);
  }

  /** Draws `state`, then runs `then`, once the descriptions it needs are here. */
  #show(state: FilterState, writeControls: boolean, writeUrl = true, then?: () => void): void {
    const asked = ++this.#asked;
    // Words match descriptions too: with every chunk here, results and counts are exact.
    this.#when(asked, state.q ? this.#texts(this.#cards, true) : undefined, () => {
      // Counted over the cards in the order asked for, the matching ones come out in that order.
      const counts = facetCounts(this.#inOrder(state.sort), state);
      const matching = counts.matching;
      this.#when(asked, this.#texts(matching.slice(0, PAGE_SIZE)), () => {
        this.#apply(state, counts, matching, writeControls, writeUrl);
        then?.();
      });
    });
  }

  #inOrder(order: FilterState['sort']): Card[] {
    let cards = this.#sorted.get(order);
    if (!cards) this.#sorted.set(order, (cards = sortItems(this.#cards, order)));
    return cards;
  }

  /**
   * Fetches the chunks holding the descriptions of these cards (`all`: drawn ones too), each
   * once; undefined when every one is here already, so a view needing none is drawn at once.
   */
  #texts(cards: readonly Card[], all = false): Promise<unknown> | undefined {
    const waits: Promise<void>[] = [];
    for (const n of new Set(
      cards.filter((card) => all || !this.#items.has(card.facts.slug)).map((c) => chunkOf(c.at)),
    )) {
      let chunk = this.#chunks.get(n);
      if (chunk === true) continue;
      if (!chunk) {
        chunk = fetch(this.#chunkUrl(n))
          .then((response) => response.json() as Promise<string[]>)
          .then((texts) => {
            texts.forEach((description, i) => {
              const card = this.#cards[n * CARD_CHUNK + i];
              if (card) {
                card.facts.description = description;
                card.text = toFilterItem(card.facts).text;
              }
            });
            this.#chunks.set(n, true);
          });
        // A chunk that failed is asked for again next time.
        chunk.catch(() => this.#chunks.delete(n));
        this.#chunks.set(n, chunk);
      }
      waits.push(chunk);
    }
    return waits.length ? Promise.all(waits) : undefined;
  }

  /**
   * Shows the first `count` matching cards, drawing the first `now` of them at once and the rest
   * after the next frame (the list is busy until then); returns the first one added, if any.
   */
  #render(count: number, now = count): HTMLElement | undefined {
    const list = this.#list;
    const from = list.children.length;
    this.#shown = Math.min(count, this.#matching.length);
    const shown = this.#matching.slice(0, Math.min(now, this.#shown));
    // Cards not drawn yet are parsed in one go: each innerHTML is a parser of its own.
    const missing = shown.filter(({ facts }) => !this.#items.has(facts.slug));
    if (missing.length) {
      const options = { headingLevel: 2, urls: this.#urls, text: this.#text['card'] as unknown as CardText } as const;
      const template = el('template');
      template.innerHTML = missing.map(({ facts }) => `<li>${renderCard(facts, options)}</li>`).join('');
      [...template.content.children].forEach((li, i) =>
        this.#items.set(missing[i]?.facts.slug ?? '', li as HTMLElement),
      );
    }
    const items = shown.map(({ facts }) => this.#items.get(facts.slug) as HTMLElement);
    const children = list.children;
    // Cards already in place stay (and keep focus); only the rest is added.
    const kept = children.length <= items.length && items.every((li, i) => i >= children.length || children[i] === li);
    if (kept) list.append(...items.slice(children.length));
    else list.replaceChildren(...items);
    this.#part('more').hidden = this.#shown >= this.#matching.length;
    const later = ++this.#later;
    list.toggleAttribute('aria-busy', items.length < this.#shown);
    // The rest are added as the frame after the next begins, so that frame draws them.
    if (items.length < this.#shown)
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          if (later === this.#later) this.#render(this.#shown);
        }),
      );
    return items[from];
  }

  /**
   * How many cards a redraw draws for its first frame: as many as are in view now (all when the
   * list ends in view or has focus). Laying out new cards is most of a redraw's time; the rest
   * wait for the frame after.
   */
  #inView(): number {
    const items = [...this.#list.children];
    const n = items.filter((li) => li.getBoundingClientRect().top < innerHeight).length;
    return n < items.length && !this.#list.contains(document.activeElement) ? n : PAGE_SIZE;
  }

  /**
   * A shorter list must not shorten the page under what is in view: the browser would scroll and
   * move the control just used from under the pointer. Grows the results to fill the gap.
   */
  #holdHeight(): void {
    const results = this.#list.parentElement as HTMLElement;
    const { x, y } = this.#scroll;
    results.style.minBlockSize = '';
    const gap = y + innerHeight - document.documentElement.scrollHeight;
    if (gap > 0) {
      // From the results' top to the bottom of the whole filter (the panel beside may be longer).
      const height = this.getBoundingClientRect().bottom - results.getBoundingClientRect().top;
      results.style.minBlockSize = `${height + gap}px`;
    }
    if (scrollY !== y) scrollTo(x, y);
  }

  #fromUrl(): FilterState {
    const tags = this.#controls.filter((control) => control.name === 'tag').map((control) => control.value);
    return parseFilterState(location.search, tags);
  }

  /** The state the controls show. */
  #read(): FilterState {
    const params = new URLSearchParams();
    for (const control of this.#controls) {
      if (!(control instanceof HTMLInputElement && /checkbox|radio/.test(control.type)) || control.checked) {
        params.append(control.name, control.value);
      }
    }
    return parseFilterState(params);
  }

  #write(state: FilterState): void {
    for (const control of this.#controls) {
      const key = KEY[control.name];
      if (control.type === 'checkbox') control.checked = (state[key ?? 'tags'] as string[]).includes(control.value);
      else if (control.type === 'radio') control.checked = control.value === state.match;
      else control.value = control.name === 'q' ? state.q : state.sort;
    }
  }

  #label(filter: ActiveFilter): string {
    const name = filter.key === 'tags' ? 'tag' : filter.key;
    return filter.key === 'q' ? `“${filter.value}”` : (this.#labels.get(`${name}:${filter.value}`) ?? filter.value);
  }

  #button(filter: ActiveFilter, text: string): HTMLButtonElement {
    const button = el('button', text);
    button.type = 'button';
    button.dataset['key'] = filter.key;
    button.dataset['value'] = filter.value;
    return button;
  }

  #apply(
    state: FilterState,
    counts: FacetCounts<Card>,
    matching: Card[],
    writeControls: boolean,
    writeUrl: boolean,
  ): void {
    const focused = document.activeElement;
    const now = this.#inView();
    this.#state = state;
    if (writeControls) this.#write(state);
    this.#matching = matching;
    this.#render(PAGE_SIZE, now);
    // The numbered pages list the unfiltered library: "Show more" pages through these results.
    const pages = this.#part('pagination');
    if (pages) pages.hidden = true;

    for (const control of this.#controls) {
      const count = control.parentElement?.querySelector('[data-count]');
      if (!count) continue;
      const byValue: Record<string, number> | undefined = {
        difficulty: counts.difficulty,
        tag: counts.tags,
        time: counts.time,
        match: counts.match,
      }[control.name];
      const n = byValue?.[control.value] ?? 0;
      count.textContent = String(n);
      control.parentElement?.toggleAttribute('data-zero', !n && !(control as HTMLInputElement).checked);
    }

    const n = counts.matching.length;
    this.#part('status').textContent = say(this.#text, 'status', { matching: n, count: counts.total });
    const link = this.#part<HTMLAnchorElement>('search-link');
    link.href = searchHrefForFilter(this.dataset['searchUrl'] ?? '', state);
    link.textContent = state.q
      ? say(this.#text, 'search_link_words', { words: state.q })
      : say(this.#text, 'search_link');

    const filters = activeFilters(state);
    this.#part('chip-list').replaceChildren(
      ...filters.map((filter) => {
        const button = this.#button(filter, this.#label(filter));
        button.prepend(el('span', say(this.#text, 'remove_prefix'), 'sr-only'));
        button.append(el('span', ' ×'));
        button.lastElementChild?.setAttribute('aria-hidden', 'true');
        const li = el('li');
        li.append(button);
        return li;
      }),
    );
    this.#part('chips').hidden = !filters.length;
    this.#part('active-count').textContent = filters.length ? say(this.#text, 'active', { count: filters.length }) : '';

    const empty = this.#part('empty');
    empty.hidden = n > 0;
    if (!n) {
      const drops = suggestDrops(this.#cards, state);
      this.#part('drop-hint').textContent = say(this.#text, drops.length ? 'drop_hint' : 'no_drop');
      this.#part('drop-list').replaceChildren(
        ...drops.map(({ filter, count }) => {
          const li = el('li');
          li.append(this.#button(filter, say(this.#text, 'drop', { filter: this.#label(filter), count })));
          return li;
        }),
      );
    }
    this.#holdHeight();
    // Moving a card moves focus out of it: put it back. A focused control that vanished: the list.
    if (focused instanceof HTMLElement && this.#list.contains(focused)) focused.focus({ preventScroll: true });
    if (this.contains(focused) && !this.contains(document.activeElement)) this.#focusList();

    if (writeUrl) {
      // Page 2 filtered is the whole library filtered: the URL is the list's own.
      const url = new URL(location.href);
      url.pathname = this.dataset['listUrl'] ?? url.pathname;
      const params = serialiseFilterState(state);
      url.searchParams.forEach((value, key) => {
        if (!(FILTER_PARAMS as readonly string[]).includes(key)) params.append(key, value);
      });
      url.search = params.toString();
      if (url.href !== location.href) history.replaceState(history.state, '', url);
    }
  }

  /** Narrows the tag list to the tags whose label matches; chosen tags stay in view. */
  #findTag(query: string): void {
    let any = false;
    for (const control of this.#controls) {
      if (control.name !== 'tag') continue;
      const item = control.closest('li') as HTMLElement;
      item.hidden =
        !(control as HTMLInputElement).checked && !textMatches(foldText(control.dataset['label'] ?? ''), query);
      any ||= !item.hidden;
    }
    this.#part('no-tag').hidden = any;
  }
}

if (!customElements.get('guide-filter')) customElements.define('guide-filter', GuideFilter);
