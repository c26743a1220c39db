/**
 * Puts every root-relative URL a guide writes under the site's base path, at build time: with
 * `BASE_PATH=/docs/`, `[SCI](/guides/software-carbon-intensity-sci/#e-energy)` links to
 * `/docs/guides/software-carbon-intensity-sci/#e-energy`, and `![](/images/x.svg)` loads
 * `/docs/images/x.svg`. Authors write links as the site reads them at its root, the content check
 * validates them that way (content-tools/check/links.ts), and this plugin is what makes the
 * published page agree on a GitHub Pages project site. The rule for one URL is
 * `rootRelativeUnderBase` (src/lib/urls-base.ts).
 *
 * It covers Markdown links and images, reference-style and autolinks alike (they are all `<a>`
 * and `<img>` elements by now), srcset candidates, and in MDX the string attributes of JSX
 * elements, intrinsic ones and our components: a component given `href="/guides/x/"` receives
 * the URL already under the base, so components must not add the base to such props again.
 * A JSX expression (`href={url}`) is code, not a URL, and is left alone.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { rootRelativeUnderBase } from '../lib/urls-base';

export interface RehypeBaseLinksOptions {
  /** The site's base path, `/` or `/docs/`. */
  base: string;
}

/** hast property names holding one URL. */
const URL_PROPERTIES = ['href', 'src', 'poster', 'action', 'formAction', 'cite', 'xLinkHref'];
/** The same attributes as JSX writes them, lower-cased. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'poster', 'action', 'formaction', 'cite', 'xlink:href', 'xlinkhref']);

/**
 * Applies `map` to the URL of each candidate of a srcset (`a.png 1x, /b.png 2x`), keeping the
 * descriptors and separators, as the HTML parsing rules split them: a candidate's URL runs to the
 * next whitespace, and commas it ends with separate it from the next candidate.
 */
export function mapSrcset(srcset: string, map: (url: string) => string): string {
  let out = '';
  let rest = srcset;
  while (rest) {
    const separators = /^[\s,]*/.exec(rest)?.[0] ?? '';
    out += separators;
    rest = rest.slice(separators.length);
    if (!rest) break;
    const token = /^\S+/.exec(rest)?.[0] ?? '';
    rest = rest.slice(token.length);
    const url = token.replace(/,+$/, '');
    out += map(url) + token.slice(url.length);
    if (url.length < token.length) continue;
    const descriptors = /^[^,]*/.exec(rest)?.[0] ?? '';
    out += descriptors;
    rest = rest.slice(descriptors.length);
  }
  return out;
}

interface MdxJsxNode {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  attributes: { type: string; name?: string; value?: unknown }[];
}

export default function rehypeBaseLinks({ base }: RehypeBaseLinksOptions) {
  const under = (url: string) => rootRelativeUnderBase(url, base);
  return (tree: Root) => {
    visit(tree, (node) => {
      if (node.type === 'element') {
        const properties = node.properties;
        for (const key of URL_PROPERTIES) {
          const value = properties[key];
          if (typeof value === 'string') properties[key] = under(value);
        }
        // `data` is a URL only on <object>; elsewhere it is not an attribute hast knows.
        const data = properties['data'];
        if (node.tagName === 'object' && typeof data === 'string') properties['data'] = under(data);
        // hast types srcset as one string; some parsers hold its candidates as a list.
        const srcSet: unknown = properties['srcSet'];
        if (typeof srcSet === 'string') properties['srcSet'] = mapSrcset(srcSet, under);
        else if (Array.isArray(srcSet)) properties['srcSet'] = mapSrcset(srcSet.map(String).join(', '), under);
      } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        for (const attribute of (node as unknown as MdxJsxNode).attributes) {
          if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') continue;
          const name = attribute.name?.toLowerCase() ?? '';
          if (URL_ATTRIBUTES.has(name)) attribute.value = under(attribute.value);
          else if (name === 'srcset') attribute.value = mapSrcset(attribute.value, under);
        }
      }
    });
  };
}
