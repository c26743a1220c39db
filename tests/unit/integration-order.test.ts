// Astro runs integrations' hooks in list order, so these positions are part of what the build does.
import { describe, expect, it } from 'vitest';
import { loadSiteConfig } from '~/data/site-config';
import { siteIntegrations } from '~/integrations';

const names = siteIntegrations(loadSiteConfig()).map((integration) => integration.name);
const at = (name: string): number => {
  const index = names.indexOf(name);
  expect(index, `${name} in ${names.join(', ')}`).toBeGreaterThanOrEqual(0);
  return index;
};

describe('the integration order (src/integrations/index.ts)', () => {
  it('lists each integration once', () => {
    expect(new Set(names).size).toBe(names.length);
  });
  it('starts with the build clock, which times and limits everything after it', () => {
    expect(names[0]).toBe('greenpath:build-clock');
  });
  it('checks the content before the render cache and the content sync use it', () => {
    expect(at('greenpath:content-guard')).toBeLessThan(at('greenpath:render-cache'));
    expect(at('greenpath:content-guard')).toBeLessThan(at('@astrojs/mdx'));
  });
  it('finishes pages after every integration that writes them', () => {
    expect(at('greenpath:finish-pages')).toBeGreaterThan(at('@astrojs/sitemap'));
    expect(at('greenpath:finish-pages')).toBeGreaterThan(at('@astrojs/mdx'));
  });
  it('indexes the finished pages for search', () => {
    expect(at('greenpath:pagefind')).toBeGreaterThan(at('greenpath:finish-pages'));
  });
  it('publishes the output last', () => {
    expect(names.at(-1)).toBe('greenpath:atomic-output');
  });
});
