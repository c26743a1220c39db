/**
 * Lighthouse on mobile settings (the pinned package, in /usr/bin/chromium) against the real
 * content's production build: the home page, /guides/, the longest guide and /search/ score 100
 * for Accessibility, Best Practices and SEO. A failure lists the audits that lost points. The
 * performance score is reported by `npm run bench`, not asserted here.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { longestGuide, runLighthouse, type LighthouseSummary } from '../../scripts/lib/lighthouse';
import { ROOT } from './support/build';
import { realSite } from './support/real-site';

const CATEGORIES = ['accessibility', 'best-practices', 'seo'] as const;
let summary: LighthouseSummary;

beforeAll(async () => {
  const dir = await realSite();
  summary = await runLighthouse({
    siteDir: dir,
    pages: [
      { name: 'home', path: '/' },
      { name: 'guides', path: '/guides/' },
      { name: 'long-guide', path: await longestGuide(dir) },
      { name: 'search', path: '/search/' },
    ],
    categories: CATEGORIES,
    reportDir: path.join(ROOT, 'lighthouse-reports', 'test'),
  });
}, 400_000);

describe('Lighthouse', () => {
  it.each(['home', 'guides', 'long-guide', 'search'])(
    '%s scores 100 for Accessibility, Best Practices and SEO',
    (name) => {
      const page = summary.pages[name];
      expect(page?.runWarnings).toEqual([]);
      for (const category of CATEGORIES) {
        const lost = (page?.failures[category] ?? []).map(
          (a) => `${a.id}: ${a.title}${a.items.map((i) => `\n  ${i}`).join('')}`,
        );
        expect({ category, score: page?.scores[category], lost }).toEqual({ category, score: 100, lost: [] });
      }
    },
  );
});
