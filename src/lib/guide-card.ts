/**
 * What a guide card tells <guide-filter>: the facts src/components/GuideCard.astro writes as
 * data-* attributes and src/client/guide-filter.ts reads back, in one place so the two cannot
 * drift. Runs on the server (the card) and in the browser (the element); a guide's facts come
 * from `cardFactsOf` in ./guide-filter-view.ts, which is server only.
 */
import type { FilterItemSource } from './guide-filter';

export interface CardFacts extends FilterItemSource {
  slug: string;
}

/** The card's data-* attributes. A label may hold any character, `|` included. */
export function cardData(facts: CardFacts): Record<`data-${string}`, string> {
  return {
    'data-slug': facts.slug,
    'data-title': facts.title,
    'data-description': facts.description,
    'data-difficulty': facts.difficulty,
    // Tag slugs have no spaces (src/lib/slug.ts).
    'data-tags': facts.tags.join(' '),
    'data-tag-labels': joinLabels(facts.tagLabels),
    'data-minutes': String(facts.minutes),
    'data-date': facts.date,
  };
}

/** Labels joined by `|`, with a backslash before any `|` or backslash in a label: the usual label costs nothing. */
function joinLabels(labels: readonly string[]): string {
  return labels.map((label) => label.replace(/[\\|]/g, '\\$&')).join('|');
}

function splitLabels(text: string | undefined): string[] {
  if (!text) return [];
  const labels: string[] = [];
  let label = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\') label += text[++i] ?? '';
    else if (char === '|') {
      labels.push(label);
      label = '';
    } else label += char;
  }
  labels.push(label);
  return labels;
}

/** The facts back from a card's `dataset` (camel-cased names, as the DOM gives them). */
export function readCard(dataset: Readonly<Record<string, string | undefined>>): CardFacts {
  return {
    slug: dataset['slug'] ?? '',
    title: dataset['title'] ?? '',
    description: dataset['description'] ?? '',
    difficulty: dataset['difficulty'] ?? '',
    tags: dataset['tags'] ? dataset['tags'].split(' ') : [],
    tagLabels: splitLabels(dataset['tagLabels']),
    minutes: Number(dataset['minutes']),
    date: dataset['date'] ?? '',
  };
}
