/**
 * Keeps guide HTML safe whatever the Markdown says, at render time:
 * - raw HTML: remark-rehype leaves it out (`allowDangerousHtml: false` in ./options.ts), so a
 *   `<script>`, an `<img onerror>` or an `<a href="javascript:">` in a `.md` body never becomes a
 *   node. Should a `raw` node arrive all the same (another pipeline, another plugin), it is dropped
 *   here too. MDX has no raw HTML (its tags are JSX); components from src/components/mdx/ are how
 *   guides add markup;
 * - links and images whose URL has a refused scheme (`javascript:`, `data:`, anything but http(s),
 *   mailto: and tel:) lose that URL: a link keeps its text, an image is removed. Autolinks and
 *   reference-style links arrive here as ordinary `<a>` elements, so one rule covers them all;
 * - external links get `rel="noopener noreferrer"`;
 * - in MDX, intrinsic JSX elements lose `on*` handler attributes and refused literal URLs, and a
 *   JSX `<script>` is removed.
 * The content checks (content-tools/markdown-safety.ts) report the same problems with file and line
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
export interface AnyNode {
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

/** What a node becomes: itself, nothing, or its children in its place (a link that lost its URL). */
type Outcome = 'keep' | 'drop' | 'unwrap';

function cleanElement(node: AnyNode, properties: Element['properties']): Outcome {
  for (const key of Object.keys(properties)) {
    if (/^on/i.test(key)) delete properties[key];
  }
  for (const key of URL_PROPERTIES) {
    const value = properties[key];
    if (typeof value === 'string' && !isAllowedUrl(value)) {
      if (node.tagName === 'a') return 'unwrap';
      if (node.tagName === 'img') return 'drop';
      delete properties[key];
    }
  }
  const href = properties['href'];
  if (node.tagName === 'a' && typeof href === 'string' && isExternalUrl(href)) addRel(properties);
  return 'keep';
}

function cleanJsx(node: AnyNode): Outcome {
  const intrinsic = typeof node.name === 'string' && /^[a-z]/.test(node.name);
  if (!intrinsic) return 'keep';
  if (node.name === 'script') return 'drop';
  node.attributes = (node.attributes ?? []).filter((attr) => {
    if (attr.type !== 'mdxJsxAttribute' || typeof attr.name !== 'string') return true;
    if (/^on/i.test(attr.name)) return false;
    const refused = typeof attr.value === 'string' && !isAllowedUrl(attr.value);
    return !(URL_ATTRIBUTES.has(attr.name.toLowerCase()) && refused);
  });
  return 'keep';
}

function clean(node: AnyNode): Outcome {
  if (node.type === 'raw') return 'drop';
  if (node.type === 'element' && node.properties) return cleanElement(node, node.properties);
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') return cleanJsx(node);
  return 'keep';
}

/**
 * Cleans every node under `root`. Iterative, with a stack of parents still to clean, so that no
 * nesting depth can overflow the call stack (see src/lib/tree-walk.ts).
 */
export function cleanTree(root: AnyNode): void {
  const parents: AnyNode[] = [root];
  for (let parent = parents.pop(); parent; parent = parents.pop()) {
    const kept: AnyNode[] = [];
    // Children still to look at, the next one last; an unwrapped link puts its own back in its place.
    const pending = [...(parent.children ?? [])].reverse();
    for (let node = pending.pop(); node; node = pending.pop()) {
      const outcome = clean(node);
      if (outcome === 'unwrap') {
        for (let i = (node.children?.length ?? 0) - 1; i >= 0; i--) pending.push(node.children?.[i] as AnyNode);
      } else if (outcome === 'keep') {
        kept.push(node);
        if (node.children) parents.push(node);
      }
    }
    if (parent.children) parent.children = kept;
  }
}

export default function rehypeSafeHtml() {
  return (tree: Root) => {
    cleanTree(tree);
  };
}
