/**
 * A fast, sequential scan of the tags of a built page, for the passes that run over every page
 * after the build (carbon figure, security headers), where a full parse with parse5 of every
 * page would cost far more than the scan.
 * It reads HTML as Astro serialises it (quoted attributes, `<` escaped in text) and follows the
 * tokenizer's rules that matter here: each tag is consumed whole, quoted attributes included, so
 * a `<script>` written inside an attribute value is never taken for a tag; comments are skipped;
 * the contents of script, style, textarea and title are raw text up to their end tag; and tags
 * inside `<template>` are marked, since they do nothing until the template is used.
 * tests/unit/html-scan.test.ts holds it to parse5's answers. Pure.
 */

export interface ScannedTag {
  /** Lower-case tag name. */
  name: string;
  /** Lower-case attribute names, entity-decoded values (`''` for a bare attribute). */
  attributes: Map<string, string>;
  /** The raw text of a script, style, textarea or title element. */
  text?: string;
  /** Whether the tag is inside a `<template>`. */
  inTemplate: boolean;
}

const TOKEN = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']+|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
const NAMED: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0' };

function decode(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (whole, dec?: string, hex?: string, name?: string) => {
    if (name) return NAMED[name.toLowerCase()] ?? whole;
    return String.fromCodePoint(dec ? Number(dec) : parseInt(hex!, 16));
  });
}

function attributesOf(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const [, name = '', double, single, bare] of text.matchAll(ATTRIBUTE)) {
    const key = name.toLowerCase();
    // The first of two same-named attributes wins, as in browsers.
    if (!attributes.has(key)) attributes.set(key, decode(double ?? single ?? bare ?? ''));
  }
  return attributes;
}

/** The start tags of `html` named in `names` (every one when left out), in document order. */
export function scanTags(html: string, names?: ReadonlySet<string>): ScannedTag[] {
  const tags: ScannedTag[] = [];
  const token = new RegExp(TOKEN.source, 'g');
  let templates = 0;
  for (let match = token.exec(html); match; match = token.exec(html)) {
    const [whole, slash, rawName] = match;
    if (!rawName || whole.startsWith('<!--')) continue;
    const name = rawName.toLowerCase();
    if (name === 'template') {
      templates = Math.max(0, templates + (slash ? -1 : 1));
      continue;
    }
    if (slash) continue;
    let text: string | undefined;
    if (RAW_TEXT.has(name)) {
      const end = new RegExp(`</${name}\\s*>`, 'gi');
      end.lastIndex = token.lastIndex;
      const close = end.exec(html);
      text = html.slice(token.lastIndex, close ? close.index : html.length);
      token.lastIndex = close ? end.lastIndex : html.length;
    }
    if (names && !names.has(name)) continue;
    tags.push({
      name,
      attributes: attributesOf(match[3] ?? ''),
      inTemplate: templates > 0,
      ...(text === undefined ? {} : { text }),
    });
  }
  return tags;
}
