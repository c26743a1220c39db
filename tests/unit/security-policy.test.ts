import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { bundledThemes } from 'shiki';
import { describe, expect, it } from 'vitest';
import {
  cspConfig,
  cspHash,
  headerPolicy,
  inlineHashes,
  metaPolicy,
  moveMetaPolicyFirst,
  parseHeadersFile,
  replaceMetaPolicy,
  tightenPolicy,
  withPolicy,
} from '~/integrations/finish-pages/security-policy';
import { THEME_BOOT_SCRIPT } from '~/lib/theme-boot';
import {
  codeClassesCss,
  contrastRatio,
  MIN_CODE_CONTRAST,
  readableOn,
  shikiStyleToClasses,
  themeColours,
  type ThemePalette,
} from '~/markdown/code-classes';
import { markdownOptions, shikiConfig } from '~/markdown/options';

describe('Shiki colours as classes', () => {
  it('turns each declaration into a class named after its value', () => {
    expect(shikiStyleToClasses('--shiki-light:#D73A49;--shiki-dark:#F47067')).toEqual(['sl-d73a49', 'sd-f47067']);
    expect(
      shikiStyleToClasses(
        '--shiki-light:#24292e;--shiki-dark:#adbac7;--shiki-light-bg:#fff;--shiki-dark-bg:#22272e; overflow-x: auto;',
      ),
    ).toEqual(['sl-24292e', 'sd-adbac7', 'slb-fff', 'sdb-22272e']);
    expect(shikiStyleToClasses('--shiki-light-font-style:italic;--shiki-dark-text-decoration:line-through')).toEqual([
      'sl-fs-italic',
      'sd-td-line-through',
    ]);
  });

  it('refuses a declaration it cannot map, naming it', () => {
    expect(() => shikiStyleToClasses('color: red')).toThrow(/Unexpected Shiki style declaration "color: red"/);
  });

  it('the generated stylesheet defines every class highlighted code uses, in the configured themes', async () => {
    const { themes } = shikiConfig;
    const processor = await createMarkdownProcessor({ ...markdownOptions({ base: '/' }), syntaxHighlight: false });
    const samples: Record<string, string> = {
      python:
        'import os\n@dataclass\nclass A:\n    """doc"""\n    x: int = 1  # comment\n    def f(self): return f"{self.x}"',
      ts: 'export async function f<T>(x: T): Promise<T> { const re = /a+/g; return `${x}` as T; } // c',
      bash: 'for f in *.md; do echo "$f" | grep -c x > /dev/null; done',
      yaml: 'key: value\nlist:\n  - 1\n  - "two" # c',
      json: '{"a": [1, true, null, "s"]}',
      sql: "SELECT id, COUNT(*) FROM t WHERE x = 'y' GROUP BY id;",
      html: '<div class="a" onclick="x()"><!-- c --></div>',
      css: '.a { color: red; --x: 1px } @media (x) {}',
      diff: '- old\n+ new\n@@ -1 +1 @@',
      md: '# Title\n*em* **strong** [link](x) `code`\n> quote',
      go: 'package main\nfunc main() { fmt.Println("hi") }',
      rust: 'fn main() { let x: &str = "a"; println!("{x}"); }',
      toml: '[a]\nb = 1',
      dockerfile: 'FROM node:24\nRUN npm ci',
    };
    const markdown = Object.entries(samples)
      .map(([lang, code]) => `\`\`\`${lang}\n${code}\n\`\`\``)
      .join('\n\n');
    const { code: html } = await processor.render(markdown, { frontmatter: { title: 'T' } });
    expect(html).not.toMatch(/\sstyle=/);
    const used = new Set([...html.matchAll(/class="([^"]*)"/g)].flatMap((m) => (m[1] ?? '').split(' ')));
    const colourClasses = [...used].filter((c) => /^s[ld]b?-/.test(c));
    expect(colourClasses.length).toBeGreaterThan(20);
    const palettes: Record<string, ThemePalette> = {};
    for (const [key, name] of Object.entries(themes)) palettes[key] = (await bundledThemes[name]()).default;
    const css = codeClassesCss(palettes);
    for (const name of colourClasses) expect(css, name).toContain(`.${name}{`);
    // Loading fourteen grammars takes a few seconds on a busy machine.
  }, 30_000);
});

describe('code colours', () => {
  it('reach AA contrast on their block in both configured themes, shifting only the colours that miss it', async () => {
    for (const name of ['github-light', 'github-dark-dimmed'] as const) {
      const theme = (await bundledThemes[name]()).default as ThemePalette;
      const key = name === 'github-light' ? 'light' : 'dark';
      const { foreground, background } = themeColours(theme);
      const bg = background[0] ?? '';
      const css = codeClassesCss({ [key]: theme });
      for (const colour of foreground) {
        const rule = new RegExp(
          `\\.s${key[0]}-${colour.slice(1)}\\{--shiki-${key}:(#[0-9a-f]{6}|#[0-9a-f]{3})\\}`,
        ).exec(css);
        const used = rule?.[1] ?? 'missing';
        expect(contrastRatio(used, bg), `${name} ${colour} → ${used}`).toBeGreaterThanOrEqual(MIN_CODE_CONTRAST);
        if (contrastRatio(colour, bg) >= MIN_CODE_CONTRAST) expect(used).toBe(colour);
      }
    }
    expect(contrastRatio('#e36209', '#ffffff')).toBeCloseTo(3.49, 2);
    expect(readableOn('#e36209', '#ffffff')).not.toBe('#e36209');
  });
});

describe('the Content-Security-Policy', () => {
  it('hashes the theme script in the Astro config', () => {
    expect(cspHash('')).toBe('sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
    const config = cspConfig();
    expect(config.scriptDirective.hashes).toEqual([cspHash(THEME_BOOT_SCRIPT)]);
    expect(config.scriptDirective.resources).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(config.directives).toEqual(
      expect.arrayContaining(["object-src 'none'", "base-uri 'self'", "form-action 'self'"]),
    );
  });

  const page =
    '<!DOCTYPE html><html><head><meta charset="utf-8"><script>x</script><title>T</title>' +
    `<meta http-equiv="content-security-policy" content="default-src 'self';object-src 'none'; script-src 'self' 'sha256-a=';"></head><body></body></html>`;

  it('moves the page policy to just after <meta charset>', () => {
    const moved = moveMetaPolicyFirst(page);
    expect(moved).toMatch(
      /^<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="content-security-policy"/,
    );
    expect(moved.match(/content-security-policy/g)).toHaveLength(1);
    expect(moved.length).toBe(page.length);
    expect(moveMetaPolicyFirst(moved)).toBe(moved);
    expect(metaPolicy(moved)).toBe("default-src 'self';object-src 'none'; script-src 'self' 'sha256-a=';");
  });

  it('turns the page policy into a header with frame-ancestors, added to the /* block of _headers', () => {
    const header = headerPolicy(metaPolicy(page) ?? '');
    expect(header).toBe("default-src 'self'; object-src 'none'; script-src 'self' 'sha256-a='; frame-ancestors 'none'");
    const file = withPolicy(
      '# comment\n/*\n  X-Content-Type-Options: nosniff\n\n/guides/*\n  X-Other: 1\n',
      new Map([['/*', header]]),
    );
    expect(parseHeadersFile(file)).toEqual(
      new Map([
        ['/*', { 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': header }],
        ['/guides/*', { 'X-Other': '1' }],
      ]),
    );
  });

  it('finds the hashes of inline scripts and styles, not of data blocks, external or commented-out scripts', () => {
    const html =
      '<script>a()</script><script type="module">b()</script><script type="application/ld+json">{"x":1}</script>' +
      '<script type="module" src="/x.js"></script><!-- <script>c()</script> --><style>p{}</style>';
    expect(inlineHashes(html)).toEqual({
      scripts: [`'${cspHash('a()')}'`, `'${cspHash('b()')}'`],
      styles: [`'${cspHash('p{}')}'`],
    });
  });

  it("keeps only the hashes the pages use, and names inline code Astro's policy would block", () => {
    const astro = `default-src 'self';object-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-A=' 'sha256-B='; style-src 'self' 'sha256-S=';`;
    expect(tightenPolicy(astro, { scripts: new Set(["'sha256-B='"]), styles: new Set() })).toEqual({
      policy:
        "default-src 'self'; object-src 'none'; script-src 'self' 'wasm-unsafe-eval' 'sha256-B='; style-src 'self'",
      refused: [],
    });
    expect(tightenPolicy(astro, { scripts: new Set(["'sha256-Z='"]), styles: new Set() }).refused).toEqual([
      "script-src 'sha256-Z='",
    ]);
    expect(replaceMetaPolicy(page, "default-src 'none'")).toContain(
      `<meta http-equiv="content-security-policy" content="default-src 'none'">`,
    );
  });

  it('writes one block per page when pages differ', () => {
    const file = withPolicy(
      '',
      new Map([
        ['/b/', 'B'],
        ['/a/', 'A'],
      ]),
    );
    expect(file).toBe('/a/\n  Content-Security-Policy: A\n\n/b/\n  Content-Security-Policy: B\n');
  });
});
