/** The base path with exactly one leading and trailing slash: `/` or `/docs/`. Shared by config and pages. */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '/').replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
