import { readFileSync } from 'node:fs';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { scanTags } from '~/lib/html-scan';

/** What parse5 sees: elements outside templates, with the attributes and text that matter here. */
function parsed(html: string) {
  const found: { name: string; src?: string; href?: string; type?: string; text?: string }[] = [];
  visit(fromHtml(html), 'element', (node: Element) => {
    if (!['script', 'img', 'link', 'style'].includes(node.tagName)) return;
    const p = node.properties;
    found.push({
      name: node.tagName,
      ...(typeof p['src'] === 'string' ? { src: p['src'] } : {}),
      ...(typeof p['href'] === 'string' ? { href: p['href'] } : {}),
      ...(typeof p['type'] === 'string' ? { type: p['type'] } : {}),
      ...(['script', 'style'].includes(node.tagName) ? { text: toString(node) } : {}),
    });
  });
  return found;
}

function scanned(html: string) {
  return scanTags(html)
    .filter((t) => !t.inTemplate && ['script', 'img', 'link', 'style'].includes(t.name))
    .map((t) => ({
      name: t.name,
      ...(t.attributes.has('src') ? { src: t.attributes.get('src') } : {}),
      ...(t.attributes.has('href') ? { href: t.attributes.get('href') } : {}),
      ...(t.attributes.has('type') ? { type: t.attributes.get('type') } : {}),
      ...(['script', 'style'].includes(t.name) ? { text: t.text } : {}),
    }));
}

const TRICKY = [
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A <script> in a title</title>',
  '<meta property="og:title" content="</title><script>alert(&quot;t&quot;)</script>">',
  '<link rel="stylesheet" href="/a.css?x=1&amp;y=2"><LINK REL="icon" HREF=\'/i.svg\'>',
  '<script>const s = "<img src=/no.png>"; const t = `</scr` + `ipt>`;</script>',
  '<script type="application/ld+json">{"a":"\\u003cscript>"}</script>',
  '<script type="module" src="/m.js"></script><style>p::after{content:"<img src=/css.png>"}</style></head>',
  '<body data-x="<img src=/attr.png>"><img alt="a > b <script>" src="/gt.png"><img src=/bare.png alt=x>',
  '<!-- <img src="/comment.png"> --><template><img src="/tpl.png"><script>tpl()</script></template>',
  '<p>5 &lt; 6 and <code>&lt;img src="/code.png"&gt;</code></p><textarea><img src=/ta.png></textarea>',
  '<img src="/&#x61;.png"></body></html>',
].join('');

describe('scanning built pages', () => {
  it('reads what parse5 reads: attribute values, raw text, comments and templates', () => {
    expect(scanned(TRICKY)).toEqual(parsed(TRICKY));
    expect(scanned(TRICKY).map((t) => t.src ?? t.href)).toEqual([
      '/a.css?x=1&y=2',
      '/i.svg',
      undefined,
      undefined,
      '/m.js',
      undefined,
      '/gt.png',
      '/bare.png',
      '/a.png',
    ]);
  });

  it('marks what is inside a template', () => {
    const inTemplate = scanTags(TRICKY).filter((t) => t.inTemplate);
    expect(inTemplate.map((t) => [t.name, t.attributes.get('src') ?? t.text])).toEqual([
      ['img', '/tpl.png'],
      ['script', 'tpl()'],
    ]);
  });

  it('agrees with parse5 on the fixtures of the unsafe-Markdown tests, as Astro would render them', () => {
    const title =
      readFileSync('tests/fixtures/unsafe/2025-04-01-hostile-title.md', 'utf8').match(/^title: (.*)$/m)?.[1] ?? '';
    const escapedAttribute = title.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    const html = `<html><head><meta content="${escapedAttribute}"><script>ok()</script></head><body><article data-title="${escapedAttribute}"><img src="/x.png" alt="${escapedAttribute}"></article></body></html>`;
    expect(scanned(html)).toEqual(parsed(html));
    expect(scanned(html).filter((t) => t.name === 'script')).toEqual([{ name: 'script', text: 'ok()' }]);
  });
});
