/**
 * The words the Markdown plugins add to a guide (the footnotes' heading and back links, heading
 * anchors, the code blocks' copy button, callout titles), in the guide's own language: a guide in
 * `content/guides/fr/` gets `src/i18n/fr.yaml`'s. The build hands the plugins one function from
 * a guide's file to its words (src/data/markdown-text.ts).
 */
import { markdownTextFor } from '../data/markdown-text';
import type { Translator } from '../lib/i18n';
import type { CalloutKind } from './remark-callouts';

export interface MarkdownText {
  footnotes: string;
  /** The name of a footnote's back link: `Back to reference 2-2`. */
  backToReference: (ref: string) => string;
  /** The hidden name of a heading's anchor: `Section titled “Why”`. */
  sectionTitled: (heading: string) => string;
  copy: string;
  /** What the copy button says once it has copied, or failed to. */
  copied: string;
  copyFailed: string;
  /** The copy button's name: `Copy Python code`. */
  copyCode: (language: string) => string;
  callouts: Record<CalloutKind, string>;
}

/** A guide's words from its file's path (the VFile's, absolute); undefined for text with no file. */
export type MarkdownTextFor = (filePath: string | undefined) => MarkdownText;

export function markdownTextOf({ t }: Pick<Translator, 't'>): MarkdownText {
  return {
    footnotes: t('markdown.footnotes'),
    backToReference: (ref) => t('markdown.back_to_reference', { ref }),
    sectionTitled: (heading) => t('markdown.section_titled', { heading }),
    copy: t('markdown.copy'),
    copied: t('markdown.copied'),
    copyFailed: t('markdown.copy_failed'),
    copyCode: (language) => t('markdown.copy_code', { language }),
    callouts: {
      note: t('markdown.callout_note'),
      tip: t('markdown.callout_tip'),
      important: t('markdown.callout_important'),
      warning: t('markdown.callout_warning'),
      caution: t('markdown.callout_caution'),
    },
  };
}

let defaultText: MarkdownTextFor | undefined;

/** Outside a build (the content check, tests): the words of the default language's file, read once. */
export function defaultMarkdownText(): MarkdownTextFor {
  return (defaultText ??= markdownTextFor());
}
