/**
 * Keeps guide HTML safe whatever the Markdown says, at render time:
 * - raw HTML is dropped. Astro's pipeline runs `rehype-raw` after our plugins, so HTML written in
 *   a `.md` body reaches us as `raw` nodes: removing them here means a `<script>`, an `<img
 *   onerror>` or an `<a href="javascript:">` never reaches the page. MDX has no raw HTML (its tags
 *   are JSX); components from src/components/mdx/ are how guides add markup;
 * - links and images whose URL has a refused scheme (`javascript:`, `data:`, anything but http(s),
 *   mailto: and tel:) lose that URL: a link keeps its text, an image is removed. Autolinks and
 *   reference-style links arrive here as ordinary `<a>` elements, so one rule covers them all;
 * - external links get `rel="noopener noreferrer"`;
 * - in MDX, intrinsic JSX elements lose `on*` handler attributes and refused literal URLs, and a
 *   JSX `<script>` is removed.
 * The content checks (src/lib/markdown-safety.ts) report the same problems with file and line
 * before the build, and refuse the URLs outright; this plugin is the guarantee behind them.
 */
import type { Element, Root } from 'hast';
import { isAllowedUrl, isExternalUrl } from './url-policy';

const URL_PROPERTIES = ['href', 'src', 'action', 'formAction', 'poster', 'cite', 'xLinkHref'];
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'cite', 'xlink:href']);

interface MdxJsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}

/** Any node of the tree: hast elements, text, `raw`, MDX JSX. Typed loosely on purpose, since
 * which node types exist depends on the pipeline (Markdown or MDX). */
interface AnyNode {
  type: string;
  tagName?: string;
  properties?: Element['properties'];
  name?: string | null;
  attributes?: MdxJsxAttribute[];
  children?: AnyNode[];
}

function addRel(properties: Element['properties']): void {
  const current: unknown = properties['rel'];
  const rel = new Set<string>(
    Array.isArray(current) ? current.map(String) : typeof current === 'string' ? current.split(/\s+/) : [],
  );
  rel.add('noopener');
  rel.add('noreferrer');
  properties['rel'] = [...rel].filter(Boolean);
}

function cleanElement(node: AnyNode, properties: Element['properties']): AnyNode[] {
  for (const key of Object.keys(properties)) {
    if (/^on/i.test(key)) delete properties[key];
  }
  for (const key of URL_PROPERTIES) {
    const value = properties[key];
    if (typeof value === 'string' && !isAllowedUrl(value)) {
      if (node.tagName === 'a') return cleanChildren(node.children ?? []);
      if (node.tagName === 'img') return [];
      delete properties[key];
    }
  }
  const href = properties['href'];
  if (node.tagName === 'a' && typeof href === 'string' && isExternalUrl(href)) addRel(properties);
  return [node];
}

function cleanJsx(node: AnyNode): AnyNode[] {
  const intrinsic = typeof node.name === 'string' && /^[a-z]/.test(node.name);
  if (!intrinsic) return [node];
  if (node.name === 'script') return [];
  node.attributes = (node.attributes ?? []).filter((attr) => {
    if (attr.type !== 'mdxJsxAttribute' || typeof attr.name !== 'string') return true;
    if (/^on/i.test(attr.name)) return false;
    const refused = typeof attr.value === 'string' && !isAllowedUrl(attr.value);
    return !(URL_ATTRIBUTES.has(attr.name.toLowerCase()) && refused);
  });
  return [node];
}

/** What replaces `node` in its parent: itself, its children (a link that lost its URL) or nothing. */
function clean(node: AnyNode): AnyNode[] {
  if (node.type === 'raw') return [];
  let kept: AnyNode[] = [node];
  if (node.type === 'element' && node.properties) kept = cleanElement(node, node.properties);
  else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') kept = cleanJsx(node);
  if (kept.length === 1 && kept[0] === node && node.children) node.children = cleanChildren(node.children);
  return kept;
}

function cleanChildren(children: AnyNode[]): AnyNode[] {
  return children.flatMap(clean);
}

export default function rehypeSafeHtml() {
  return (tree: Root) => {
    const root = tree as unknown as AnyNode;
    root.children = cleanChildren(root.children ?? []);
  };
}
