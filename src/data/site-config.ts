/**
 * Reads `content/site.yaml`, the one file a team edits to make the site its own, and checks it:
 * the schema (src/schemas/site.ts), unknown keys with the nearest known one, the logo's file in
 * `public/`, and the contrast of the accent colours against the theme's colours. Every problem
 * comes back as a Diagnostic with its line, formatted like a guide's (src/schemas/errors.ts).
 * `parseSiteConfig` is pure (its file access is passed in); `loadSiteConfig` reads the disk.
 *
 * astro.config.ts loads it once, for the url and base defaults and for src/lib/site.ts's module;
 * the content guard reports its diagnostics with the guides', so one run names every problem.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { fieldName, issuesToDiagnostics, sortDiagnostics, type Diagnostic } from '../schemas/errors';
import { DEFAULT_COLOURS, siteConfigSchema, type SiteConfigData } from '../schemas/site';
import { AA_TEXT, contrastRatio, formatRatio, isHexColour, mixHex } from '../lib/contrast';
import { nearest } from '../lib/nearest';
import { safeDecodeURIComponent } from '../lib/decode-uri';
import { PUBLIC_DIR } from './public-files';
import { guidesDir } from './guides-dir';
import { INTERFACE_TEXT_DIR } from './interface-text';
import { inferHost, type Repository } from '../lib/repository-links';

export const DEFAULT_SITE_FILE = 'content/site.yaml';
/** The stylesheet whose `--gp-bg`, `--gp-surface`, `--gp-surface-2` and `--gp-text` the accents are checked against. */
export const TOKENS_FILE = 'src/styles/tokens.css';

export type Theme = 'light' | 'dark';
export interface ThemeColours {
  accent: string;
  strong: string;
  tint: string;
}
/** The colours of a theme the accent is drawn on, as tokens.css defines them. */
export interface ThemeBase {
  bg: string;
  surface: string;
  /** `--gp-surface-2`, the background of inline code: a link around code draws the accent on it. */
  code: string;
  text: string;
}

/** The validated configuration, with everything derived that pages need. */
export interface SiteConfig extends Omit<SiteConfigData, 'colours' | 'logo' | 'repository'> {
  colours: Record<Theme, ThemeColours>;
  logo: { src: string; alt: string; width: number; height: number } | undefined;
  /** The logo, or `favicon` when given; undefined when there is neither. */
  faviconSrc: string | undefined;
  repository: Repository | undefined;
}

export interface SiteConfigResult {
  config: SiteConfig;
  diagnostics: Diagnostic[];
}

export interface SiteConfigEnvironment {
  /** The bytes of a file under public/ (`/logo.svg`), or undefined when there is none. */
  readPublicFile(src: string): Uint8Array | undefined;
  /** The theme colours the accents must stand out from. */
  themes: Record<Theme, ThemeBase>;
  /**
   * The language codes of the guides folder's translation folders (`translationFolders` below): the
   * site's languages when the file lists none, so the shipped guides build without the file.
   */
  translationFolders?: readonly string[];
}

/** `--gp-bg: light-dark(#fff, #101613)` and its kin, read from tokens.css. */
export function parseThemeBase(css: string): Record<Theme, ThemeBase> {
  const read = (token: string) => {
    const match = new RegExp(
      `--gp-${token}:\\s*light-dark\\(\\s*(#[0-9a-f]{3,6})\\s*,\\s*(#[0-9a-f]{3,6})\\s*\\)`,
      'i',
    ).exec(css);
    if (!match) throw new Error(`${TOKENS_FILE} has no --gp-${token}: light-dark(#…, #…) declaration`);
    return [match[1] as string, match[2] as string] as const;
  };
  const [bg, surface, code, text] = [read('bg'), read('surface'), read('surface-2'), read('text')];
  return {
    light: { bg: bg[0], surface: surface[0], code: code[0], text: text[0] },
    dark: { bg: bg[1], surface: surface[1], code: code[1], text: text[1] },
  };
}

/** Width and height of an SVG (its width/height, else its viewBox) or a PNG (its IHDR chunk). */
export function imageSize(src: string, bytes: Uint8Array): { width: number; height: number } | undefined {
  if (/\.png$/i.test(src)) {
    if (bytes.length < 24 || bytes[1] !== 0x50 || bytes[2] !== 0x4e || bytes[3] !== 0x47) return undefined;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { width: view.getUint32(16), height: view.getUint32(20) };
  }
  const svg = new TextDecoder().decode(bytes);
  const open = /<svg\b[^>]*>/i.exec(svg)?.[0];
  if (!open) return undefined;
  const attr = (name: string) => new RegExp(`\\s${name}=["']([^"']*)["']`, 'i').exec(open)?.[1];
  const [w, h] = [parseFloat(attr('width') ?? ''), parseFloat(attr('height') ?? '')];
  if (w > 0 && h > 0) return { width: w, height: h };
  const box = (attr('viewBox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  if (box.length === 4 && (box[2] as number) > 0 && (box[3] as number) > 0)
    return { width: box[2] as number, height: box[3] as number };
  return undefined;
}

/** The accent colours with `strong` and `tint` filled in: toward the text colour, and toward the background. */
export function resolveColours(
  colours: SiteConfigData['colours'],
  themes: Record<Theme, ThemeBase>,
): Record<Theme, ThemeColours> {
  const resolve = (theme: Theme): ThemeColours => {
    const { accent, strong, tint } = colours[theme];
    const base = themes[theme];
    return { accent, strong: strong ?? mixHex(accent, base.text, 0.7), tint: tint ?? mixHex(accent, base.bg, 0.14) };
  };
  return { light: resolve('light'), dark: resolve('dark') };
}

/** Each place the accents are text on a background (or a background under text), by name. */
export function contrastPairs(
  c: ThemeColours,
  base: ThemeBase,
): { name: string; fg: string; bg: string; field: keyof ThemeColours }[] {
  return [
    { name: 'accent (links) on the background', fg: c.accent, bg: base.bg, field: 'accent' },
    { name: 'accent (header links) on the surface', fg: c.accent, bg: base.surface, field: 'accent' },
    { name: 'accent (links around inline code) on the code background', fg: c.accent, bg: base.code, field: 'accent' },
    { name: 'strong (hovered links) on the background', fg: c.strong, bg: base.bg, field: 'strong' },
    { name: 'strong (tag text) on tint (tag background)', fg: c.strong, bg: c.tint, field: 'strong' },
  ];
}

/** The document of a site.yaml text, and where an offset or a setting is in it. */
function readDocument(source: string) {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: true });
  const at = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  return { doc, at, locate: (p: readonly PropertyKey[]) => at(offsetOf(doc, p)) };
}

/**
 * Featured guides and learning paths that do not exist, checked like a guide's `related`: the
 * content guard runs it with the published guides' slugs and the learning paths'.
 */
export function featuredDiagnostics(
  config: SiteConfig,
  file: string,
  source: string,
  known: { guides: Iterable<string>; series: Iterable<string> },
): Diagnostic[] {
  const { locate } = readDocument(source);
  const out: Diagnostic[] = [];
  const guides = [...known.guides];
  const series = [...known.series];
  config.home.featured.guides.forEach((slug, i) => {
    if (guides.includes(slug)) return;
    const near = nearest(slug, guides);
    const field = `home.featured.guides[${i}]`;
    out.push({
      file,
      ...locate(['home', 'featured', 'guides', i]),
      severity: 'error',
      rule: 'broken-link',
      field,
      message: `${field}: expected the slug of a published guide, found "${slug}", which no guide has${near ? `; did you mean "${near}"?` : ''}`,
    });
  });
  config.home.featured.series.forEach((slug, i) => {
    if (series.includes(slug)) return;
    const near = nearest(slug, series);
    const field = `home.featured.series[${i}]`;
    out.push({
      file,
      ...locate(['home', 'featured', 'series', i]),
      severity: 'error',
      rule: 'broken-link',
      field,
      message: `${field}: expected the slug of a learning path, found "${slug}", which no learning path has${near ? `; did you mean "${near}"?` : series.length ? ` (known: ${series.join(', ')})` : ' (there are none)'}`,
    });
  });
  return out;
}

export function parseSiteConfig(source: string, file: string, env: SiteConfigEnvironment): SiteConfigResult {
  const { doc, at, locate } = readDocument(source);
  const diagnostics: Diagnostic[] = doc.errors.map((e) => ({
    file,
    ...at(e.pos[0]),
    severity: 'error' as const,
    rule: 'yaml',
    message: `YAML syntax: ${(e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, '')}`,
  }));
  const fallback = siteConfigSchema.parse({});
  if (diagnostics.length > 0) return { config: finish(fallback, env), diagnostics };

  const raw: unknown = doc.toJS() ?? {};
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    diagnostics.push({
      file,
      line: 1,
      column: 1,
      severity: 'error',
      rule: 'schema',
      message: '(site.yaml): expected a mapping of settings such as name: Acme guides, found something else',
    });
    return { config: finish(fallback, env), diagnostics };
  }
  const data = raw as Record<string, unknown>;
  // Unknown keys first, each with the nearest known one; then the rest is checked without them,
  // so a misspelt setting does not hide a missing logo or a low contrast in the same file.
  const first = siteConfigSchema.safeParse(data, { reportInput: true });
  const unknown = first.success ? [] : first.error.issues.filter((i) => i.code === 'unrecognized_keys');
  const known = structuredClone(data);
  for (const issue of unknown) {
    const parent = issue.path;
    const keys = knownKeys(parent);
    const holder = parent.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown>)[key], known);
    for (const key of issue.keys) {
      delete (holder as Record<string, unknown>)[key];
      const suggestion = nearest(key, keys);
      const field = fieldName([...parent, key]);
      diagnostics.push({
        file,
        ...locate([...parent, key]),
        severity: 'error',
        rule: 'unknown-key',
        field,
        message: `${field}: unknown setting${suggestion ? `; did you mean \`${fieldName([...parent, suggestion])}\`?` : `; known here: ${keys.join(', ')}`}`,
      });
    }
  }
  const result = unknown.length ? siteConfigSchema.safeParse(known, { reportInput: true }) : first;
  if (!result.success) {
    diagnostics.push(...issuesToDiagnostics(result.error.issues, data, file, locate));
    return { config: finish(fallback, env), diagnostics: sortDiagnostics(diagnostics) };
  }

  // Not written, the languages are the guides folder's translation folders (written, even `[]`,
  // the list is the file's): without it, removing the file would build content/guides/fr/ as
  // English guides whose slugs clash with their originals'.
  const languages =
    data['languages'] === undefined
      ? (env.translationFolders ?? [])
          .filter((code) => code.toLowerCase() !== result.data.language.toLowerCase())
          .map((code) => ({ code }))
      : result.data.languages;
  const config = finish({ ...result.data, languages }, env);
  for (const [field, src] of [
    ['logo.src', result.data.logo?.src],
    ['favicon', result.data.favicon],
  ] as const) {
    if (src !== undefined && !env.readPublicFile(src)) {
      diagnostics.push({
        file,
        ...locate(field.split('.')),
        severity: 'error',
        rule: 'missing-file',
        field,
        message: `${field}: expected a file at ${PUBLIC_DIR}${src}, found none`,
      });
    }
  }
  for (const theme of ['light', 'dark'] as const) {
    let accentFails = false;
    for (const pair of contrastPairs(config.colours[theme], env.themes[theme])) {
      const ratio = contrastRatio(pair.fg, pair.bg);
      if (ratio >= AA_TEXT) continue;
      const written = result.data.colours[theme][pair.field] !== undefined;
      // Colours derived from a failing accent fail with it: the accent's own message says it all.
      if (!written && accentFails) continue;
      if (pair.field === 'accent') accentFails = true;
      const field = `colours.${theme}.${written ? pair.field : 'accent'}`;
      diagnostics.push({
        file,
        ...locate(field.split('.')),
        severity: 'error',
        rule: 'contrast',
        field,
        message: `${field}: expected a contrast of at least ${AA_TEXT}:1 (WCAG 2.2 AA), found ${formatRatio(ratio)} for ${pair.name} in the ${theme} theme (${pair.fg} on ${pair.bg})${written ? '' : `; ${pair.field} is derived from the accent, give one of your own`}`,
      });
    }
  }
  return { config, diagnostics: sortDiagnostics(diagnostics) };
}

function finish(data: SiteConfigData, env: SiteConfigEnvironment): SiteConfig {
  const colours = resolveColours(isHexColour(data.colours.light.accent) ? data.colours : DEFAULT_COLOURS, env.themes);
  let logo: SiteConfig['logo'];
  if (data.logo) {
    const bytes = env.readPublicFile(data.logo.src);
    const size = bytes ? imageSize(data.logo.src, bytes) : undefined;
    logo = { ...data.logo, width: size?.width ?? 32, height: size?.height ?? 32 };
  }
  const repo = data.repository;
  const host = repo ? (repo.host ?? inferHost(repo.url)) : undefined;
  return {
    ...data,
    colours,
    logo,
    faviconSrc: data.favicon ?? data.logo?.src,
    repository:
      repo && host
        ? { url: repo.url, branch: repo.branch, contentPath: repo.content.replace(/^\.?\/+|\/+$/g, ''), host }
        : undefined,
  };
}

/** The keys the schema knows at a path (`[]`, `['footer']`, `['nav', 0]`), for suggestions. */
export function knownKeys(at: readonly PropertyKey[]): string[] {
  let schema: unknown = siteConfigSchema;
  const unwrap = (s: unknown): unknown => {
    let current = s as { _zod?: { def?: { type?: string; innerType?: unknown; in?: unknown } } };
    for (;;) {
      const def = current._zod?.def;
      if (def?.innerType) current = def.innerType;
      else if (def?.type === 'pipe' && def.in) current = def.in;
      else return current;
    }
  };
  for (const key of at) {
    const def = (
      unwrap(schema) as { _zod: { def: { type: string; shape?: Record<string, unknown>; element?: unknown } } }
    )._zod.def;
    schema = def.type === 'array' ? def.element : def.shape?.[String(key)];
    if (schema === undefined) return [];
  }
  const shape = (unwrap(schema) as { _zod: { def: { shape?: Record<string, unknown> } } })._zod.def.shape;
  return shape ? Object.keys(shape) : [];
}

/** The offset of a key in the document (or of its nearest written parent), so messages name its line. */
function offsetOf(doc: Document, p: readonly PropertyKey[]): number {
  for (let depth = p.length; depth > 0; depth--) {
    const parentPath = p.slice(0, depth - 1) as unknown[];
    const parent = parentPath.length ? doc.getIn(parentPath, true) : doc.contents;
    const last = p[depth - 1];
    if (isMap(parent)) {
      for (const item of parent.items) {
        if (isScalar(item.key) && String(item.key.value) === String(last) && item.key.range) return item.key.range[0];
      }
    }
    const node = doc.getIn(p.slice(0, depth) as unknown[], true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return node.range[0];
  }
  return 0;
}

/**
 * The folders of the guides folder that hold a language's translations, as a site file that lists
 * no languages takes them: each named for a language with interface text (`fr/` and
 * `src/i18n/fr.yaml`), sorted. A topic folder (`harbour/`) is not one, nor a language no file
 * words the interface of.
 */
export function translationFolders(guides: string, i18nDir: string): string[] {
  if (!existsSync(guides)) return [];
  return readdirSync(guides, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(i18nDir, `${entry.name}.yaml`)))
    .map((entry) => entry.name)
    .sort();
}

/**
 * Reads `file` (relative to `root`); a missing or empty file is the defaults, with the
 * translation folders of `guides` as its languages. Node only.
 */
export function loadSiteConfig(
  file: string = process.env['SITE_CONFIG'] || DEFAULT_SITE_FILE,
  root: string = process.cwd(),
  guides: string = guidesDir(),
): SiteConfigResult & { file: string } {
  const abs = path.resolve(root, file);
  const source = existsSync(abs) ? readFileSync(abs, 'utf8') : '';
  const display = path.relative(root, abs).split(path.sep).join('/');
  const themes = parseThemeBase(readFileSync(path.join(root, TOKENS_FILE), 'utf8'));
  const publicDir = path.resolve(root, PUBLIC_DIR);
  const readPublicFile = (src: string) => {
    const target = path.join(publicDir, safeDecodeURIComponent(src));
    return target.startsWith(publicDir + path.sep) && existsSync(target) ? readFileSync(target) : undefined;
  };
  const folders = translationFolders(path.resolve(root, guides), path.join(root, INTERFACE_TEXT_DIR));
  return {
    file: display,
    ...parseSiteConfig(source, display, { readPublicFile, themes, translationFolders: folders }),
  };
}
