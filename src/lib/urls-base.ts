/** The base path with exactly one leading and trailing slash: `/` or `/docs/`. Shared by config and pages. */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '/').replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * A root-relative URL as an author writes it (`/guides/x/#part`, `/images/x.svg`,
 * `/search/?q=grid`) moved under `base`: `/docs/guides/x/#part`. Everything else is returned as it
 * is: relative and absolute URLs, `#fragments`, protocol-relative `//host/x` (and `/\host/x`, which
 * browsers read the same way), and URLs already under the base (`/docs/guides/x/`), which the
 * content check accepts as written. Pure: the base is passed in, so config code can use it too.
 */
export function rootRelativeUnderBase(url: string, base: string): string {
  const prefix = normaliseBase(base);
  if (prefix === '/' || !/^\/(?![/\\])/.test(url)) return url;
  const bare = prefix.slice(0, -1);
  const rest = url.startsWith(bare) ? url.slice(bare.length) : undefined;
  if (rest !== undefined && (rest === '' || /^[/?#]/.test(rest))) return url;
  return `${prefix}${url.slice(1)}`;
}
