import { describe, expect, it } from 'vitest';
import {
  bodyLinkDiagnostics,
  referenceDiagnostics,
  resolveLink,
  type SiteIndex,
} from '../../content-tools/check/links';
import { matchRoutes, routesFromPaths } from '../../content-tools/check/routes';
import { PAGE_PATHS, siteUrls } from '~/lib/urls';
import { formatLong } from '~/schemas/errors';
import { guideRecord, guideText } from './support/guide-record';

const routes = routesFromPaths(Object.values(PAGE_PATHS));

function site(extra: Partial<SiteIndex> = {}): SiteIndex {
  return {
    guides: new Map([
      [
        'alpha',
        { slug: 'alpha', anchors: new Set(['setup', 'measure-it']), headingIds: ['setup', 'measure-it'], draft: false },
      ],
      ['beta-notes', { slug: 'beta-notes', anchors: new Set(), headingIds: [], draft: true }],
    ]),
    guideByFile: new Map([
      ['2025-01-01-alpha.md', 'alpha'],
      ['nested/beta-notes.md', 'beta-notes'],
    ]),
    tags: new Set(['cloud']),
    series: new Set(['greener-web']),
    difficulties: ['beginner', 'intermediate', 'advanced'],
    routes,
    basePath: '/',
    publicFileExists: (p) => p === '/images/a.svg',
    guideFolderFileExists: (p) => p === 'img/local.png',
    ...extra,
  };
}
const from = { slug: 'gamma', relativePath: 'gamma.md', draft: false };

describe('routes from the page paths of src/lib/urls.ts', () => {
  it('turn page paths into patterns', () => {
    expect(matchRoutes(routes, '/guides/alpha/').map((m) => m.params)).toEqual([{ slug: 'alpha' }]);
    expect(matchRoutes(routes, '/guides/').map((m) => m.route.path)).toEqual(['guides/']);
    expect(matchRoutes(routes, '/rss.xml').map((m) => m.route.path)).toEqual(['rss.xml']);
    expect(matchRoutes(routes, '/404.html').map((m) => m.route.path)).toEqual(['404.html']);
    expect(matchRoutes(routes, '/nowhere/at/all/')).toEqual([]);
  });
  it('know every URL the pages link with, so the two cannot disagree', () => {
    const urls = siteUrls('/');
    const made = [
      urls.home(),
      urls.guides(),
      urls.guide('alpha'),
      urls.tags(),
      urls.tag('cloud'),
      urls.difficulty('advanced'),
      urls.series('greener-web'),
      urls.search(),
      urls.rss(),
      urls.carbon(),
    ];
    for (const url of made) expect(matchRoutes(routes, url), url).not.toEqual([]);
    expect(matchRoutes(routes, urls.tag('cloud'))[0]?.params).toEqual({ tag: 'cloud' });
  });
});

describe('resolving a link', () => {
  it.each([
    ['/guides/alpha/', true],
    ['/guides/alpha', true],
    ['/guides/alpha/#setup', true],
    ['../alpha/#measure-it', true],
    ['/tags/cloud/', true],
    ['/difficulty/advanced/', true],
    ['/series/greener-web/', true],
    ['/rss.xml', true],
    ['/about/carbon/', true],
    ['/search/', true],
    ['/images/a.svg', true],
    ['/carbon-report.json', true],
    ['/sitemap-index.xml', true],
    ['https://example.org/x', true],
    ['mailto:a@example.org', true],
  ])('%s resolves: %s', (url, ok) => {
    expect(resolveLink(url, from, site()).ok).toBe(ok);
  });

  it('checks a fragment on the page itself', () => {
    const alpha = { slug: 'alpha', relativePath: '2025-01-01-alpha.md', draft: false };
    expect(resolveLink('#setup', alpha, site()).ok).toBe(true);
    expect(resolveLink('#set-up', alpha, site())).toMatchObject({ ok: false, rule: 'broken-anchor' });
  });

  it('suggests the nearest guide, heading, tag', () => {
    const messages = ['/guides/alph/', '/guides/alpha/#mesure-it', '/tags/clod/', '/nowhere/', '/images/b.svg'].map(
      (url) => {
        const r = resolveLink(url, from, site());
        return r.ok ? 'ok' : `${r.rule}: ${r.message}`;
      },
    );
    expect(messages).toEqual([
      'broken-link: /guides/alph/ links to a guide that does not exist: no guide has the slug "alph"; did you mean /guides/alpha/?',
      'broken-anchor: /guides/alpha/#mesure-it: the guide "alpha" has no heading with the id "mesure-it"; did you mean #measure-it?',
      'broken-link: /tags/clod/ links to a tag page that a build does not make: no published guide has the tag "clod"; did you mean cloud?',
      'broken-link: /nowhere/ links to /nowhere/, and the site has no page there',
      'broken-link: /images/b.svg: expected a file at public/images/b.svg, found none',
    ]);
  });

  it('refuses links to drafts and to source files, and accepts the base path', () => {
    expect(resolveLink('/guides/beta-notes/', from, site())).toMatchObject({ ok: false, rule: 'broken-link' });
    expect(resolveLink('/guides/beta-notes/', { ...from, draft: true }, site()).ok).toBe(true);
    expect(resolveLink('./2025-01-01-alpha.md#setup', from, site())).toEqual({
      ok: false,
      rule: 'broken-link',
      message:
        './2025-01-01-alpha.md#setup links to the source file 2025-01-01-alpha.md, which the site does not publish; link to /guides/alpha/#setup',
    });
    expect(resolveLink('/docs/guides/alpha/', from, site({ basePath: '/docs/' })).ok).toBe(true);
  });

  it('resolves relative images from the guide’s folder', () => {
    expect(resolveLink('img/local.png', from, site(), true).ok).toBe(true);
    expect(resolveLink('img/other.png', from, site(), true)).toMatchObject({ ok: false, rule: 'broken-image' });
  });
});

describe('link diagnostics', () => {
  it('name the line and column of each broken link, image and reference', () => {
    const record = guideRecord(
      'gamma.md',
      guideText(
        'related: [alpha, alph]\nseries:\n  name: Greener web\n  part: 2\n  previous: beta-notes\n',
        'See [alpha](/guides/alpha/#setup) and [nothing](/guides/nothing/).\n\n![Chart](/images/missing.svg)\n\n[ref]: /guides/alpha/#nope\n',
      ),
    );
    expect([...bodyLinkDiagnostics(record, site()), ...referenceDiagnostics(record, site())].map(formatLong)).toEqual([
      'guides/gamma.md:14:39 error broken-link: /guides/nothing/ links to a guide that does not exist: no guide has the slug "nothing"',
      'guides/gamma.md:16:1 error broken-image: /images/missing.svg: expected a file at public/images/missing.svg, found none',
      'guides/gamma.md:18:1 error broken-anchor: /guides/alpha/#nope: the guide "alpha" has no heading with the id "nope"',
      'guides/gamma.md:7:18 error broken-link: related[1]: expected the slug of a guide, found "alph", which no guide has; did you mean "alpha"?',
      'guides/gamma.md:11:3 error broken-link: series.previous: expected the slug of a published guide, found "beta-notes", a draft that builds leave out',
    ]);
    expect(bodyLinkDiagnostics(record, site(), 'warning').every((d) => d.severity === 'warning')).toBe(true);
  });

  it('keep a missing Markdown image beside the guide an error when links only warn: the build needs it', () => {
    const record = guideRecord(
      'gamma.md',
      guideText(
        '',
        '![Chart](img/other.png)\n\n<img src="img/html.png" alt="Chart">\n\n![Hero](/images/missing.svg)\n',
      ),
    );
    expect(bodyLinkDiagnostics(record, site(), 'warning').map(formatLong)).toEqual([
      'guides/gamma.md:9:1 error broken-image: img/other.png: expected an image file at img/other.png beside the guide, found none; the build cannot publish the guide without it, so this is an error even when links only warn',
      'guides/gamma.md:11:1 warning broken-image: img/html.png: expected an image file at img/html.png beside the guide, found none',
      'guides/gamma.md:13:1 warning broken-image: /images/missing.svg: expected a file at public/images/missing.svg, found none',
    ]);
  });
});
