/**
 * Pagefind's excerpts are HTML: the page's text with `<` and `>` escaped and the matched words in
 * `<mark>`. The search UI builds text nodes and `<mark>` elements from these parts instead of
 * assigning the string to innerHTML, so nothing in an excerpt can ever become markup. Pure.
 */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

const unescape = (text: string): string => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>');

export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const piece of excerpt.split(/(<\/?mark>)/)) {
    if (piece === '<mark>') marked = true;
    else if (piece === '</mark>') marked = false;
    else if (piece) parts.push({ text: unescape(piece), marked });
  }
  return parts;
}

/** True when the excerpt marks at least one word (a match in the title or description alone marks none). */
export function hasMarks(excerpt: string): boolean {
  return excerpt.includes('<mark>');
}
