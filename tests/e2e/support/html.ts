/**
 * What a full HTML parser (parse5, through hast-util-from-html) says a page loads: the oracle
 * against which the fast tag scan of src/lib/carbon.ts is tested.
 */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

export function parsedReferences(html: string): string[] {
  const refs: string[] = [];
  visit(fromHtml(html), 'element', (node: Element) => {
    const p = node.properties;
    const rel = Array.isArray(p['rel']) ? p['rel'].map((r) => String(r).toLowerCase()) : [];
    if (node.tagName === 'link' && typeof p['href'] === 'string') {
      if (rel.some((r) => ['stylesheet', 'icon', 'preload', 'modulepreload'].includes(r))) refs.push(p['href']);
    } else if (['script', 'img', 'video'].includes(node.tagName) && typeof p['src'] === 'string') {
      refs.push(p['src']);
    }
  });
  return refs;
}
