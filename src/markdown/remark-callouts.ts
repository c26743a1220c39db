/**
 * Callouts from two blockquote conventions, turned into `<aside class="callout">` at build time:
 *   > [!TIP]                      (GitHub's alert syntax)
 *   > **💡 Pro Tip:** text        (the bold-label convention common in older guides)
 * A blockquote that is neither is left alone.
 */
import type { Blockquote, Paragraph, PhrasingContent, Root } from 'mdast';
// Brings the hName/hProperties fields of mdast `data` into scope.
import type {} from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { defaultMarkdownText, type MarkdownTextFor } from './interface-text';

export const CALLOUT_KINDS = ['note', 'tip', 'important', 'warning', 'caution'] as const;
export type CalloutKind = (typeof CALLOUT_KINDS)[number];

const GITHUB_MARKER = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\r?\n|$)/i;

/**
 * Bold labels and the kind they mean; emoji and a trailing colon around them are ignored. Each
 * kind also knows its labels in the languages guides are translated into (French and Spanish so far), since
 * a translation writes its labels in its own language and would otherwise lose its callouts.
 */
const LABEL_KINDS: [RegExp, CalloutKind][] = [
  [/^(?:pro\s+)?tips?$|^hint$|^consejos?(?:\s+práctico)?$|^(?:astuces?|conseils?)(?:\s+de\s+pro)?$/iu, 'tip'],
  [/^(?:note|info|information|fyi)$|^nota$|^remarque$/iu, 'note'],
  [/^important$|^key\s+point$|^importante$/iu, 'important'],
  [/^warning$|^watch\s+out$|^advertencia$|^atención$|^attention$|^avertissement$/iu, 'warning'],
  [/^caution$|^danger$|^precaución$|^peligro$|^prudence$/iu, 'caution'],
];

function stripLabel(text: string): string {
  return text
    .replace(/[\p{Extended_Pictographic}\uFE0F\u200D]/gu, '')
    .replace(/:\s*$/, '')
    .trim();
}

export function kindOfLabel(label: string): CalloutKind | undefined {
  const clean = stripLabel(label);
  return LABEL_KINDS.find(([pattern]) => pattern.test(clean))?.[1];
}

function makeCallout(node: Blockquote, kind: CalloutKind, title: string): void {
  const data = (node.data ??= {});
  data.hName = 'aside';
  data.hProperties = { className: ['callout', `callout-${kind}`], 'aria-label': title };
  const titleParagraph: Paragraph = {
    type: 'paragraph',
    data: { hProperties: { className: ['callout-title'], 'aria-hidden': 'true' } },
    children: [{ type: 'text', value: title }],
  };
  node.children.unshift(titleParagraph);
}

function fromGithubMarker(node: Blockquote, titles: Record<CalloutKind, string>): boolean {
  const first = node.children[0];
  if (first?.type !== 'paragraph') return false;
  const lead = first.children[0];
  if (lead?.type !== 'text') return false;
  const match = GITHUB_MARKER.exec(lead.value);
  if (!match?.[1]) return false;
  const kind = match[1].toLowerCase() as CalloutKind;
  lead.value = lead.value.slice(match[0].length);
  if (lead.value === '') first.children.shift();
  // A break right after the marker line is not content either.
  if (first.children[0]?.type === 'break') first.children.shift();
  if (first.children.length === 0) node.children.shift();
  makeCallout(node, kind, titles[kind]);
  return true;
}

function fromBoldLabel(node: Blockquote, titles: Record<CalloutKind, string>): boolean {
  const first = node.children[0];
  if (first?.type !== 'paragraph') return false;
  const lead = first.children[0];
  if (lead?.type !== 'strong') return false;
  const label = toString(lead);
  const kind = kindOfLabel(label);
  if (!kind) return false;
  first.children.shift();
  const next: PhrasingContent | undefined = first.children[0];
  if (next?.type === 'text') {
    next.value = next.value.replace(/^\s*:?\s*/, '');
    if (next.value === '') first.children.shift();
  }
  if (first.children.length === 0) node.children.shift();
  makeCallout(node, kind, stripLabel(label) || titles[kind]);
  return true;
}

/** `textFor` gives a guide's callout titles in its language (src/data/markdown-text.ts). */
export default function remarkCallouts(options: { textFor?: MarkdownTextFor } = {}) {
  return (tree: Root, file: { path?: string }) => {
    let titles: Record<CalloutKind, string> | undefined;
    visit(tree, 'blockquote', (node: Blockquote) => {
      titles ??= (options.textFor ?? defaultMarkdownText())(file.path).callouts;
      if (!fromGithubMarker(node, titles)) fromBoldLabel(node, titles);
    });
  };
}
