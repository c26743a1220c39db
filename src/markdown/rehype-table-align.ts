/**
 * Turns GFM column alignment (`| ---: |`) from an `align` attribute into a class on each cell
 * (`align-end`, `align-center`, `align-start`; styled in src/styles/prose.css). In `.md` the
 * attribute would do, but MDX rewrites `align` into a `style` attribute, which the
 * Content-Security-Policy refuses: with a class, both render the same and need no inline style.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

const CLASS_FOR: Record<string, string> = { left: 'align-start', center: 'align-center', right: 'align-end' };

export default function rehypeTableAlign() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'td' && node.tagName !== 'th') return;
      const align = node.properties['align'];
      if (typeof align !== 'string') return;
      delete node.properties['align'];
      const name = CLASS_FOR[align.toLowerCase()];
      if (!name) return;
      const existing = node.properties['className'];
      node.properties['className'] = [...(Array.isArray(existing) ? existing.map(String) : []), name];
    });
  };
}
