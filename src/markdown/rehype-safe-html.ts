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
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { isAllowedUrl, isExternalUrl } from './url-policy';

const URL_PROPERTIES = ['href', 'src', 'action', 'formAction', 'poster', 'cite', 'xLinkHref'];
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'poster', 'cite', 'xlink:href']);

interface MdxJsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}
interface MdxJsxElement {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: MdxJsxAttribute[];
  children: RootContent[];
}

function isMdxJsx(node: { type: string }): node is MdxJsxElement {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

function addRel(node: Element): void {
  const current = node.properties['rel'];
  const rel = new Set(
    Array.isArray(current) ? current.map(String) : typeof current === 'string' ? current.split(/\s+/) : [],
  );
  rel.add('noopener');
  rel.add('noreferrer');
  node.properties['rel'] = [...rel].filter(Boolean);
}

/** What replaces `node` in its parent: itself, its children (a link that lost its URL) or nothing. */
function clean(node: RootContent): RootContent[] {
  if ((node as { type: string }).type === 'raw') return [];
  if (node.type === 'element') {
    for (const key of Object.keys(node.properties)) {
      if (/^on/i.test(key)) delete node.properties[key];
    }
    for (const key of URL_PROPERTIES) {
      const value = node.properties[key];
      if (typeof value === 'string' && !isAllowedUrl(value)) {
        if (node.tagName === 'a') return cleanChildren(node.children) as RootContent[];
        if (node.tagName === 'img') return [];
        delete node.properties[key];
      }
    }
    if (node.tagName === 'a' && typeof node.properties['href'] === 'string' && isExternalUrl(node.properties['href'])) {
      addRel(node);
    }
    node.children = cleanChildren(node.children);
    return [node];
  }
  if (isMdxJsx(node)) {
    const intrinsic = typeof node.name === 'string' && /^[a-z]/.test(node.name);
    if (intrinsic) {
      if (node.name === 'script') return [];
      node.attributes = node.attributes.filter((attr) => {
        if (attr.type !== 'mdxJsxAttribute' || typeof attr.name !== 'string') return true;
        if (/^on/i.test(attr.name)) return false;
        return !(
          URL_ATTRIBUTES.has(attr.name.toLowerCase()) &&
          typeof attr.value === 'string' &&
          !isAllowedUrl(attr.value)
        );
      });
    }
    node.children = cleanChildren(node.children as ElementContent[]) as RootContent[];
    return [node as unknown as RootContent];
  }
  if ('children' in node) node.children = cleanChildren(node.children as ElementContent[]);
  return [node];
}

function cleanChildren<T extends RootContent>(children: T[]): T[] {
  return children.flatMap((child) => clean(child) as T[]);
}

export default function rehypeSafeHtml() {
  return (tree: Root) => {
    tree.children = cleanChildren(tree.children);
  };
}
