/**
 * Diacritic folding, for slugs and for the browse page's text filter, so that "Café", "CAFÉ" and
 * "cafe" meet. Pure: runs in Node and in the browser.
 */

/**
 * The text in compatibility decomposition with every combining mark removed: `Café` → `Cafe`,
 * `ﬁ` → `fi`. All marks (`\p{M}`), not only the Latin block U+0300–U+036F: a mark left behind
 * is not a letter, so a slug would cut the word at it (Arabic vowel points, Hebrew points).
 */
export function foldDiacritics(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '');
}
