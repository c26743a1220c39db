/**
 * Finds what the render will refuse in a guide's body, with file and line, before the build:
 * links and images with a refused URL scheme (errors: the build stops) and raw HTML in `.md`
 * guides (warnings: it is dropped from the page). The rule itself lives in
 * src/markdown/url-policy.ts and is enforced at render time by src/markdown/rehype-safe-html.ts,
 * whatever this check finds. Pure; Node only.
 *
 * Parsing Markdown is the costly part of the check, so a body is parsed only when a cheap scan finds
 * something that could be raw HTML or a link whose target is not plainly http(s), mailto:, tel:,
 * a path or a fragment. The scan can over-report (then the parse decides) but never misses a
 * link destination; code is left out of it so that HTML in code samples costs nothing.
 */
import type { Nodes } from 'mdast';
import type { Diagnostic } from '../src/schemas/errors';
import { describeRefusedUrl, isAllowedUrl } from '../src/markdown/url-policy';
import { parseMarkdown } from '../src/lib/markdown-text';
import { walkTree } from '../src/lib/tree-walk';

const FENCED_CODE = /^( {0,3})(`{3,}|~{3,})[^\n]*\n[\s\S]*?^ {0,3}\2[`~]*[ \t]*$/gm;
// A code span never crosses a blank line.
const CODE_SPAN = /(`+)(?!`)(?:(?!\n[ \t]*\n)[\s\S])*?(?<!`)\1(?!`)/g;
const MAYBE_HTML = /<(?!https?:|mailto:)[A-Za-z!?/]/i;
// `](target` and `[label]: target` whose target does not start with a safe prefix.
const MAYBE_REFUSED_URL =
  /\]\(\s*<?(?![\s<#/.?)]|https?:|mailto:|tel:)|\[(?!\^)[^\]]*\]:\s*<?(?![\s<#/.?]|https?:|mailto:|tel:)/i;

export interface BodySafetyOptions {
  /** The file as shown in messages. */
  file: string;
  /** The file line on which the body starts. */
  bodyLine: number;
  /** MDX has no raw HTML (its tags are JSX), so only links are checked there. */
  mdx: boolean;
}

/** One line of an HTML snippet, cut short: `<div class="x">…`. */
function snippet(html: string): string {
  const line = html.trim().split('\n')[0] ?? '';
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}

/** Whether `body` may hold what the check reports; in MDX tags are JSX, so only links count. */
export function needsSafetyParse(body: string, mdx = false): boolean {
  const prose = body.replace(FENCED_CODE, '').replace(CODE_SPAN, '');
  return (!mdx && MAYBE_HTML.test(prose)) || MAYBE_REFUSED_URL.test(prose);
}

export function checkBodySafety(body: string, options: BodySafetyOptions): Diagnostic[] {
  if (!needsSafetyParse(body, options.mdx)) return [];
  const diagnostics: Diagnostic[] = [];
  const at = (node: Nodes) => ({
    file: options.file,
    line: options.bodyLine + (node.position?.start.line ?? 1) - 1,
    column: node.position?.start.column ?? 1,
  });
  const check = (node: Nodes) => {
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !isAllowedUrl(node.url)) {
      const what = node.type === 'image' ? 'image' : node.type === 'definition' ? 'link definition' : 'link';
      diagnostics.push({
        ...at(node),
        severity: 'error',
        rule: 'unsafe-url',
        message: `${what}: expected an http(s), mailto:, tel: or relative URL, found ${describeRefusedUrl(node.url)}`,
      });
    }
    if (node.type === 'html' && !options.mdx && node.value.trim() !== '') {
      const where = at(node);
      const line = htmlByLine.get(where.line);
      if (line) line.tags.push(snippet(node.value));
      else htmlByLine.set(where.line, { ...where, tags: [snippet(node.value)] });
    }
  };
  const htmlByLine = new Map<number, { file: string; line: number; column: number; tags: string[] }>();
  walkTree<Nodes>(parseMarkdown(body), check);
  // One warning a line, however many tags it holds.
  for (const { tags, ...where } of htmlByLine.values()) {
    diagnostics.push({
      ...where,
      severity: 'warning',
      rule: 'raw-html',
      message: `raw HTML: ${tags.map((t) => `\`${t}\``).join(', ')} ${tags.length === 1 ? 'is' : 'are'} left out of the page; .md guides publish no HTML (write the guide as .mdx and use a component from src/components/mdx/)`,
    });
  }
  return diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
}
