/**
 * The site's Content-Security-Policy and security headers, from one source:
 * - `cspConfig()` is Astro's `security.csp` setting. Astro adds the hashes of every script and
 *   stylesheet it bundles and writes the policy into a `<meta http-equiv>` in each page;
 * - `withPolicy()` adds that very policy, read back from the built pages, to the `_headers` file
 *   (public/_headers: the other security headers) that hosts such as Netlify and Cloudflare
 *   Pages read, with what a `<meta>` policy cannot carry (src/integrations/finish-pages/security-headers.ts).
 * Node only.
 */
import { createHash } from 'node:crypto';
import { scanTags } from '../../lib/html-scan';
import { THEME_BOOT_SCRIPT } from '../../lib/theme-boot';

/** `'sha256-…'` of an inline script or style, as CSP writes it (without the quotes). */
export function cspHash(text: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/**
 * Everything but `script-src` and `style-src`, which Astro writes from `scriptDirective` and
 * `styleDirective`. Nothing is loaded from another origin; `'self'` covers the search index,
 * images and fonts.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/**
 * Astro's `security.csp` setting. Scripts: our bundles and the theme script by hash, plus
 * `'wasm-unsafe-eval'`, which lets Pagefind compile its WebAssembly and nothing else (no `eval`,
 * no inline script). Styles: our stylesheet by hash; no style attributes at all (Shiki's colours
 * are classes, see src/markdown/code-classes.ts).
 */
export function cspConfig() {
  return {
    algorithm: 'SHA-256' as const,
    directives: [...CSP_DIRECTIVES],
    scriptDirective: {
      resources: ["'self'", "'wasm-unsafe-eval'"],
      hashes: [cspHash(THEME_BOOT_SCRIPT)],
    },
    styleDirective: { resources: ["'self'"] },
  };
}

/** Directives a `<meta>` policy cannot carry (browsers ignore them there), sent as headers only. */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors 'none'"] as const;

const META = /<meta http-equiv="content-security-policy" content="([^"]*)">/i;

/** The policy in a page's `<meta http-equiv>`, as written (Astro escapes no character in it). */
export function metaPolicy(html: string): string | undefined {
  return META.exec(html)?.[1];
}

/**
 * The page with its CSP `<meta>` moved to just after `<meta charset>`. Astro writes it at the end
 * of `<head>`, and a `<meta>` policy only governs what follows it: moved up, it covers the theme
 * script and everything else in the document, as the header does.
 */
export function moveMetaPolicyFirst(html: string): string {
  const match = META.exec(html);
  if (!match) return html;
  const without = html.slice(0, match.index) + html.slice(match.index + match[0].length);
  const charset = /<meta charset="[^"]*">/i.exec(without);
  if (!charset) return html;
  const at = charset.index + charset[0].length;
  return without.slice(0, at) + match[0] + without.slice(at);
}

/** Script types a browser runs; JSON-LD and other data blocks are not scripts to CSP. */
const EXECUTABLE = new Set(['', 'module', 'text/javascript', 'application/javascript']);

const INLINE_CODE = new Set(['script', 'style']);

/** The CSP hashes (`'sha256-…'`, quoted) of a page's inline scripts and `<style>` elements. */
export function inlineHashes(html: string): { scripts: string[]; styles: string[] } {
  const scripts: string[] = [];
  const styles: string[] = [];
  for (const tag of scanTags(html, INLINE_CODE)) {
    if (tag.name === 'script' && !tag.attributes.has('src')) {
      if (EXECUTABLE.has((tag.attributes.get('type') ?? '').toLowerCase()))
        scripts.push(`'${cspHash(tag.text ?? '')}'`);
    } else if (tag.name === 'style') {
      styles.push(`'${cspHash(tag.text ?? '')}'`);
    }
  }
  return { scripts, styles };
}

function directiveList(policy: string): string[][] {
  return policy
    .split(';')
    .map((d) => d.trim().split(/\s+/).filter(Boolean))
    .filter((d) => d.length > 0);
}

/**
 * Astro's policy with only the hashes the site's pages use. Astro lists the hash of every script
 * and stylesheet it knows, bundled files included (which `'self'` already allows) and the island
 * scripts of its renderers, which no page of ours holds: some 400 incompressible bytes in every
 * page. `used` holds the hashes of the inline scripts and styles found in the built pages; one
 * that Astro's policy does not allow is returned in `refused`, since the browser would block it.
 */
export function tightenPolicy(
  policy: string,
  used: { scripts: ReadonlySet<string>; styles: ReadonlySet<string> },
): { policy: string; refused: string[] } {
  const refused: string[] = [];
  const directives = directiveList(policy).map(([name = '', ...sources]) => {
    const kind = name.startsWith('script-src') ? used.scripts : name.startsWith('style-src') ? used.styles : undefined;
    if (!kind) return [name, ...sources];
    if (name === 'script-src' || name === 'style-src') {
      for (const hash of kind) if (!sources.includes(hash)) refused.push(`${name} ${hash}`);
    }
    return [name, ...sources.filter((source) => !/^'sha(256|384|512)-/.test(source) || kind.has(source))];
  });
  return { policy: directives.map((d) => d.join(' ')).join('; '), refused };
}

/** The page with the content of its CSP `<meta>` replaced. */
export function replaceMetaPolicy(html: string, policy: string): string {
  return html.replace(META, () => `<meta http-equiv="content-security-policy" content="${policy}">`);
}

/** The policy as an HTTP header: the meta policy plus the header-only directives, tidied. */
export function headerPolicy(meta: string): string {
  const directives = meta
    .split(';')
    .map((d) => d.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
  return [...directives, ...HEADER_ONLY_DIRECTIVES].join('; ');
}

/**
 * `_headers` (as written in public/_headers) with the policy added: into the `/*` block when every
 * page has the same policy (as they do today), else as one block per page.
 */
export function withPolicy(headers: string, policies: ReadonlyMap<string, string>): string {
  const lines = headers.trim() ? headers.trimEnd().split('\n') : [];
  const block = (...entries: string[]) => lines.push(...(lines.length ? [''] : []), ...entries);
  const shared = policies.get('/*');
  if (shared) {
    const start = lines.findIndex((line) => line.trim() === '/*');
    if (start < 0) block('/*', `  Content-Security-Policy: ${shared}`);
    else {
      let end = start + 1;
      while (end < lines.length && /^\s+\S/.test(lines[end] ?? '')) end++;
      lines.splice(end, 0, `  Content-Security-Policy: ${shared}`);
    }
  }
  for (const [pattern, policy] of [...policies].sort(([a], [b]) => a.localeCompare(b))) {
    if (pattern !== '/*') block(pattern, `  Content-Security-Policy: ${policy}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Reads a `_headers` file back: path pattern → header name → value (comments and blanks skipped). */
export function parseHeadersFile(text: string): Map<string, Record<string, string>> {
  const rules = new Map<string, Record<string, string>>();
  let current: Record<string, string> | undefined;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = {};
      rules.set(line.trim(), current);
      continue;
    }
    const colon = line.indexOf(':');
    if (current && colon > 0) current[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return rules;
}
