/**
 * The site's routes, from the page paths src/lib/urls.ts builds every URL from
 * (`tags/:tag/` is `/tags/:tag/`): the checker and the pages cannot disagree on what exists. A
 * parameter names a kind of content (`slug`, `tag`, `level`, `series`) and is checked against the
 * library; any other would match anything. Pure.
 */

export type Segment = { literal: string } | { param: string; rest: boolean };

export interface Route {
  segments: Segment[];
  /** The page path it came from, for messages and tests. */
  path: string;
  /** The language whose pages it is, under `/<lang>/`; none for the default language's. */
  lang?: string;
}

/** Routes from page paths such as `guides/:slug/` (PAGE_PATHS in src/lib/urls.ts), in language `lang` when given. */
export function routesFromPaths(paths: readonly string[], lang?: string): Route[] {
  return paths.map((pagePath) => ({
    ...(lang ? { lang } : {}),
    path: pagePath,
    // As matchRoutes reads a link: `404.html` is the page `/404`.
    segments: pagePath
      .replace(/\.html$/, '')
      .split('/')
      .filter(Boolean)
      .map((part): Segment => (part.startsWith(':') ? { param: part.slice(1), rest: false } : { literal: part })),
  }));
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
