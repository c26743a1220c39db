/**
 * Moves Shiki's inline colours into classes (see code-classes.ts), so highlighted code needs no
 * `style` attribute and the Content-Security-Policy can refuse every inline style. Runs after
 * Shiki, on each `pre.astro-code` and everything inside it.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { shikiStyleToClasses } from './code-classes';

function classNames(node: Element): string[] {
  const value = node.properties['className'] ?? node.properties['class'];
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}

function moveStyle(node: Element): void {
  const style = node.properties['style'];
  if (typeof style !== 'string') return;
  const classes = [...classNames(node), ...shikiStyleToClasses(style)];
  delete node.properties['style'];
  delete node.properties['class'];
  node.properties['className'] = classes;
}

export default function rehypeCodeClasses() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'pre' || !classNames(node).includes('astro-code')) return undefined;
      visit(node, 'element', moveStyle);
      return 'skip';
    });
  };
}
