/**
 * What to suggest when a query finds nothing: the query with its rarest word dropped. Pagefind
 * returns only pages that hold every word it knows, so the word on the fewest pages is the one
 * most likely to be ruling everything out. Pure: the search UI counts the pages per word and
 * checks that the suggestion finds something before showing it.
 */
import { normaliseQuery } from './search-state';

/** The words of a query, in order, each once (case-insensitively). A quoted phrase has none. */
export function queryWords(q: string): string[] {
  const query = normaliseQuery(q);
  if (!query || /^".*"$/.test(query)) return [];
  const seen = new Set<string>();
  return query.split(' ').filter((word) => {
    const key = word.toLocaleLowerCase('en');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The query without the word found on the fewest pages (`pageCounts[i]` belongs to `words[i]`).
 * On a tie the later word goes: readers tend to type the main word first. Undefined for a
 * query of one word, where dropping leaves nothing to search for.
 */
export function dropRarestWord(words: readonly string[], pageCounts: readonly number[]): string | undefined {
  if (words.length < 2 || pageCounts.length !== words.length) return undefined;
  let rarest = 0;
  pageCounts.forEach((count, i) => {
    if (count <= (pageCounts[rarest] ?? Infinity)) rarest = i;
  });
  return words.filter((_, i) => i !== rarest).join(' ');
}
