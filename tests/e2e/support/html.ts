/**
 * What a full HTML parser (parse5, through hast-util-from-html) says a page loads: the oracle
 * against which the fast tag scan of src/lib/page-resources.ts is tested.
 */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

const DATA_SCRIPT = /^(?:application\/(?:ld\+)?json|importmap|speculationrules)$/i;

export function parsedReferences(html: string): { urls: string[]; inlineScripts: string[] } {
  const urls: string[] = [];
  const inlineScripts: string[] = [];
  visit(fromHtml(html), 'element', (node: Element) => {
    const p = node.properties;
    const rel = Array.isArray(p['rel']) ? p['rel'].map((r) => String(r).toLowerCase()) : [];
    if (node.tagName === 'link' && typeof p['href'] === 'string' && p['href']) {
      if (rel.includes('stylesheet') && p['disabled'] !== undefined && p['disabled'] !== false) return;
      if (rel.some((r) => ['stylesheet', 'icon', 'preload', 'modulepreload'].includes(r))) urls.push(p['href']);
    } else if (node.tagName === 'script') {
      if (DATA_SCRIPT.test(String(p['type'] ?? ''))) return;
      if (typeof p['src'] === 'string') {
        if (p['src']) urls.push(p['src']);
      } else if (toString(node).trim()) inlineScripts.push(toString(node));
    } else if (['img', 'video'].includes(node.tagName) && typeof p['src'] === 'string' && p['src']) {
      urls.push(p['src']);
    }
  });
  return { urls, inlineScripts };
}
