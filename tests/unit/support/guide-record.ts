/** Builds the record the content rules read, from a guide's text, through the real parsers. */
import { analyseBody } from '../../../content-tools/check/analyse';
import type { GuideRecord } from '../../../content-tools/check/types';
import { checkGuideSource } from '../../../content-tools/guide-files';

export function guideRecord(relativePath: string, source: string): GuideRecord {
  const { guide } = checkGuideSource(relativePath, `guides/${relativePath}`, source);
  const mdx = relativePath.endsWith('.mdx');
  const data = guide.parsed.data;
  return {
    ...guide,
    bodyStart: source.length - guide.parsed.body.length,
    mdx,
    draft: guide.frontmatter?.draft ?? data['published'] === false,
    analysis: analyseBody(guide.parsed.body, { bodyLine: guide.parsed.bodyLine, mdx, frontmatter: data }),
  };
}

/** A valid guide with the given extra front matter and body. */
export function guideText(extra: string, body: string, title = 'A guide'): string {
  return `---\ntitle: ${title}\ndate: 2025-01-01\ndifficulty: beginner\ntags: [cloud]\ndescription: D.\n${extra}---\n\n${body}`;
}
