import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it, vi } from 'vitest';
import { emphasisNesting } from '../../content-tools/emphasis-nesting';
import { checkGuideSource } from '../../content-tools/guide-files';
import { checkInputLimits, INPUT_LIMITS } from '../../content-tools/input-limits';
import { parseMarkdown } from '~/lib/markdown-text';

const FRONT = '---\ntitle: Deep\ndate: 2025-01-01\ndifficulty: beginner\ntags: [cloud]\ndescription: x\n---\n';
const BODY_LINE = FRONT.split('\n').length; // the body starts on the line after the closing ---

// Passes through to the real parser; lets a test see whether a guide was parsed at all.
vi.mock('mdast-util-from-markdown', async (importOriginal) => {
  const real = await importOriginal<typeof import('mdast-util-from-markdown')>();
  return { ...real, fromMarkdown: vi.fn(real.fromMarkdown) };
});

/** The limit a diagnostic names: `nesting`, `size`, `line-length` or `headings`. */
const limitOf = (message: string) => (message.split(':')[0] ?? '').replace(' ', '-');

function rules(source: string, limits = INPUT_LIMITS) {
  return checkInputLimits(source, { file: 'g.md', limits }).map((d) => `${limitOf(d.message)}@${d.line}`);
}

/** The nesting the scan sees: the smallest limit that does not refuse the text. */
function scannedDepth(markdown: string): number {
  for (let limit = 0; limit < 40; limit++) {
    const found = checkInputLimits(markdown, { file: 'x.md', limits: { ...INPUT_LIMITS, nesting: limit } });
    if (!found.some((d) => limitOf(d.message) === 'nesting')) return limit;
  }
  return Infinity;
}

/** The nesting a real parser builds: lists and blockquotes on the deepest path. */
function parsedDepth(markdown: string): number {
  const depth = (node: Nodes): number => {
    const own = node.type === 'list' || node.type === 'blockquote' ? 1 : 0;
    const children = 'children' in node ? node.children.map(depth) : [];
    return own + Math.max(0, ...children);
  };
  return depth(parseMarkdown(markdown));
}

const nestedBullets = (levels: number) => `${'- '.repeat(levels)}deep\n`;
const nestedQuotes = (levels: number) => `${'> '.repeat(levels)}deep\n`;
const indentedList = (levels: number) =>
  Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n') + '\n';

describe('nesting', () => {
  it('allows 20 levels and refuses 21, for bullets, blockquotes, indentation and mixtures', () => {
    for (const make of [nestedBullets, nestedQuotes, indentedList]) {
      expect(rules(make(20))).toEqual([]);
      expect(rules(make(21))).toEqual([expect.stringMatching(/^nesting@\d+$/)]);
    }
    expect(rules(`${'> - '.repeat(10)}x\n`)).toEqual([]);
    expect(rules(`${'> 1. '.repeat(11)}x\n`)).toEqual(['nesting@1']);
  });

  it('names the line where the limit is passed, counting front matter lines', () => {
    const found = checkInputLimits(FRONT + indentedList(30), { file: 'content/guides/deep.md', bodyLine: BODY_LINE });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      file: 'content/guides/deep.md',
      line: BODY_LINE + 20,
      column: 41,
      severity: 'error',
      rule: 'input-limit',
    });
    expect(found[0]?.message).toBe(
      'nesting: expected lists and blockquotes at most 20 levels deep, found 21 levels on this line',
    );
  });

  it('counts what a Markdown parser nests, on the real guides and on tricky text', () => {
    const dir = path.resolve('content/guides');
    const samples = readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .map((f) => readFileSync(path.join(dir, f), 'utf8').replace(/^---[\s\S]*?\n---\n/, ''));
    samples.push(
      '- a\n  - b\n    - c\n\n      text in c\n- back to one\n',
      '1. one\n   > quoted in a list\n   > - and a list in it\n',
      '> a\nlazy line\n> > b\n',
      '- a\n\n        indented code, not a list:\n        - x\n',
      '```\n- not\n  - a\n    - list\n```\n- real\n',
      '- item\n  ```\n  - code\n    - code\n  ```\n  - nested\n',
      '* * *\n- - -\n',
      '\t- tab\n\t\t- tabbed deeper\n',
      '- a\n - b\n  - c\n   - d\n',
      '    - indented code at top\n',
    );
    for (const sample of samples) expect(scannedDepth(sample), sample.slice(0, 80)).toBe(parsedDepth(sample));
  });

  it('ignores list markers inside fenced code', () => {
    expect(rules('```text\n' + nestedBullets(50) + '```\n')).toEqual([]);
    expect(rules('~~~\n' + indentedList(50) + '~~~\n')).toEqual([]);
  });
});

/** Emphasis `levels` deep, one `*a` a line and then one `a*` a line: every line two characters. */
const emphasisAcrossLines = (levels: number) => `${'*a\n'.repeat(levels)}${'a*\n'.repeat(levels)}`;

/** Emphasis, strong emphasis and strikethrough on the deepest path of the parsed tree. */
function parsedEmphasisDepth(markdown: string): number {
  let deepest = 0;
  const stack: [Nodes, number][] = [[parseMarkdown(markdown), 0]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, above] = item;
    const depth = above + (node.type === 'emphasis' || node.type === 'strong' || node.type === 'delete' ? 1 : 0);
    deepest = Math.max(deepest, depth);
    if ('children' in node) for (const child of node.children) stack.push([child, depth]);
  }
  return deepest;
}

describe('emphasis', () => {
  it('allows emphasis 20 levels deep in a paragraph and refuses 21, on one line or across lines', () => {
    const oneLine = (levels: number) => `${'*a '.repeat(levels)}${' a*'.repeat(levels)}\n`;
    for (const make of [oneLine, emphasisAcrossLines]) {
      expect(rules(make(20))).toEqual([]);
      expect(rules(make(21))).toEqual([expect.stringMatching(/^emphasis@\d+$/)]);
    }
    expect(rules(`# ${'**a '.repeat(21)}${' a**'.repeat(21)}\n`)).toEqual(['emphasis@1']);
    expect(rules(`${'~~a '.repeat(11)}${'*a '.repeat(10)}${' a*'.repeat(10)}${' a~~'.repeat(11)}\n`)).toEqual([
      'emphasis@1',
    ]);
  });

  it('names the line and column where the nesting passes the limit, counting front matter lines', () => {
    const found = checkInputLimits(FRONT + emphasisAcrossLines(2500), {
      file: 'content/guides/deep.md',
      bodyLine: BODY_LINE,
    });
    // The innermost emphasis closes first, on the first `a*` line; the 21st level on the 21st.
    expect(found).toEqual([
      {
        file: 'content/guides/deep.md',
        line: BODY_LINE + 2500 + 20,
        column: 2,
        severity: 'error',
        rule: 'input-limit',
        message:
          'emphasis: expected emphasis, strong emphasis and strikethrough nested at most 20 levels deep in one paragraph, found 2,500 levels; it passes the limit on this line',
      },
    ]);
  });

  it('counts what a Markdown parser nests, on the real guides and on tricky text', () => {
    const dir = path.resolve('content/guides');
    const samples = readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .map((f) => readFileSync(path.join(dir, f), 'utf8').replace(/^---[\s\S]*?\n---\n/, ''));
    samples.push(
      '***a***',
      '**a *b* c**',
      '2*3*4*5*6',
      'a * b * c',
      '*foo**bar**baz*',
      '_a_b_c_ and snake_case_name',
      '~~a ~b~ c~~ and ~~~not~~~',
      '*a `*` b* and `` ` *x ``*',
      '\\*a* and *b\\*',
      '**a* *a** ***a* a**',
      '*(*a*)* and a*"foo"*',
      '_*a*_ *_b_*',
      '*a [*b*](x) c*',
      '*a\n*b\n*c\nc*\nb*\na*',
      '- *a\n  - *b\n    b*\n  a*\n',
      '> *a\n> *b\nlazy b* a*\n',
      '*a\n\n*b a* b*\n',
      '```\n*a *b *c\n```\nc* b* a*\n',
      '*Emphasis* with «quotes» and **strong “curly”** text, 😀*x*',
    );
    for (const sample of samples) {
      expect(emphasisNesting(sample).depth, sample.slice(0, 80)).toBeGreaterThanOrEqual(parsedEmphasisDepth(sample));
      const scanned = checkInputLimits(sample, { file: 'x.md', limits: { ...INPUT_LIMITS, emphasis: 0 } });
      const refused = scanned.some((d) => limitOf(d.message) === 'emphasis');
      expect(refused, sample.slice(0, 80)).toBe(parsedEmphasisDepth(sample) > 0);
    }
  });

  it('refuses 2,500 levels of emphasis across short lines before any parser sees the guide', () => {
    const parse = vi.mocked(fromMarkdown);
    const source = FRONT.replace('description: x\n', '') + emphasisAcrossLines(2500);
    parse.mockClear();
    const { diagnostics } = checkGuideSource('deep.md', 'content/guides/deep.md', source);
    expect(diagnostics.map((d) => limitOf(d.message))).toEqual(['emphasis']);
    expect(parse).not.toHaveBeenCalled();
    // The same guide within the limit is parsed (its description comes from its first paragraph).
    checkGuideSource(
      'deep.md',
      'content/guides/deep.md',
      FRONT.replace('description: x\n', '') + emphasisAcrossLines(20),
    );
    expect(parse).toHaveBeenCalled();
  });

  // Openers, then closers that none of them can take: each closer would search every opener, some
  // 10^9 steps if pairing were quadratic. Speed is the bench's business; the test's own time limit
  // only catches that order of blow-up, far from any machine's noise.
  it('stays linear on text built to make delimiter pairing quadratic', { timeout: 20_000 }, () => {
    const text = `${'*a ~a '.repeat(20_000)}${'a_ a~~ '.repeat(20_000)}`;
    expect(emphasisNesting(text).depth).toBe(0);
  });
});

describe('size, line length and headings', () => {
  it('refuses a guide over 512 KB, naming the line where it passes the limit', () => {
    const line = `${'word '.repeat(199)}word\n`; // 1,000 bytes
    expect(rules(line.repeat(524))).toEqual([]);
    const found = checkInputLimits(line.repeat(600), { file: 'big.md' });
    expect(found.map((d) => limitOf(d.message))).toEqual(['size']);
    expect(found[0]?.line).toBe(525);
    expect(found[0]?.message).toBe(
      'size: expected a guide of at most 524,288 bytes (512 KB), found 600,000 bytes; it passes the limit on this line',
    );
  });

  it('counts bytes, not characters', () => {
    const line = `${'é'.repeat(999)}\n`; // 1,999 bytes, 1,000 characters
    expect(rules(line.repeat(263))).toEqual(['size@263']);
  });

  it('refuses a line over 10,000 characters, at that line and column', () => {
    const found = checkInputLimits(`ok\n${'x'.repeat(10_001)}\n${'y'.repeat(20_000)}\n`, { file: 'long.md' });
    expect(found).toEqual([
      expect.objectContaining({
        line: 2,
        column: 10_001,
        rule: 'input-limit',
        message:
          'line length: expected lines of at most 10,000 characters, found one of 10,001 (the first of 2 such lines)',
      }),
    ]);
    expect(rules('x'.repeat(10_000))).toEqual([]);
  });

  it('refuses more than 500 headings, ATX and setext, and ignores # in code', () => {
    const atx = Array.from({ length: 500 }, (_, i) => `## H${i}`).join('\n\n');
    expect(rules(atx)).toEqual([]);
    expect(rules(`${atx}\n\nOne more\n---\n`)).toEqual(['headings@1002']);
    expect(rules(`${atx}\n\n\`\`\`\n# comment\n\`\`\`\n\n    # indented code\n`)).toEqual([]);
  });
});

describe('pathological input is refused fast, before any parser sees it', () => {
  const cases: Record<string, string> = {
    '3,000 nested bullets on one line': nestedBullets(3000),
    '3,000 nested blockquotes': nestedQuotes(3000),
    '3,000 levels of indented list': indentedList(3000),
    '3,000 levels, each line one list deeper (ordered)': Array.from(
      { length: 3000 },
      (_, i) => `${'   '.repeat(i)}1. x`,
    ).join('\n'),
  };
  // Refused without a parse: what made these slow (a parser's recursion) never runs. How fast the
  // check is belongs to the bench, not to a timed assertion on a shared machine.
  it.each(Object.entries(cases))('%s', (_name, body) => {
    const parse = vi.mocked(fromMarkdown);
    parse.mockClear();
    const source = FRONT + body;
    const { diagnostics } = checkGuideSource('deep.md', 'content/guides/deep.md', source);
    // The indented ones are megabytes long, so they break the size limit as well.
    expect(diagnostics.map((d) => limitOf(d.message))).toContain('nesting');
    expect(diagnostics.every((d) => d.severity === 'error')).toBe(true);
    expect(parse).not.toHaveBeenCalled();
  });

  it('a 5 MB guide of 20,000-character lines is refused without a parse', () => {
    const parse = vi.mocked(fromMarkdown);
    parse.mockClear();
    const source = FRONT + `# h\n${'x'.repeat(20_000)}\n`.repeat(250);
    const { diagnostics } = checkGuideSource('huge.md', 'content/guides/huge.md', source);
    expect(diagnostics.map((d) => limitOf(d.message)).sort()).toEqual(['line-length', 'size']);
    expect(parse).not.toHaveBeenCalled();
  });
});
