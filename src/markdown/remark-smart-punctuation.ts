/**
 * Typographic punctuation: “curly” quotes and ’apostrophes’, -- as an em dash, ... as an
 * ellipsis, ``backtick quotes''. The rules are retext-smartypants', applied the way Astro's
 * `smartypants` option (remark-smartypants) applies them, so pages read exactly as before; only
 * the cost differs. Quotes depend on their neighbours, even across emphasis and links, so one
 * retext pass reads all the prose of a document at once (code stands in as letters, each block
 * starts with a space), and its length-preserving result is cut back into the text nodes. Dashes,
 * ellipses and backticks change lengths, so they are done node by node; remark-smartypants sends
 * every text node through a second retext parse for them, which was more than half of its cost
 * and a tenth of a cold 1,000-guide build. Here a node goes through that pass only when it holds
 * something the pass could change: retext gives back exactly the text it was given otherwise
 * (nlcst is lossless), so skipping it changes nothing. tests/unit/smart-punctuation.test.ts
 * holds the two to the same output on every guide and on edge cases.
 */
import type { InlineCode, Nodes, Root, Text } from 'mdast';
import { retext } from 'retext';
import type { Plugin } from 'unified';
import retextSmartypants from 'retext-smartypants';
import { visit } from 'unist-util-visit';

/** Parents whose text starts afresh: a quote at their start opens. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
/** MDX elements whose text is not prose. */
const NOT_PROSE = new Set(['style', 'script']);
/**
 * What the second pass can change: `--`, ` `` `, `''`, or dots with nothing but spaces and
 * punctuation between them (`...`, `. . .`). A superset: the pass runs and may change nothing.
 */
const SECOND_PASS = /--|``|''|\.[^\p{L}\p{N}]*\./u;

const quotes = retext().use(retextSmartypants, { ellipses: false, dashes: false, backticks: false }).freeze();
const dashesAndDots = retext().use(retextSmartypants, { quotes: false }).freeze();

function isProse(parent: Nodes | undefined): boolean {
  if (!parent) return false;
  if (parent.type !== 'mdxJsxTextElement') return true;
  return typeof parent.name === 'string' && !NOT_PROSE.has(parent.name);
}

const remarkSmartPunctuation: Plugin<[], Root> = function () {
  return (tree) => {
    const pieces: (Text | InlineCode | 'block')[] = [];
    let all = '';
    visit(tree, (node, _index, parent) => {
      if (!isProse(parent)) return;
      if (node.type === 'text') {
        all += node.value;
        pieces.push(node);
      } else if (node.type === 'inlineCode') {
        // Code is not prose, but a word stands between two quotes: letters keep the pairing.
        all += 'A'.repeat(node.value.length);
        pieces.push(node);
      } else if (BLOCKS.has(node.type)) {
        all += ' ';
        pieces.push('block');
      }
    });
    if (pieces.length === 0) return;
    const quoted = String(quotes.processSync(all));
    let at = 0;
    for (const piece of pieces) {
      if (piece === 'block') {
        at += 1;
        continue;
      }
      const end = at + piece.value.length;
      if (piece.type === 'text') {
        const text = quoted.slice(at, end);
        piece.value = SECOND_PASS.test(text) ? String(dashesAndDots.processSync(text)) : text;
      }
      at = end;
    }
  };
};

export default remarkSmartPunctuation;
