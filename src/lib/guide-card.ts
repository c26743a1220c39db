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

/** The card's data-* attributes. Labels are JSON: a label may hold any character. */
export function cardData(facts: CardFacts): Record<`data-${string}`, string> {
  return {
    'data-slug': facts.slug,
    'data-title': facts.title,
    'data-description': facts.description,
    'data-difficulty': facts.difficulty,
    // Tag slugs have no spaces (src/lib/slug.ts).
    'data-tags': facts.tags.join(' '),
    'data-tag-labels': JSON.stringify(facts.tagLabels),
    'data-minutes': String(facts.minutes),
    'data-date': facts.date,
  };
}

function labelsOf(json: string | undefined): string[] {
  try {
    const labels: unknown = JSON.parse(json ?? '[]');
    return Array.isArray(labels) ? labels.map(String) : [];
  } catch {
    return [];
  }
}

/** The facts back from a card's `dataset` (camel-cased names, as the DOM gives them). */
export function readCard(dataset: Readonly<Record<string, string | undefined>>): CardFacts {
  return {
    slug: dataset['slug'] ?? '',
    title: dataset['title'] ?? '',
    description: dataset['description'] ?? '',
    difficulty: dataset['difficulty'] ?? '',
    tags: dataset['tags'] ? dataset['tags'].split(' ') : [],
    tagLabels: labelsOf(dataset['tagLabels']),
    minutes: Number(dataset['minutes']),
    date: dataset['date'] ?? '',
  };
}
