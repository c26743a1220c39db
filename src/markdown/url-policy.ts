/**
 * Which URLs a guide may link to or embed. Used at render time by `rehype-safe-html` (which
 * strips what it refuses) and before the build by the content checks (which name the file and
 * line), so both apply the very same rule. Pure; runs in Node only.
 */

/** Schemes a guide may use; a URL without a scheme (relative, `#fragment`, `/path`) is always fine. */
export const ALLOWED_SCHEMES: readonly string[] = ['http', 'https', 'mailto', 'tel'];

/**
 * The scheme of `url` as a browser reads it, lower-cased, or `undefined` for a relative URL.
 * Browsers trim leading and trailing C0 controls and spaces and drop tabs and newlines anywhere,
 * so `" java\tscript:"` is a `javascript:` URL and is read as one here too.
 */
export function urlScheme(url: string): string | undefined {
  const cleaned = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  return match?.[1]?.toLowerCase();
}

/** Whether a guide may use `url` as a link target or image source. */
export function isAllowedUrl(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme === undefined || ALLOWED_SCHEMES.includes(scheme);
}

/** Links that leave the site: absolute http(s) and protocol-relative URLs. */
export function isExternalUrl(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme === 'http' || scheme === 'https' || /^[\s]*\/\//.test(url);
}

/** The reason a URL is refused, for error messages: `"javascript:alert(1)" (javascript: URLs are refused)`. */
export function describeRefusedUrl(url: string): string {
  const shown = url.length > 60 ? `${url.slice(0, 57)}…` : url;
  return `${JSON.stringify(shown)} (${urlScheme(url) ?? 'unknown'}: URLs are refused)`;
}
