/**
 * The site's routes, read from the files in `src/pages/` so that a page another change adds is
 * known without editing this list: `tags/[tag].astro` is `/tags/:tag/`, `rss.xml.ts` is
 * `/rss.xml`. A dynamic segment whose parameter names a kind of content (`slug`, `tag`,
 * `level`, `series`) is checked against the library; any other matches anything. Pure.
 */

export type Segment = { literal: string } | { param: string; rest: boolean };

export interface Route {
  segments: Segment[];
  /** The page file, for messages and tests. */
  file: string;
}

const PAGE_EXTENSIONS = /\.(astro|md|mdx|html|ts|js)$/;

/** Routes from page files given relative to `src/pages/` (`guides/[slug].astro`). */
export function routesFromPages(files: readonly string[]): Route[] {
  const routes: Route[] = [];
  for (const file of files) {
    if (!PAGE_EXTENSIONS.test(file)) continue;
    const parts = file.replace(PAGE_EXTENSIONS, '').split('/');
    // Files and folders starting with `_` are not routes in Astro.
    if (parts.some((p) => p.startsWith('_'))) continue;
    if (parts[parts.length - 1] === 'index') parts.pop();
    const segments = parts.map((part): Segment => {
      const dynamic = /^\[(\.\.\.)?([^\]]+)\]$/.exec(part);
      return dynamic ? { param: dynamic[2] as string, rest: Boolean(dynamic[1]) } : { literal: part };
    });
    routes.push({ segments, file });
  }
  return routes;
}

export interface RouteMatch {
  route: Route;
  /** Values of the route's parameters. */
  params: Record<string, string>;
}

/** Every route a site path (no base, no fragment) matches, most literal first. */
export function matchRoutes(routes: readonly Route[], pathname: string): RouteMatch[] {
  const clean = pathname.replace(/\/index\.html$/, '/').replace(/\.html$/, '');
  const parts = clean.split('/').filter(Boolean);
  const out: RouteMatch[] = [];
  for (const route of routes) {
    const params: Record<string, string> = {};
    let ok = true;
    let i = 0;
    for (const segment of route.segments) {
      if ('literal' in segment) {
        if (parts[i] !== segment.literal) ok = false;
        i++;
      } else if (segment.rest) {
        params[segment.param] = parts.slice(i).join('/');
        i = parts.length;
      } else {
        if (parts[i] === undefined) ok = false;
        else params[segment.param] = parts[i] as string;
        i++;
      }
      if (!ok) break;
    }
    if (ok && i === parts.length) out.push({ route, params });
  }
  const literals = (r: Route) => r.segments.filter((s) => 'literal' in s).length;
  return out.sort((a, b) => literals(b.route) - literals(a.route));
}
