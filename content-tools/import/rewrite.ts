/**
 * Rewrites link and image URLs in a body, and nothing else: every other byte stays as it was.
 * URLs are replaced where the parser found them written (`LinkFact.urlStart/urlEnd`), so a link
 * text that happens to repeat its URL is left alone. Pure.
 */
import type { LinkFact } from '../check/analyse';

export interface UrlRewrite {
  line: number;
  column: number;
  from: string;
  to: string;
}

export function rewriteUrls(
  body: string,
  links: readonly LinkFact[],
  rewrite: (link: LinkFact) => string | undefined,
): { body: string; rewrites: UrlRewrite[] } {
  const edits: { start: number; end: number; to: string; link: LinkFact }[] = [];
  for (const link of links) {
    if (link.urlStart === undefined || link.urlEnd === undefined) continue;
    const to = rewrite(link);
    if (to === undefined || to === link.url) continue;
    edits.push({ start: link.urlStart, end: link.urlEnd, to, link });
  }
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const edit of edits) {
    if (edit.start < at) continue;
    out += body.slice(at, edit.start) + edit.to;
    at = edit.end;
  }
  out += body.slice(at);
  return {
    body: out,
    rewrites: edits.map((e) => ({ line: e.link.line, column: e.link.column, from: e.link.url, to: e.to })),
  };
}
