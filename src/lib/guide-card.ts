/**
 * A guide card, and the guides index <guide-filter> fetches to filter the whole library. Runs on
 * the server (src/components/GuideCard.astro renders every card with `renderCard`, and
 * src/pages/[...lang]/guides/index-[version].json.ts and cards-[version]-[n].json.ts write the index and
 * the card chunks) and in the browser (src/client/guide-filter.ts decodes the index, fetches the
 * chunks of the cards it draws and renders them with the same `renderCard`), so a card looks the
 * same whoever drew it. A guide's facts come from
 * `cardFactsOf` in ./guide-filter-view.ts, which is server only.
 */
import type { Difficulty } from './difficulty';
import type { FilterItemSource } from './guide-filter';
import { fill } from './template';
import type { CardUrls } from './urls';

export interface CardFacts extends FilterItemSource {
  slug: string;
}

/**
 * One guide in the index, as an array (names repeated 10,000 times would be most of the file):
 * slug, title, difficulty, tags, minutes, date: what filtering, counting, sorting and the card's
 * first line need. A tag is its position in `GuidesIndex.tags`, or [position, label] when this
 * guide writes its label otherwise (a tag missing from content/tags.yaml keeps each guide's
 * spelling, and the card shows it). The description, most of a row's bytes, is in the card
 * chunks instead.
 */
export type IndexRow = [string, string, string, (number | [number, string])[], number, string];

/** Guides per card chunk: a chunk gzips to about 16 KB of real descriptions. */
export const CARD_CHUNK = 200;

/** What src/pages/[...lang]/guides/index-[version].json.ts serves: every published guide, newest first. */
export interface GuidesIndex {
  /** [slug, label], in the order the guides (newest first) first use them. */
  tags: [string, string][];
  guides: IndexRow[];
  /**
   * The fingerprint in the card chunks' names, `cards-<cards>-<n>.json` beside the index: chunk n
   * holds the descriptions of guides n × CARD_CHUNK onwards, in the index's order.
   */
  cards: string;
}

/** The descriptions, CARD_CHUNK guides a chunk, in the order of `cards`. */
export function encodeCardChunks(cards: readonly CardFacts[]): string[][] {
  const chunks: string[][] = [];
  for (let i = 0; i < cards.length; i += CARD_CHUNK)
    chunks.push(cards.slice(i, i + CARD_CHUNK).map((c) => c.description));
  return chunks;
}

/** The index; `cardsVersion` names the chunks of the same cards (encodeCardChunks). */
export function encodeGuidesIndex(cards: readonly CardFacts[], cardsVersion: string): GuidesIndex {
  const tags = new Map<string, [number, string]>();
  for (const card of cards) {
    card.tags.forEach((slug, i) => {
      if (!tags.has(slug)) tags.set(slug, [tags.size, card.tagLabels[i] ?? slug]);
    });
  }
  return {
    tags: [...tags].map(([slug, [, label]]) => [slug, label]),
    guides: cards.map((c) => [
      c.slug,
      c.title,
      c.difficulty,
      c.tags.map((slug, i) => {
        const [n, label] = tags.get(slug) ?? [0, ''];
        const own = c.tagLabels[i] ?? slug;
        return own === label ? n : [n, own];
      }),
      c.minutes,
      c.date,
    ]),
    cards: cardsVersion,
  };
}

/** Every guide's facts, descriptions empty: the filter fills them in from the chunks. */
export function decodeGuidesIndex(index: GuidesIndex): CardFacts[] {
  return index.guides.map(([slug, title, difficulty, tags, minutes, date]) => ({
    slug,
    title,
    description: '',
    difficulty,
    tags: tags.map((tag) => index.tags[typeof tag === 'number' ? tag : tag[0]]?.[0] ?? ''),
    tagLabels: tags.map((tag) => (typeof tag === 'number' ? (index.tags[tag]?.[1] ?? '') : tag[1])),
    minutes,
    date,
  }));
}

/** Which chunk holds the card at `position` in the index. */
export function chunkOf(position: number): number {
  return Math.floor(position / CARD_CHUNK);
}

/**
 * A short fingerprint of a text (FNV-1a, 32 bits, base 36): names the index file after its
 * content, so a browser may keep it as long as it likes and a new build is a new URL.
 */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

/** The long date of ./i18n.ts's translators: `1 May 2025`, in UTC. */
export const DATE_STYLE: Intl.DateTimeFormatOptions = {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
};

/**
 * One formatter per locale: making an Intl.DateTimeFormat costs far more than formatting with one
 * (a tenth of the filter's first redraw of 24 cards went to making them).
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
export function formatDate(locale: string, date: Date): string {
  let format = dateFormats.get(locale);
  if (!format) dateFormats.set(locale, (format = new Intl.DateTimeFormat(locale, DATE_STYLE)));
  return format.format(date);
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ENTITIES[char] ?? char);
}

/**
 * A card's words in the page's language, from src/i18n/<code>.yaml and content/site.yaml, already
 * HTML-escaped (src/data/i18n.ts `cardText`). The page writes them into its HTML for the browser
 * (`data-card-text`), so no copy is bundled and the browser does no more than fill them in.
 */
export interface CardText {
  /** The `Intl` locale of the date: `en-GB`. */
  locale: string;
  /** Each level's name and its badge link's name (`Difficulty: Beginner. All beginner guides`). */
  levels: Readonly<Record<string, readonly [name: string, badge: string]>>;
  /** `{minutes} min read`. */
  minutes: string;
  published: string;
  /** `Tags of {title}`. */
  tagsOf: string;
}

export interface CardOptions {
  headingLevel: 2 | 3;
  text: CardText;
  /** The site's URLs under this build's base (src/data/urls.ts in pages and in the browser alike). */
  urls: CardUrls;
}

/**
 * The card's HTML. Its styles are global (src/styles/guide-card.css): a card drawn in the browser
 * has no Astro scope attributes. `data-slug` names the guide for the filter and tests.
 */
export function renderCard(card: CardFacts, { headingLevel, urls, text }: CardOptions): string {
  const h = `h${headingLevel}`;
  // An unknown level (never from the schema) still gets a link; the page would just not exist.
  const [label, badge] = text.levels[card.difficulty] ?? [escapeHtml(card.difficulty), ''];
  const title = escapeHtml(card.title);
  const date = new Date(card.date);
  const tags = card.tags
    .map((slug, i) => `<li><a href="${urls.tag(slug)}">${escapeHtml(card.tagLabels[i] ?? slug)}</a></li>`)
    .join('');
  return (
    `<article class="guide-card" data-guide-card data-slug="${escapeHtml(card.slug)}">` +
    `<${h} class="title"><a href="${urls.guide(card.slug)}">${title}</a></${h}>` +
    `<p class="meta"><a class="badge ${escapeHtml(card.difficulty)}" href="${urls.difficulty(card.difficulty as Difficulty)}" aria-label="${badge}">${label}</a>` +
    `<span>${fill(text.minutes, { minutes: card.minutes })}</span>` +
    `<span>${text.published} <time datetime="${escapeHtml(card.date)}">${formatDate(text.locale, date)}</time></span></p>` +
    `<p class="description">${escapeHtml(card.description)}</p>` +
    `<ul class="tags" aria-label="${fill(text.tagsOf, { title })}">${tags}</ul>` +
    `</article>`
  );
}
