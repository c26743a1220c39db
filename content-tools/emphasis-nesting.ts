/**
 * How deep emphasis, strong emphasis and strikethrough can nest in one run of inline Markdown (a
 * paragraph or a heading), found without parsing it. Emphasis nested a few thousand levels deep
 * (`*a` on 2,500 lines, then `a*` on 2,500 more: every line short, no list in sight) costs
 * micromark seconds, because pairing delimiters is quadratic there, and then overflows the stack
 * of every recursive walk over the tree. content-tools/input-limits.ts uses this to refuse such text
 * before a parser sees it.
 *
 * One linear pass runs CommonMark's delimiter-pairing algorithm ("process emphasis", with its
 * flanking rules, the rule of three and the bottom of each search), and GFM's for `~`, keeping for
 * each open delimiter the depth of what has closed inside it since. Code spans and backslash
 * escapes are skipped; links, autolinks and inline HTML are not, which can only pair more, never
 * less. Emphasis (`*`, `_`) and strikethrough (`~`) are paired separately and their deepest
 * nestings added up, so the result is an upper bound on the nesting a parser builds, exact for
 * ordinary text. Pure; runs anywhere.
 */

export interface EmphasisNesting {
  /** The deepest nesting found (emphasis and strikethrough added together). */
  depth: number;
  /** Offset in the text of the delimiter at which the nesting first went over `limit`. */
  passedAt: number | undefined;
}

interface Opener {
  char: string;
  /** Delimiters of the run not used yet. */
  length: number;
  /** The run's length as written (for the rule of three). */
  original: number;
  canClose: boolean;
  /** The deepest nesting that closed after this opener. */
  inner: number;
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITESPACE = /\s/u;

type CharClass = 'space' | 'punctuation' | 'other';

function classify(char: string | undefined): CharClass {
  if (char === undefined || WHITESPACE.test(char)) return 'space';
  return PUNCTUATION.test(char) ? 'punctuation' : 'other';
}

/** The code point ending just before `index` (a line start counts as whitespace). */
function charBefore(text: string, index: number): string | undefined {
  if (index <= 0) return undefined;
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) return text.slice(index - 2, index);
  return text[index - 1];
}

function charAt(text: string, index: number): string | undefined {
  if (index >= text.length) return undefined;
  return String.fromCodePoint(text.codePointAt(index) ?? 0);
}

/** Where each code span that opens at an offset ends: a backtick run closed by the next run of the same length. */
function codeSpanEnds(text: string): (start: number, length: number) => number | undefined {
  const runsByLength = new Map<number, number[]>();
  for (let i = 0; i < text.length;) {
    if (text[i] !== '`') {
      i++;
      continue;
    }
    let j = i;
    while (text[j] === '`') j++;
    const runs = runsByLength.get(j - i) ?? [];
    runs.push(i);
    runsByLength.set(j - i, runs);
    i = j;
  }
  // Lookups come in increasing order of offset, so one cursor per length keeps this linear.
  const cursor = new Map<number, number>();
  return (start, length) => {
    const runs = runsByLength.get(length);
    if (!runs) return undefined;
    let k = cursor.get(length) ?? 0;
    while (k < runs.length && (runs[k] as number) <= start) k++;
    cursor.set(length, k);
    const close = runs[k];
    return close === undefined ? undefined : close + length;
  };
}

/** Pops every opener above `index`, handing down the depth that closed inside them. */
function dropAbove(stack: Opener[], index: number): void {
  while (stack.length > index + 1) {
    const dropped = stack.pop() as Opener;
    const below = stack[stack.length - 1] as Opener;
    below.inner = Math.max(below.inner, dropped.inner);
  }
}

/** The nesting of emphasis and strikethrough in `text`, one paragraph or heading. */
export function emphasisNesting(text: string, limit = Infinity): EmphasisNesting {
  const codeSpanEnd = codeSpanEnds(text);
  const emphasis: Opener[] = [];
  const strike: Opener[] = [];
  // CommonMark's openers_bottom: below this index no opener matches such a closer.
  const bottoms = new Map<string, number>();
  const strikeBottoms: number[] = [];
  let deepestEmphasis = 0;
  let deepestStrike = 0;
  let passedAt: number | undefined;

  const closed = (stack: Opener[], opener: Opener, at: number) => {
    const depth = opener.inner + 1;
    opener.inner = depth;
    if (stack === emphasis) deepestEmphasis = Math.max(deepestEmphasis, depth);
    else deepestStrike = Math.max(deepestStrike, depth);
    if (passedAt === undefined && deepestEmphasis + deepestStrike > limit) passedAt = at;
  };
  const popIfUsed = (stack: Opener[]) => {
    const top = stack[stack.length - 1] as Opener;
    if (top.length > 0) return;
    stack.pop();
    const below = stack[stack.length - 1];
    if (below) below.inner = Math.max(below.inner, top.inner);
  };

  for (let i = 0; i < text.length;) {
    const char = text[i] as string;
    if (char === '\\' && ASCII_PUNCTUATION.test(text[i + 1] ?? '')) {
      i += 2;
      continue;
    }
    if (char !== '*' && char !== '_' && char !== '~' && char !== '`') {
      i++;
      continue;
    }
    let end = i;
    while (text[end] === char) end++;
    const length = end - i;
    if (char === '`') {
      i = codeSpanEnd(i, length) ?? end;
      continue;
    }

    const before = classify(charBefore(text, i));
    const after = classify(charAt(text, end));
    const leftFlanking = after !== 'space' && (after !== 'punctuation' || before !== 'other');
    const rightFlanking = before !== 'space' && (before !== 'punctuation' || after !== 'other');
    let canOpen = leftFlanking;
    let canClose = rightFlanking;
    if (char === '_') {
      canOpen = leftFlanking && (!rightFlanking || before === 'punctuation');
      canClose = rightFlanking && (!leftFlanking || after === 'punctuation');
    }

    if (char === '~') {
      // GFM strikethrough: one or two tildes, closed by a run of the same length.
      if (length <= 2) {
        let matched = false;
        if (canClose) {
          const bottom = Math.min(strikeBottoms[length] ?? 0, strike.length);
          for (let j = strike.length - 1; j >= bottom; j--) {
            const opener = strike[j] as Opener;
            if (opener.original !== length) continue;
            dropAbove(strike, j);
            opener.length = 0;
            closed(strike, opener, i);
            popIfUsed(strike);
            strikeBottoms.forEach((b, k) => (strikeBottoms[k] = Math.min(b, strike.length)));
            matched = true;
            break;
          }
          if (!matched) strikeBottoms[length] = strike.length;
        }
        if (!matched && canOpen) strike.push({ char, length, original: length, canClose, inner: 0 });
      }
      i = end;
      continue;
    }

    let left = length;
    if (canClose) {
      const key = `${char}${canOpen ? 1 : 0}${length % 3}`;
      while (left > 0) {
        const bottom = Math.min(bottoms.get(key) ?? 0, emphasis.length);
        let found = -1;
        for (let j = emphasis.length - 1; j >= bottom; j--) {
          const opener = emphasis[j] as Opener;
          if (opener.char !== char) continue;
          const oddMatch = (canOpen || opener.canClose) && length % 3 !== 0 && (opener.original + length) % 3 === 0;
          if (!oddMatch) {
            found = j;
            break;
          }
        }
        if (found === -1) {
          bottoms.set(key, emphasis.length);
          break;
        }
        const opener = emphasis[found] as Opener;
        dropAbove(emphasis, found);
        const use = left >= 2 && opener.length >= 2 ? 2 : 1;
        opener.length -= use;
        left -= use;
        closed(emphasis, opener, i);
        popIfUsed(emphasis);
        for (const [k, b] of bottoms) if (b > emphasis.length) bottoms.set(k, emphasis.length);
      }
    }
    if (left > 0 && canOpen) emphasis.push({ char, length: left, original: length, canClose, inner: 0 });
    i = end;
  }
  return { depth: deepestEmphasis + deepestStrike, passedAt };
}
