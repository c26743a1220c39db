import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrastRatio, formatRatio, mixHex, relativeLuminance } from '~/lib/contrast';
import { fileInGuidesFolder, guideRepositoryLinks, inferHost } from '~/lib/repository-links';
import {
  featuredDiagnostics,
  imageSize,
  knownKeys,
  loadSiteConfig,
  parseSiteConfig,
  parseThemeBase,
} from '~/data/site-config';
import { formatShort } from '~/schemas/errors';

const themes = {
  light: { bg: '#ffffff', surface: '#f3f6f4', code: '#e6ede9', text: '#17211c' },
  dark: { bg: '#101613', surface: '#18211c', code: '#212c26', text: '#e3ebe6' },
};
const files = new Map<string, Uint8Array>([['/logo.svg', new TextEncoder().encode('<svg viewBox="0 0 40 20"></svg>')]]);
const env = { themes, readPublicFile: (src: string) => files.get(src) };
const check = (yaml: string) => parseSiteConfig(yaml, 'content/site.yaml', env);

describe('WCAG contrast', () => {
  it('matches the ratios WCAG and browser tools give', () => {
    expect(relativeLuminance('#000')).toBe(0);
    expect(relativeLuminance('#fff')).toBe(1);
    expect(contrastRatio('#000000', '#ffffff')).toBe(21);
    expect(contrastRatio('#fff', '#fff')).toBe(1);
    // #767676 on white is the classic lightest grey that passes AA: 4.54:1.
    expect(formatRatio(contrastRatio('#767676', '#ffffff'))).toBe('4.54:1');
    expect(formatRatio(contrastRatio('#777777', '#ffffff'))).toBe('4.47:1');
    expect(contrastRatio('#17603d', '#ffffff')).toBeCloseTo(contrastRatio('#ffffff', '#17603d'));
  });

  it('rounds ratios down, so a failing ratio never reads as the threshold', () => {
    expect(formatRatio(4.499)).toBe('4.49:1');
  });

  it('mixes colours channel by channel', () => {
    expect(mixHex('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mixHex('#17603d', '#ffffff', 1)).toBe('#17603d');
  });
});

describe('repository links', () => {
  const file = '2025-03-14-page weight.md';
  const cases = [
    {
      repo: {
        url: 'https://github.com/acme/guides/',
        branch: 'main',
        contentPath: 'docs/guides',
        host: 'github' as const,
      },
      edit: 'https://github.com/acme/guides/edit/main/docs/guides/2025-03-14-page%20weight.md',
      history: 'https://github.com/acme/guides/commits/main/docs/guides/2025-03-14-page%20weight.md',
      report: 'https://github.com/acme/guides/issues/new?title=',
    },
    {
      repo: { url: 'https://gitlab.com/acme/guides', branch: 'trunk', contentPath: 'content', host: 'gitlab' as const },
      edit: 'https://gitlab.com/acme/guides/-/edit/trunk/content/2025-03-14-page%20weight.md',
      history: 'https://gitlab.com/acme/guides/-/commits/trunk/content/2025-03-14-page%20weight.md',
      report: 'https://gitlab.com/acme/guides/-/issues/new?issue%5Btitle%5D=',
    },
    {
      repo: {
        url: 'https://codeberg.org/acme/guides',
        branch: 'main',
        contentPath: 'content/guides',
        host: 'forgejo' as const,
      },
      edit: 'https://codeberg.org/acme/guides/_edit/main/content/guides/2025-03-14-page%20weight.md',
      history: 'https://codeberg.org/acme/guides/commits/branch/main/content/guides/2025-03-14-page%20weight.md',
      report: 'https://codeberg.org/acme/guides/issues/new?title=',
    },
  ];
  it.each(cases)('$repo.host: edit, history and a prefilled new issue', ({ repo, edit, history, report }) => {
    const links = guideRepositoryLinks(
      repo,
      file,
      'Page weight',
      'https://acme.example/fr/guides/page-weight/',
      'Problème dans « Page weight »',
    );
    expect(links.edit).toBe(edit);
    expect(links.history).toBe(history);
    expect(links.report.startsWith(report)).toBe(true);
    const query = new URL(links.report).searchParams;
    const [title, body] = repo.host === 'gitlab' ? ['issue[title]', 'issue[description]'] : ['title', 'body'];
    // The title in the page's language, as the page's translator words it.
    expect(query.get(title)).toBe('Problème dans « Page weight »');
    expect(query.get(body)).toContain('https://acme.example/fr/guides/page-weight/');
  });

  it('knows the host from the domain, and the file from the entry path', () => {
    expect([
      inferHost('https://github.com/a/b'),
      inferHost('https://gitlab.example.org/a/b'),
      inferHost('https://codeberg.org/a/b'),
    ]).toEqual(['github', 'gitlab', 'forgejo']);
    expect(inferHost('https://git.example.org/a/b')).toBeUndefined();
    expect(fileInGuidesFolder('content/guides/nested/x.md', 'content/guides/')).toBe('nested/x.md');
    expect(fileInGuidesFolder('./tests/fixtures/site/x.md', 'tests/fixtures/site')).toBe('x.md');
  });
});

describe('site.yaml', () => {
  it('builds with defaults when the file is empty', () => {
    const { config, diagnostics } = check('');
    expect(diagnostics).toEqual([]);
    expect(config.name).toBe('Guides');
    expect(config.repository).toBeUndefined();
    expect(config.difficulty.advanced.label).toBe('Advanced');
    expect(config.colours.light.accent).toBe('#17603d');
  });

  it('reads the shipped file without a problem, and its colours against tokens.css', () => {
    expect(loadSiteConfig('content/site.yaml').diagnostics).toEqual([]);
    expect(loadSiteConfig('content/no-such-file.yaml').config.name).toBe('Guides');
  });

  it('takes the guides folder’s translation folders as the languages when the file lists none', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'site-config-'));
    try {
      mkdirSync(path.join(root, 'src/styles'), { recursive: true });
      copyFileSync('src/styles/tokens.css', path.join(root, 'src/styles/tokens.css'));
      mkdirSync(path.join(root, 'src/i18n'), { recursive: true });
      for (const code of ['en', 'es', 'fr']) writeFileSync(path.join(root, 'src/i18n', `${code}.yaml`), '');
      // Folders named for a language with interface text; not a topic folder, nor a language without text.
      for (const folder of ['fr', 'es', 'de', 'harbour', 'en'])
        mkdirSync(path.join(root, 'content/guides', folder), { recursive: true });
      const languages = (yaml: string | undefined) => {
        if (yaml !== undefined) writeFileSync(path.join(root, 'content/site.yaml'), yaml);
        const { config, diagnostics } = loadSiteConfig('content/site.yaml', root, 'content/guides');
        expect(diagnostics).toEqual([]);
        return config.languages.map((l) => l.code);
      };
      expect(languages(undefined)).toEqual(['es', 'fr']);
      expect(languages('')).toEqual(['es', 'fr']);
      expect(languages('name: Acme\n')).toEqual(['es', 'fr']);
      // Written, the list is the file's, even empty.
      expect(languages('languages: [{ code: fr }]\n')).toEqual(['fr']);
      expect(languages('languages: []\n')).toEqual([]);
      // And Greenpath's own guides, with its site file gone, keep their French and Spanish.
      expect(loadSiteConfig('content/no-such-file.yaml').config.languages.map((l) => l.code)).toEqual(['es', 'fr']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('names a logo whose path is not valid percent-encoding as missing, instead of crashing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'site-config-'));
    try {
      writeFileSync(path.join(dir, 'site.yaml'), "logo: { src: '/images/100%.svg', alt: Logo }\n");
      const { diagnostics } = loadSiteConfig(path.join(dir, 'site.yaml'));
      expect(diagnostics.map((d) => d.message)).toEqual([
        'logo.src: expected a file at public/images/100%.svg, found none',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names every problem of a bad file with its line, in one run', () => {
    const yaml = [
      'name: Acme',
      'tagline: Guides',
      'colours:',
      "  light: { accent: '#8fbc8f' }",
      "  dark: { accent: '#7ad7a6', tinted: '#222222' }",
      'logo:',
      '  src: /missing-logo.svg',
      '  alt: Acme',
      'repository:',
      '  url: https://git.example.org/acme/guides',
      'descripton: Guides for Acme engineers',
      'social: [{ label: Mastodon, href: https://example.social/@acme, rel: me }]',
    ].join('\n');
    expect(check(yaml).diagnostics.map(formatShort)).toEqual([
      'content/site.yaml:5 colours.dark.tinted: unknown setting; did you mean `colours.dark.tint`?',
      'content/site.yaml:9 repository.host: expected a host (github, gitlab or forgejo): the URL’s domain does not say which, found nothing (the field is missing)',
      'content/site.yaml:11 descripton: unknown setting; did you mean `description`?',
      'content/site.yaml:12 social[0].rel: unknown setting; known here: label, href',
    ]);
    // With the schema satisfied, the checks that need the values run: the logo's file and the contrast.
    const valid = yaml
      .replace(", tinted: '#222222'", '')
      .replace('  url: https://git.example.org/acme/guides', '  url: https://github.com/acme/guides')
      .replace('descripton', 'description')
      .replace(', rel: me', '');
    expect(check(valid).diagnostics.map(formatShort)).toEqual([
      'content/site.yaml:4 colours.light.accent: expected a contrast of at least 4.5:1 (WCAG 2.2 AA), found 2.15:1 for accent (links) on the background in the light theme (#8fbc8f on #ffffff)',
      'content/site.yaml:4 colours.light.accent: expected a contrast of at least 4.5:1 (WCAG 2.2 AA), found 1.97:1 for accent (header links) on the surface in the light theme (#8fbc8f on #f3f6f4)',
      'content/site.yaml:4 colours.light.accent: expected a contrast of at least 4.5:1 (WCAG 2.2 AA), found 1.80:1 for accent (links around inline code) on the code background in the light theme (#8fbc8f on #e6ede9)',
      'content/site.yaml:7 logo.src: expected a file at public/missing-logo.svg, found none',
    ]);
  });

  it('checks the accent on the background of inline code too, which a link around code is drawn on', () => {
    // Material's green 800 passes on the background (5.13:1) and the surface (4.71:1), not on code's.
    const found = check("colours:\n  light: { accent: '#2e7d32' }\n  dark: { accent: '#7ad7a6' }\n").diagnostics;
    expect(found.map(formatShort)).toEqual([
      'content/site.yaml:2 colours.light.accent: expected a contrast of at least 4.5:1 (WCAG 2.2 AA), found 4.31:1 for accent (links around inline code) on the code background in the light theme (#2e7d32 on #e6ede9)',
    ]);
  });

  it('uses the logo as the favicon unless favicon names another file', () => {
    files.set('/icon.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
    expect(check("logo: { src: /logo.svg, alt: '' }").config.faviconSrc).toBe('/logo.svg');
    expect(check("logo: { src: /logo.svg, alt: '' }\nfavicon: /icon.png").config.faviconSrc).toBe('/icon.png');
    expect(check('').config.faviconSrc).toBeUndefined();
    expect(check('favicon: /no-icon.ico').diagnostics.map(formatShort)).toEqual([
      'content/site.yaml:1 favicon: expected a file at public/no-icon.ico, found none',
    ]);
  });

  it('refuses featured slugs no guide or learning path has, suggesting the nearest', () => {
    const yaml = 'home:\n  featured:\n    guides: [alpha-basic, beta-middle]\n    series: [no-such-path]\n';
    const { config } = check(yaml);
    const found = featuredDiagnostics(config, 'content/site.yaml', yaml, {
      guides: ['alpha-basics', 'beta-middle'],
      series: ['first-steps'],
    });
    expect(found.map(formatShort)).toEqual([
      'content/site.yaml:3 home.featured.guides[0]: expected the slug of a published guide, found "alpha-basic", which no guide has; did you mean "alpha-basics"?',
      'content/site.yaml:4 home.featured.series[0]: expected the slug of a learning path, found "no-such-path", which no learning path has (known: first-steps)',
    ]);
  });

  it('reports YAML syntax errors with line and column', () => {
    expect(check('name: [unclosed\n').diagnostics.map(formatShort)[0]).toMatch(
      /^content\/site\.yaml:\d+:\d+ YAML syntax: /,
    );
  });

  it('reads theme colours from tokens.css and sizes logos', () => {
    expect(
      parseThemeBase(
        '--gp-bg: light-dark(#ffffff, #101613);--gp-surface: light-dark(#eee, #111);--gp-surface-2: light-dark(#ddd, #222);--gp-text: light-dark(#000, #fff);',
      ).dark,
    ).toEqual({ bg: '#101613', surface: '#111', code: '#222', text: '#fff' });
    expect(check("logo: { src: /logo.svg, alt: '' }").config.logo).toMatchObject({ width: 40, height: 20 });
    const png = new Uint8Array(24);
    png.set([0x89, 0x50, 0x4e, 0x47], 0);
    new DataView(png.buffer).setUint32(16, 120);
    new DataView(png.buffer).setUint32(20, 60);
    expect(imageSize('/x.png', png)).toEqual({ width: 120, height: 60 });
    expect(knownKeys(['footer'])).toEqual(['links', 'copyright', 'licence']);
  });
});
