// Every stylesheet names sides logically (inline-start, block-end…), so that a right-to-left
// language mirrors every page with no stylesheet of its own. This reads all the project's CSS:
// src/styles/*.css and each <style> block of the .astro files under src/.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { physicalDirections, styleBlocks, type DirectionFinding } from './support/css-directions';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Declarations that must stay physical, each with the reason. A line here names the file, the
 * property and the value exactly; an entry that no longer matches anything fails the test, so the
 * list cannot outlive its reasons. Code and preformatted text need none: they are set
 * `direction: ltr` (src/styles/base.css), under which `start` is the left.
 */
const ALLOWED: { file: string; property: string; value: string; why: string }[] = [];

interface Located extends DirectionFinding {
  file: string;
}

async function projectCss(): Promise<Located[]> {
  const files = (await readdir(path.join(ROOT, 'src'), { recursive: true }))
    .map((file) => path.join('src', file).split(path.sep).join('/'))
    .filter((file) => file.endsWith('.css') || file.endsWith('.astro'))
    .sort();
  const found: Located[] = [];
  for (const file of files) {
    const text = await readFile(path.join(ROOT, file), 'utf8');
    const blocks = file.endsWith('.css') ? [{ css: text, line: 1 }] : styleBlocks(text);
    for (const block of blocks) {
      found.push(...physicalDirections(block.css, block.line).map((finding) => ({ file, ...finding })));
    }
  }
  return found;
}

const isAllowed = (finding: Located) =>
  ALLOWED.some((a) => a.file === finding.file && a.property === finding.property && a.value === finding.value);

describe("the project's CSS mirrors for right-to-left languages", () => {
  it('names no physical side outside the allow-list', async () => {
    const found = await projectCss();
    const report = found
      .filter((finding) => !isAllowed(finding))
      .map((f) => `${f.file}:${f.line} — ${f.property}: ${f.value}; use ${f.use}`);
    expect(report).toEqual([]);
  });

  it('reads the style blocks of components, layouts and pages as well as src/styles/', async () => {
    // The scan would pass vacuously if it read nothing: check it reaches each kind of source.
    const files = (await readdir(path.join(ROOT, 'src'), { recursive: true })).map((f) => f.split(path.sep).join('/'));
    for (const dir of ['styles/', 'components/', 'layouts/', 'pages/']) {
      const sources = files.filter((f) => f.startsWith(dir) && /\.(css|astro)$/.test(f));
      const css = await Promise.all(
        sources.map(async (f) => {
          const text = await readFile(path.join(ROOT, 'src', f), 'utf8');
          return f.endsWith('.css')
            ? text
            : styleBlocks(text)
                .map((b) => b.css)
                .join('');
        }),
      );
      expect(css.join('').length, dir).toBeGreaterThan(500);
    }
  });

  it('has no allow-list entry left without a declaration to excuse', async () => {
    const found = await projectCss();
    const stale = ALLOWED.filter(
      (a) => !found.some((f) => a.file === f.file && a.property === f.property && a.value === f.value),
    );
    expect(stale).toEqual([]);
  });
});

describe('physicalDirections', () => {
  const uses = (css: string) => physicalDirections(css).map((f) => `${f.line} ${f.property}: ${f.value} → ${f.use}`);

  it('reports physical properties with their logical names', () => {
    expect(
      uses(
        '.a {\n  margin-left: 1rem;\n  padding-right: 0;\n  border-left: 1px solid;\n  left: 0;\n  right: 0;\n  border-top-right-radius: 2px;\n  margin-top: 1px;\n}',
      ),
    ).toEqual([
      '2 margin-left: 1rem → margin-inline-start',
      '3 padding-right: 0 → padding-inline-end',
      '4 border-left: 1px solid → border-inline-start',
      '5 left: 0 → inset-inline-start',
      '6 right: 0 → inset-inline-end',
      '7 border-top-right-radius: 2px → border-start-end-radius',
      '8 margin-top: 1px → margin-block-start',
    ]);
  });

  it('reports left and right as values: alignment, floats, positions, gradients', () => {
    expect(
      uses(
        'p { text-align: left; float: right; clear: left; background-position: right 1rem top; background: linear-gradient(to right, red, blue); }',
      ),
    ).toEqual([
      '1 text-align: left → text-align: start / end',
      '1 float: right → float: inline-start / inline-end',
      '1 clear: left → clear: inline-start / inline-end',
      '1 background-position: right 1rem top → a value that does not name left or right (or put the rule under [dir]…)',
      '1 background: linear-gradient(to right, red, blue) → a value that does not name left or right (or put the rule under [dir]…)',
    ]);
  });

  it('reports four-value shorthands and corner radii that differ between left and right', () => {
    expect(
      uses(
        '.a { padding: 1px 2px 1px 3px; margin: 0 var(--x) 0 calc(1px + 2px); border-radius: 0 4px 4px 0; border-radius: 4px / 2px 3px; }',
      ),
    ).toEqual([
      '1 padding: 1px 2px 1px 3px → padding-block: 1px; padding-inline: 3px 2px',
      '1 margin: 0 var(--x) 0 calc(1px + 2px) → margin-block: 0; margin-inline: calc(1px + 2px) var(--x)',
      '1 border-radius: 0 4px 4px 0 → border-start-start-radius … border-end-end-radius',
      '1 border-radius: 4px / 2px 3px → border-start-start-radius … border-end-end-radius',
    ]);
  });

  it('reports horizontal translations and mirrors that ignore the direction', () => {
    expect(
      uses('.a { transform: translateX(2px); } .b { transform: scaleX(-1); } .c { translate: 1px 0; }'),
    ).toHaveLength(3);
  });

  it('accepts logical CSS, symmetric shorthands and words that only contain a side', () => {
    expect(
      uses(
        [
          '.a { margin-inline-start: 1rem; padding: 1px 2px 3px 2px; padding: 1px 2px; border-radius: 4px; border-radius: 999px 999px; }',
          '.b { text-align: start; float: inline-end; inset-inline-start: 0; inset-block-start: -10rem; }',
          '.c { vertical-align: top; scroll-margin-block-start: 1rem; transform: translateY(2px); --side: left; }',
          '.d::after { content: " right (left) "; background: url(left.png); }',
          '/* margin-left: 1rem; */ .e:first-child:not(.left) { color: red; }',
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  it('accepts physical CSS under a selector that names the direction', () => {
    expect(
      uses(
        "@layer x { [dir='rtl'] .icon { transform: scaleX(-1); } :dir(rtl) .a { background-position: left; } @media (min-width: 1px) { [dir=ltr] { margin-left: 1px; } } }",
      ),
    ).toEqual([]);
  });

  it('finds each style block of an .astro file with the line it starts on', () => {
    const astro =
      '---\nconst a = 1;\n---\n<p>x</p>\n<style>\n  .a { margin-left: 0; }\n</style>\n<style is:global>\n.b { left: 0 }</style>\n';
    const found = styleBlocks(astro).flatMap((block) => physicalDirections(block.css, block.line));
    expect(found.map((f) => `${f.line} ${f.property}`)).toEqual(['6 margin-left', '9 left']);
  });
});
